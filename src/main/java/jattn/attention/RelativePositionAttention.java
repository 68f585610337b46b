package jattn.attention;

import jattn.autograd.Tensor;
import jattn.conv.Conv1d;
import jattn.nn.Linear;
import jattn.nn.Module;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;

/**
 * Multi-head self-attention whose scores depend only on the relative position of key and query,
 * with Cordonnier, Loukas and Jaggi's quadratic encoding (arXiv 1911.03584, section 3): head h
 * has a centre offset Δₕ and a sharpness αₕ, and for query i and key j
 * <pre>
 *   eₕ(i, j) = −αₕ · ((j − i) − Δₕ)²,     Aₕ = softmax_j(eₕ)           (T × (T + 2p))
 *   headₕ = Aₕ · X_pad · Wvₕ,             Y = [head₀ … head_{H−1}] · Wo + bo
 * </pre>
 * X_pad is X with p zero rows above and below (the keys at positions −p … T−1+p, as a
 * convolution's zero padding), j − i is measured in positions of X. As αₕ grows, head h puts all
 * its weight on the key at offset Δₕ: headₕ(i) → X_pad[i + p + Δₕ]·Wvₕ. With one head per offset
 * Δₕ = h − p (h = 0 … k−1), Wvₕ = I and Wo the stacked kernel, the layer computes a
 * {@link Conv1d} with kernel size k = 2p + 1 exactly in the limit ({@link #ofConv}): "a CNN is
 * self-attention with a limited receptive field". The content term q·k of ordinary attention is
 * left out (it is zero in the paper's construction).
 *
 * <p>Shapes: X (T×d); α and Δ (1×H); Wv (d × H·dV), head h uses columns [h·dV, (h+1)·dV); Wo
 * (H·dV × dOut), bo (1×dOut); Y (T×dOut); each head's weights (T × (T+2p)). Gradients flow to X,
 * α, Δ, Wv, Wo, bo. No input is modified.
 */
public final class RelativePositionAttention implements Module {

    private final Tensor sharpness, offsets, wv;
    private final Linear output;
    private final int padding, heads, dV;

    /**
     * @param sharpness α (1×H), one per head
     * @param offsets   Δ (1×H), each head's centre offset j − i
     * @param wv        Wv (d × H·dV)
     * @param output    Wo (H·dV × dOut) and bo
     * @param padding   p: zero key rows before and after the sequence
     */
    public RelativePositionAttention(Tensor sharpness, Tensor offsets, Tensor wv, Linear output, int padding) {
        if (sharpness.rows() != 1 || offsets.rows() != 1 || sharpness.cols() != offsets.cols())
            throw new IllegalArgumentException("RelativePositionAttention: sharpness " + sharpness.shape() + " and offsets "
                    + offsets.shape() + " must both be (1×H)");
        this.heads = sharpness.cols();
        if (wv.cols() % heads != 0 || output.inputSize() != wv.cols())
            throw new IllegalArgumentException("RelativePositionAttention: Wv " + wv.shape() + " and Wo " + output.weight().shape()
                    + " do not fit " + heads + " heads; expected (d × H·dV) and (H·dV × dOut)");
        if (padding < 0) throw new IllegalArgumentException("RelativePositionAttention: padding " + padding + " must be ≥ 0");
        this.sharpness = sharpness;
        this.offsets = offsets;
        this.wv = wv;
        this.output = output;
        this.padding = padding;
        this.dV = wv.cols() / heads;
    }

