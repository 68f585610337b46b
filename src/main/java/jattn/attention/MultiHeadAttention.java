package jattn.attention;

import jattn.autograd.Tensor;
import jattn.nn.Linear;
import jattn.nn.Module;
import jattn.nn.TorchWeights;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Multi-head attention (Vaswani et al., 2017, section 3.2.2):
 * <pre>
 *   Q = query·Wq + bq,  K = key·Wk + bk,  V = value·Wv + bv          (projections, dModel wide)
 *   headₕ = softmax(Qₕ·Kₕᵀ / √dK)·Vₕ,   Qₕ = columns [h·dK, (h+1)·dK) of Q (likewise Kₕ, Vₕ)
 *   output = [head₀ … head_{nHeads−1}]·Wo + bo
 * </pre>
 * Shapes: query (m×dModel), key and value (n×dModel); Wq, Wk, Wv, Wo (dModel×dModel); biases
 * (1×dModel); dK = dModel / nHeads; each head's weights (m×n); output (m×dModel). Heads are
 * split by column blocks and merged by concatenating columns. No input is modified.
 *
 * <p>The math is PyTorch's {@code torch.nn.MultiheadAttention} (in_proj and out_proj with bias,
 * q scaled by 1/√dK). Our W is torch's weight transposed: Wq = in_proj_weight[0:d]ᵀ,
 * Wk = in_proj_weight[d:2d]ᵀ, Wv = in_proj_weight[2d:3d]ᵀ, Wo = out_proj.weightᵀ; see
 * {@link #fromTorch}. Differences: our {@link Mask} uses true = keep (torch: true = ignore);
 * a fully masked row gives zero weights (torch: NaN); we return every head's weights (torch
 * averages them by default: {@link AttentionResult#averageWeights()}). The seeded initialisation is
 * Xavier-uniform for all four matrices with zero biases (torch draws out_proj differently).
 */
public final class MultiHeadAttention implements Module {

    /**
     * The size of a seeded layer: nHeads heads over dModel columns (dModel divisible by nHeads,
     * checked when the layer is built, so that the withers may come in any order).
     * Start from {@link #paper()} and change what differs:
     * {@code Settings.paper().withHeads(2).withDModel(16)}.
     */
    public record Settings(int nHeads, int dModel) {
        /** The paper's base model: 8 heads, dModel 512. */
        public static Settings paper() { return new Settings(8, 512); }

        public Settings withHeads(int n) { return new Settings(n, dModel); }

        public Settings withDModel(int d) { return new Settings(nHeads, d); }
    }

    /** The four projections, each (dModel×dModel), with or without bias: query Wq, key Wk, value Wv, output Wo. */
    public record Projections(Linear query, Linear key, Linear value, Linear output) {}

    private final int nHeads, dModel, dK;
    private final Linear wq, wk, wv, wo;

    /** Seeded: four Xavier-uniform (dModel×dModel) weights, zero biases. */
    public MultiHeadAttention(Settings settings, Random rng) {
        this(seeded(settings.dModel(), rng), requireDivisible(settings.dModel(), settings.nHeads()));
    }

    private static Projections seeded(int d, Random rng) {
        return new Projections(new Linear(d, d, rng), new Linear(d, d, rng), new Linear(d, d, rng), new Linear(d, d, rng));
    }

    /**
     * nHeads heads over given projections (used as they are), each (dModel×dModel). The
     * weights come first, then the number of heads, as in {@link #fromTorch(TorchWeights, int)}.
     */
    public MultiHeadAttention(Projections projections, int nHeads) {
        this.wq = projections.query();
        this.wk = projections.key();
        this.wv = projections.value();
        this.wo = projections.output();
        this.dModel = wq.inputSize();
        requireDivisible(dModel, nHeads);
        for (Linear l : List.of(wq, wk, wv, wo))
            if (l.inputSize() != dModel || l.outputSize() != dModel)
                throw new IllegalArgumentException("MultiHeadAttention: projection " + l.weight().shape()
                        + " and Wq " + wq.weight().shape() + " must all be (dModel×dModel)");
        this.nHeads = nHeads;
        this.dK = dModel / nHeads;
    }

    /**
     * From PyTorch's {@code nn.MultiheadAttention(d, nHeads)} state dict: in_proj_weight (3d×d)
     * (the query, key and value rows), in_proj_bias (3d), out_proj.weight (d×d), out_proj.bias
     * (d); the biases may be absent (bias=False). Wq = in_proj_weight[0:d]ᵀ,
     * Wk = in_proj_weight[d:2d]ᵀ, Wv = in_proj_weight[2d:3d]ᵀ, Wo = out_proj.weightᵀ. Copied.
     */
    public static MultiHeadAttention fromTorch(TorchWeights torch, int nHeads) {
        int d = torch.cols("in_proj_weight");
        torch.matrix("in_proj_weight", 3 * d, d);                        // checks the shape
        Linear[] in = new Linear[3];
        for (int p = 0; p < 3; p++) {
            Tensor w = torch.transposedRows("in_proj_weight", p * d, d, d);                    // (d×d)ᵀ
            if (!torch.has("in_proj_bias")) { in[p] = new Linear(w); continue; }
            DMatrixRMaj b = new DMatrixRMaj(1, d);
            System.arraycopy(torch.vector("in_proj_bias", 3 * d).data, p * d, b.data, 0, d);
            in[p] = new Linear(w, Tensor.parameter(b));
        }
        return new MultiHeadAttention(new Projections(in[0], in[1], in[2], Linear.fromTorch(torch.under("out_proj"))), nHeads);
    }

    /** Self-attention: query = key = value = x (T×dModel), nothing masked. */
    public AttentionResult forward(Tensor x) {
        return forward(x, x, x, Mask.none());
    }

    /** Self-attention: query = key = value = x (T×dModel), with a (T×T) {@link Mask}. */
    public AttentionResult forward(Tensor x, Mask mask) {
        return forward(x, x, x, mask);
    }

    /** Attention of query (m×dModel) over key and value (n×dModel), nothing masked. */
    public AttentionResult forward(Tensor query, Tensor key, Tensor value) {
        return forward(query, key, value, Mask.none());
    }

    /**
     * As above with an (m×n) {@link Mask} (true = keep; e.g. {@code Mask.causal()},
     * {@code Mask.validLen(n)}, {@code Mask.none()}). The result has one (m×n) weight matrix per
     * head ({@link AttentionResult#head}).
     */
    public AttentionResult forward(Tensor query, Tensor key, Tensor value, Mask mask) {
        if (query.cols() != dModel || key.cols() != dModel || value.cols() != dModel)
            throw new IllegalArgumentException("MultiHeadAttention: query " + query.shape() + ", key " + key.shape()
                    + " and value " + value.shape() + " must all have dModel = " + dModel + " columns");
        if (key.rows() != value.rows())
            throw new IllegalArgumentException("MultiHeadAttention: key " + key.shape() + " and value " + value.shape()
                    + " must have the same number of rows");
        Tensor q = wq.forward(query);                                    // (m×d)·(d×d) + (1×d) → (m×d)
        Tensor k = wk.forward(key);                                      // (n×d) → (n×d)
        Tensor v = wv.forward(value);                                    // (n×d) → (n×d)
        List<Tensor> heads = new ArrayList<>(nHeads), weights = new ArrayList<>(nHeads);
        for (int h = 0; h < nHeads; h++) {
            int from = h * dK, to = from + dK;
            AttentionResult head = AttentionPooling.scaledDotProduct(
                    q.sliceCols(from, to), k.sliceCols(from, to), v.sliceCols(from, to), mask); // (m×dK)
            heads.add(head.output());
            weights.add(head.weights());                                 // (m×n)
        }
        Tensor merged = Tensor.concatCols(heads);                        // nHeads × (m×dK) → (m×d)
        return AttentionResult.ofHeads(wo.forward(merged), weights);     // (m×d)·(d×d) + (1×d) → (m×d)
    }

    /**
     * The same attention for B sequences stacked as rows, in one fused operation
     * ({@link StackedAttention}): queries (B·m×dModel), keys = values (B·n×dModel), the layout
     * telling which rows belong to which sequence, the valid key lengths and the causality.
     * Computes what {@link #forward(Tensor, Tensor, Tensor, Mask)} computes sequence by sequence
     * (the tests check it), with four projections on the whole stack and one attention node.
     * Returns the output (B·m×dModel), after Wo, and every head's weights.
     */
    public StackedAttention.Result forwardStacked(Tensor query, Tensor keyValue, StackedAttention.Layout layout) {
        return forwardStacked(query, project(keyValue), layout);
    }

    /** The projected keys K = M·Wk + bk and values V = M·Wv + bv of a memory M (n×dModel), each (n×dModel). */
    public record KeysValues(Tensor keys, Tensor values) {}

    /**
     * K and V of a memory, computed once, so that a decoder that attends to the same memory at
     * every greedy step ({@link #forwardStacked(Tensor, KeysValues, StackedAttention.Layout)})
     * does not project it again.
     */
    public KeysValues project(Tensor keyValue) {
        if (keyValue.cols() != dModel)
            throw new IllegalArgumentException("MultiHeadAttention: key/value " + keyValue.shape() + " must have dModel = "
                    + dModel + " columns");
        return new KeysValues(wk.forwardFused(keyValue), wv.forwardFused(keyValue));   // (B·n×d)·(d×d) + (1×d) → (B·n×d), twice
    }

    /** {@link #forwardStacked(Tensor, Tensor, StackedAttention.Layout)} over keys and values already projected. */
    public StackedAttention.Result forwardStacked(Tensor query, KeysValues kv, StackedAttention.Layout layout) {
        if (query.cols() != dModel)
            throw new IllegalArgumentException("MultiHeadAttention: query " + query.shape() + " must have dModel = "
                    + dModel + " columns");
        Tensor q = wq.forwardFused(query);                               // (B·m×d)·(d×d) + (1×d) → (B·m×d)
        StackedAttention.Result r = StackedAttention.apply(q, kv.keys(), kv.values(), nHeads, layout);   // (B·m×d)
        return new StackedAttention.Result(wo.forwardFused(r.output()), r.weights(), nHeads, layout); // (B·m×d)·(d×d) → (B·m×d)
    }

    /** nHeads, after checking that it divides dModel. */
    private static int requireDivisible(int dModel, int nHeads) {
        if (nHeads <= 0 || dModel % nHeads != 0)
            throw new IllegalArgumentException("MultiHeadAttention: dModel " + dModel + " is not divisible by nHeads "
                    + nHeads + " (each head gets dK = dModel / nHeads columns)");
        return nHeads;
    }

    public int dModel() { return dModel; }
    public int nHeads() { return nHeads; }
    public int dK() { return dK; }
    /** The query projection Wq, bq. */
    public Linear queryProjection() { return wq; }
    public Linear keyProjection() { return wk; }
    public Linear valueProjection() { return wv; }
    /** The output projection Wo, bo. */
    public Linear outputProjection() { return wo; }

    /** Wq, bq, Wk, bk, Wv, bv, Wo, bo (biases only if present). */
    @Override
    public List<Tensor> parameters() { return Module.collect(wq, wk, wv, wo); }
}
