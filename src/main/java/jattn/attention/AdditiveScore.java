package jattn.attention;

import jattn.autograd.NoGrad;
import jattn.autograd.Tensor;
import jattn.linalg.RowMath;
import jattn.nn.Bias;
import jattn.nn.Init;
import jattn.nn.Linear;
import jattn.nn.TorchWeights;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Additive (Bahdanau) score, a one-hidden-layer network of the query and the key
 * (Bahdanau, Cho and Bengio, 2014, eq. 6; Shusen Wang's "small neural network"):
 * <pre>  score(q, k) = vᵀ tanh(q·Wq + k·Wk + b)</pre>
 * Shapes: Wq (dq×h), Wk (dk×h), b (1×h) on the key projection (optional), v (h×1);
 * queries Q (m×dq), keys K (n×dk) → scores (m×n). Inputs are not modified.
 *
 * <p>Efficiency: the keys are projected once, K·Wk + b (n×h), the queries once, Q·Wq (m×h),
 * and the (m×n) grid eᵢⱼ = Σ_c v_c tanh(q̃ᵢc + k̃ⱼc) is one fused operation with the backward
 * rule written beside it, instead of m·n small graphs. A decoder that scores the same keys at
 * every step calls {@link #projectKeys} once and {@link #scoresWithProjectedKeys} per step.
 *
 * <p>PyTorch equivalent: {@code va(tanh(Ua(keys)[None,:,:] + Wa(q)[:,None,:])).squeeze(-1)} with
 * {@code Ua = Linear(dk, h)} (with bias), {@code Wa = Linear(dq, h, bias=False)},
 * {@code va = Linear(h, 1, bias=False)}; Wk = Ua.weightᵀ, b = Ua.bias, Wq = Wa.weightᵀ, v = va.weightᵀ.
 */
public final class AdditiveScore implements Score {

    private final Linear queryProjection; // Q·Wq, no bias
    private final Linear keyProjection;   // K·Wk + b
    private final Tensor v;

    /** Seeded: Wq, Wk, v Xavier-uniform, key bias b zero. */
    public AdditiveScore(int dq, int dk, int hidden, Random rng) {
        this(dq, dk, hidden, Bias.INCLUDED, rng);
    }

    /** Seeded, with or without the key bias b: {@code new AdditiveScore(3, 4, 5, Bias.NONE, rng)}. */
    public AdditiveScore(int dq, int dk, int hidden, Bias keyBias, Random rng) {
        this(Init.xavierUniform(dq, hidden, rng), Init.xavierUniform(dk, hidden, rng),
                keyBias == Bias.INCLUDED ? Init.zeros(1, hidden) : null, Init.xavierUniform(hidden, 1, rng));
    }

    /**
     * From the state dict of d2l's {@code AdditiveAttention} (scores w_v(tanh(W_q(q) + W_k(k)))):
     * W_q.weight (h×dq), W_k.weight (h×dk), W_k.bias (h) if there is a key bias, w_v.weight
     * (1×h). Wq = W_q.weightᵀ, Wk = W_k.weightᵀ, b = W_k.bias, v = w_v.weightᵀ. Copied.
     */
    public static AdditiveScore fromTorch(TorchWeights torch) {
        Linear q = Linear.fromTorch(torch.under("W_q")), k = Linear.fromTorch(torch.under("W_k"));
        Linear v = Linear.fromTorch(torch.under("w_v"));
        if (q.bias() != null || v.bias() != null || v.outputSize() != 1)
            throw new IllegalArgumentException("AdditiveScore.fromTorch: W_q and w_v must have no bias and w_v one output; got W_q "
                    + (q.bias() != null ? "with" : "without") + " bias, w_v " + v.weight().shape());
        return new AdditiveScore(q.weight(), k.weight(), k.bias(), v.weight());
    }

    /** Given parameters (used as they are): Wq (dq×h), Wk (dk×h), b (1×h) or null, v (h×1). */
    public AdditiveScore(Tensor wq, Tensor wk, Tensor b, Tensor v) {
        if (wq.cols() != wk.cols() || v.rows() != wq.cols() || v.cols() != 1)
            throw new IllegalArgumentException("AdditiveScore: Wq " + wq.shape() + ", Wk " + wk.shape() + " and v "
                    + v.shape() + " do not agree; expected (dq×h), (dk×h) and (h×1)");
        this.queryProjection = new Linear(wq);
        this.keyProjection = new Linear(wk, b);
        this.v = v;
    }

    @Override
    public Tensor scores(Tensor queries, Tensor keys) {
        return scoresWithProjectedKeys(queries, projectKeys(keys));
    }

    /** K·Wk + b: (n×dk) → (n×h). Compute once per set of keys. */
    public Tensor projectKeys(Tensor keys) {
        if (keys.cols() != keyWidth())
            throw new IllegalArgumentException("AdditiveScore: keys " + keys.shape() + " do not fit Wk "
                    + keyProjection.weight().shape() + "; expected (n×" + keyWidth() + ")");
        return keyProjection.forward(keys);                              // (n×dk)·(dk×h) + (1×h) → (n×h)
    }

    /** Q·Wq: (m×dq) → (m×h). */
    public Tensor projectQueries(Tensor queries) {
        if (queries.cols() != queryWidth())
            throw new IllegalArgumentException("AdditiveScore: queries " + queries.shape() + " do not fit Wq "
                    + queryProjection.weight().shape() + "; expected (m×" + queryWidth() + ")");
        return queryProjection.forward(queries);                         // (m×dq)·(dq×h) → (m×h)
    }

    /** Scores of queries (m×dq) against keys already projected by {@link #projectKeys} (n×h) → (m×n). */
    public Tensor scoresWithProjectedKeys(Tensor queries, Tensor projectedKeys) {
        return scoresFromProjected(projectQueries(queries), projectedKeys);
    }

    /** eᵢⱼ = vᵀ tanh(q̃ᵢ + k̃ⱼ) from projected queries (m×h) and projected keys (n×h) → (m×n). */
    public Tensor scoresFromProjected(Tensor projectedQueries, Tensor projectedKeys) {
        if (projectedQueries.cols() != hidden() || projectedKeys.cols() != hidden())
            throw new IllegalArgumentException("AdditiveScore: projected queries " + projectedQueries.shape()
                    + " and projected keys " + projectedKeys.shape() + " must both have h = " + hidden() + " columns");
        return tanhGrid(projectedQueries, projectedKeys, v, 1);
    }

    /**
     * The fused grid, in groups: queries q̃ (m×h) and keys k̃ (G·n×h) are split into G groups;
     * query row i (group g = i / (m/G)) is scored against the n key rows g·n … g·n + n − 1:
     * eᵢⱼ = Σ_c v_c tanh(q̃ᵢc + k̃_{g·n+j, c}), giving (m×n). G = 1 is the plain grid; G = m = B
     * is batched attention (one query per batch element). Backward, with t = tanh(…) and
     * s = Gᵢⱼ·v_c·(1 − t²): ∂q̃ᵢc += Σⱼ s, ∂k̃_{g·n+j, c} += Σ_{i in g} s, ∂v_c += Σᵢⱼ Gᵢⱼ·t.
     * No input is modified; the tanh values are kept for the backward pass only when recorded
     * (m·n·h doubles).
     */
    static Tensor tanhGrid(Tensor qp, Tensor kp, Tensor v, int groups) {
        return tanhGrid(qp, kp, v, groups, null);
    }

    /**
     * The grid computed only where it will be used: with {@code limits} (m entries), eᵢⱼ for
     * j ≥ limits[i] is left at 0 (a constant, no gradient) instead of computed: the positions a
     * masked softmax ignores. null: every position.
     */
    static Tensor tanhGrid(Tensor qp, Tensor kp, Tensor v, int groups, int[] limits) {
        if (limits != null && limits.length != qp.rows())
            throw new IllegalArgumentException("AdditiveScore: " + limits.length + " limits for projected queries " + qp.shape());
        if (qp.rows() % groups != 0 || kp.rows() % groups != 0 || kp.cols() != qp.cols()
                || v.rows() != qp.cols() || v.cols() != 1)
            throw new IllegalArgumentException("AdditiveScore: projected queries " + qp.shape() + ", projected keys "
                    + kp.shape() + " and v " + v.shape() + " do not form " + groups + " groups of width h");
        int m = qp.rows(), h = qp.cols(), n = kp.rows() / groups, perGroup = m / groups;
        double[] q = qp.value().data, k = kp.value().data, vv = v.value().data;
        boolean record = !NoGrad.active() && (qp.requiresGrad() || kp.requiresGrad() || v.requiresGrad());
        double[] t = record ? new double[m * n * h] : null;
        DMatrixRMaj e = new DMatrixRMaj(m, n);
        for (int i = 0; i < m; i++) {
            int qOff = i * h, kRow0 = (i / perGroup) * n, end = limits == null ? n : Math.min(n, limits[i]);
            for (int j = 0; j < end; j++) {
                e.data[i * n + j] = RowMath.tanhDot(q, qOff, k, (kRow0 + j) * h, vv, t, (i * n + j) * h, h);  // vᵀ tanh(q̃ᵢ + k̃ⱼ)
            }
        }
        return Tensor.op("additiveScore", e, g -> {
            double[] gq = qp.requiresGrad() ? qp.gradBuffer().data : null;
            double[] gk = kp.requiresGrad() ? kp.gradBuffer().data : null;
            double[] gv = v.requiresGrad() ? v.gradBuffer().data : null;
            for (int i = 0; i < m; i++) {
                int qOff = i * h, kRow0 = (i / perGroup) * n, end = limits == null ? n : Math.min(n, limits[i]);
                for (int j = 0; j < end; j++) {
                    double gij = g.data[i * n + j];
                    if (gij == 0) continue;
                    int kOff = (kRow0 + j) * h, tOff = (i * n + j) * h;
                    for (int c = 0; c < h; c++) {
                        double tc = t[tOff + c], s = gij * vv[c] * (1 - tc * tc);
                        if (gq != null) gq[qOff + c] += s;
                        if (gk != null) gk[kOff + c] += s;
                        if (gv != null) gv[c] += gij * tc;
                    }
                }
            }
        }, qp, kp, v);
    }

    public int queryWidth() { return queryProjection.inputSize(); }
    public int keyWidth() { return keyProjection.inputSize(); }
    public int hidden() { return v.rows(); }
    /** Wq (dq×h). */
    public Tensor queryWeight() { return queryProjection.weight(); }
    /** Wk (dk×h). */
    public Tensor keyWeight() { return keyProjection.weight(); }
    /** b (1×h), or null without key bias. */
    public Tensor keyBias() { return keyProjection.bias(); }
    /** v (h×1). */
    public Tensor v() { return v; }

    /** Wq, Wk, b (if any), v. */
    @Override
    public List<Tensor> parameters() {
        List<Tensor> p = new ArrayList<>(List.of(queryWeight(), keyWeight()));
        if (keyBias() != null) p.add(keyBias());
        p.add(v);
        return p;
    }
}