    /**
     * The layer that computes {@code conv} (kernel size k = 2p + 1, "same" padding p): k heads
     * with offsets Δₕ = h − p, every αₕ = {@code sharpness}, Wv = [I | I | … | I] (d × k·d), Wo =
     * the kernel W (k·d × dOut), bo = b. Shares (does not copy) the convolution's W and b.
     */
    public static RelativePositionAttention ofConv(Conv1d conv, double sharpness) {
        int k = conv.kernelSize(), p = conv.padding(), d = conv.inputSize();
        if (k != 2 * p + 1)
            throw new IllegalArgumentException("RelativePositionAttention.ofConv: kernel size " + k + " with padding " + p
                    + " is not a 'same' convolution (k = 2p + 1 keeps T positions, one output per query)");
        DMatrixRMaj alpha = new DMatrixRMaj(1, k), delta = new DMatrixRMaj(1, k), identities = new DMatrixRMaj(d, k * d);
        for (int h = 0; h < k; h++) {
            alpha.set(0, h, sharpness);
            delta.set(0, h, h - p);
            for (int c = 0; c < d; c++) identities.set(c, h * d + c, 1.0);
        }
        return new RelativePositionAttention(Tensor.parameter(alpha), Tensor.parameter(delta), Tensor.parameter(identities),
                new Linear(conv.weight(), conv.bias()), p);
    }

    /** Y and every head's weights Aₕ (T × (T+2p)). */
    public AttentionResult forward(Tensor x) {
        if (x.cols() != wv.rows())
            throw new IllegalArgumentException("RelativePositionAttention: input " + x.shape() + " does not fit Wv " + wv.shape()
                    + "; expected (T×" + wv.rows() + ")");
        int t = x.rows();
        Tensor padded = padding == 0 ? x
                : Tensor.concatRows(List.of(Tensor.zeros(padding, x.cols()), x, Tensor.zeros(padding, x.cols()))); // (T+2p × d)
        Tensor values = padded.matmul(wv);                               // (T+2p × d)·(d × H·dV) → (T+2p × H·dV)
        List<Tensor> outs = new ArrayList<>(heads), weights = new ArrayList<>(heads);
        for (int h = 0; h < heads; h++) {
            Tensor a = Softmax.apply(scores(h, t));                      // Aₕ (T × T+2p)
            weights.add(a);
            outs.add(a.matmul(values.sliceCols(h * dV, (h + 1) * dV)));  // (T × T+2p)·(T+2p × dV) → (T × dV)
        }
        return AttentionResult.ofHeads(output.forward(Tensor.concatCols(outs)), weights); // (T × H·dV)·(H·dV × dOut) → (T × dOut)
    }

    /** eₕ(i, j) = −αₕ((j − p − i) − Δₕ)² for i &lt; T, j &lt; T + 2p; ∂α = −(δ − Δ)², ∂Δ = 2α(δ − Δ). */
    private Tensor scores(int h, int t) {
        int n = t + 2 * padding;
        double alpha = sharpness.get(0, h), delta = offsets.get(0, h);
        DMatrixRMaj e = new DMatrixRMaj(t, n);
        for (int i = 0; i < t; i++)
            for (int j = 0; j < n; j++) {
                double r = (j - padding - i) - delta;
                e.data[i * n + j] = -alpha * r * r;
            }
        return Tensor.op("relativePositionScores", e, g -> {
            double ga = 0, gd = 0;
            for (int i = 0; i < t; i++)
                for (int j = 0; j < n; j++) {
                    double r = (j - padding - i) - delta, gij = g.data[i * n + j];
                    ga -= r * r * gij;
                    gd += 2 * alpha * r * gij;
                }
            if (sharpness.requiresGrad()) sharpness.gradBuffer().data[h] += ga;
            if (offsets.requiresGrad()) offsets.gradBuffer().data[h] += gd;
        }, sharpness, offsets);
    }

    /** α (1×H). */
    public Tensor sharpness() { return sharpness; }
    /** Δ (1×H). */
    public Tensor offsets() { return offsets; }
    /** Wv (d × H·dV). */
    public Tensor valueWeight() { return wv; }
    /** Wo, bo. */
    public Linear outputProjection() { return output; }
    public int heads() { return heads; }
    public int padding() { return padding; }

    @Override
    public List<Tensor> parameters() {
        List<Tensor> all = new ArrayList<>(List.of(sharpness, offsets, wv));
        all.addAll(output.parameters());
        return all;
    }
}
