package jattn.attention;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;

/**
 * Scaled dot-product attention of every head of B stacked sequences as ONE fused operation
 * (the hot path of {@link MultiHeadAttention#forwardStacked}):
 * <pre>
 *   for every sequence b and head h:
 *     Aᵦₕ = softmax(Qᵦₕ·Kᵦₕᵀ / √dK  masked),   outᵦₕ = Aᵦₕ·Vᵦₕ
 *   Qᵦₕ = rows [b·m, (b+1)·m), columns [h·dK, (h+1)·dK) of Q   (likewise Kᵦₕ, Vᵦₕ with n rows)
 * </pre>
 * Shapes: Q (B·m×d), K and V (B·n×d), d = nHeads·dK; output (B·m×d); weights B·nHeads
 * matrices (m×n). Query i of sequence b keeps key j iff j &lt; keyValidLens[b] and, with
 * {@link Causality#CAUSAL}, j ≤ i. Masked weights are exactly 0; a row that keeps no key gets
 * zero weights and a zero output (as {@link MaskedSoftmax}).
 *
 * <p>Backward, per (b, h) with G = ∂L/∂out: ∂V = Aᵀ·G, ∂A = G·Vᵀ,
 * ∂S = A ⊙ (∂A − rowsum(∂A ⊙ A)), ∂Q = ∂S·K/√dK, ∂K = ∂Sᵀ·Q/√dK. It computes what the
 * readable composition (per sequence, per head: slices, {@link AttentionPooling#scaledDotProduct},
 * concatenation; {@link MultiHeadAttention#forward}) computes, without its B·nHeads·8 graph nodes;
 * the tests check both agree and check the gradient by finite differences. Inputs are not modified.
 */
public final class StackedAttention {

    /** Whether a query may look at later keys. */
    public enum Causality {
        /** Every valid key: the encoder's self-attention and the decoder's cross-attention. */
        BIDIRECTIONAL,
        /** Query i sees keys j ≤ i only: the decoder's self-attention. */
        CAUSAL
    }

    /**
     * How the rows of Q and of K, V are split into sequences.
     *
     * @param batch        B, the number of sequences
     * @param queryLen     m, the rows of Q per sequence
     * @param keyLen       n, the rows of K and V per sequence
     * @param keyValidLens B valid key lengths in [0, n] (copied)
     * @param causality    bidirectional or causal
     */
    public record Layout(int batch, int queryLen, int keyLen, int[] keyValidLens, Causality causality) {
        public Layout {
            if (batch < 1 || queryLen < 1 || keyLen < 1)
                throw new IllegalArgumentException("StackedAttention.Layout: batch, queryLen and keyLen must be ≥ 1, got "
                        + batch + ", " + queryLen + ", " + keyLen);
            if (keyValidLens.length != batch)
                throw new IllegalArgumentException("StackedAttention.Layout: " + keyValidLens.length
                        + " valid key lengths for " + batch + " sequences");
            keyValidLens = keyValidLens.clone();
            for (int b = 0; b < batch; b++)
                if (keyValidLens[b] < 0 || keyValidLens[b] > keyLen)
                    throw new IllegalArgumentException("StackedAttention.Layout: valid key length " + keyValidLens[b]
                            + " of sequence " + b + " is outside [0, " + keyLen + "]");
            if (causality == null) throw new IllegalArgumentException("StackedAttention.Layout: causality must be given");
        }

        /** Every sequence's keys all valid. */
        public static Layout full(int batch, int queryLen, int keyLen, Causality causality) {
            int[] lens = new int[batch];
            Arrays.fill(lens, keyLen);
            return new Layout(batch, queryLen, keyLen, lens, causality);
        }

        @Override
        public int[] keyValidLens() { return keyValidLens.clone(); }

        /** The number of keys query i of sequence b keeps. */
        int kept(int b, int i) {
            return causality == Causality.CAUSAL ? Math.min(keyValidLens[b], i + 1) : keyValidLens[b];
        }
    }

    /**
     * The output and every head's weights.
     *
     * @param output  (B·m×d), with gradients to Q, K and V
     * @param weights the weights, [((b·nHeads + h)·m + i)·n + j], without gradient
     */
    public record Result(Tensor output, double[] weights, int nHeads, Layout layout) {
        /** The (m×n) weights of head h on sequence b, a new matrix. */
        public DMatrixRMaj weights(int b, int h) {
            int m = layout.queryLen(), n = layout.keyLen();
            DMatrixRMaj w = new DMatrixRMaj(m, n);
            System.arraycopy(weights, (b * nHeads + h) * m * n, w.data, 0, m * n);
            return w;
        }

        /** Head h's weights of all B sequences stacked, (B·m×n), row b·m + i: the layout of {@link jattn.transformer.TransformerEncoderBlock#forwardBatch}. */
        public Tensor stackedHead(int h) {
            int m = layout.queryLen(), n = layout.keyLen();
            DMatrixRMaj w = new DMatrixRMaj(layout.batch() * m, n);
            for (int b = 0; b < layout.batch(); b++)
                System.arraycopy(weights, (b * nHeads + h) * m * n, w.data, b * m * n, m * n);
            return Tensor.constant(w);
        }
    }

    private StackedAttention() {}

    /**
     * Whether the Vector API loops ({@link VectorAttentionRows}) run the heads whose dK is a multiple
     * of 4: the module is present and not switched off (as for the matrix kernel, system property
     * {@code jattn.gemm.kernel=scalar}). Checked before that class is touched, so that the scalar
     * loops run without the module.
     */
    private static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"scalar".equals(System.getProperty("jattn.gemm.kernel"));

    private static boolean vectorFor(int dK) { return VECTOR && dK % 4 == 0 && !scalarForTests; }

    /** Tests only: run the scalar loops even where the vector loops would, to compare both paths bit for bit. */
    static boolean scalarForTests = false;

    /** Attention of the stacked queries Q (B·m×d) over keys K and values V (B·n×d), nHeads heads. */
    public static Result apply(Tensor q, Tensor k, Tensor v, int nHeads, Layout layout) {
        int batch = layout.batch(), m = layout.queryLen(), n = layout.keyLen(), d = q.cols();
        if (q.rows() != batch * m || k.rows() != batch * n || v.rows() != batch * n || k.cols() != d || v.cols() != d)
            throw new IllegalArgumentException("StackedAttention: Q " + q.shape() + ", K " + k.shape() + ", V " + v.shape()
                    + " do not fit " + batch + " sequences of " + m + " queries and " + n + " keys of one width");
        if (nHeads < 1 || d % nHeads != 0)
            throw new IllegalArgumentException("StackedAttention: width " + d + " is not divisible by nHeads " + nHeads);
        int dK = d / nHeads;
        double scale = 1 / Math.sqrt(dK);
        double[] qd = q.value().data, kd = k.value().data, vd = v.value().data;
        double[] weights = new double[batch * nHeads * m * n];
        DMatrixRMaj out = new DMatrixRMaj(batch * m, d);
        double[] od = out.data;
        boolean vector = vectorFor(dK);
        double[] kt = vector ? new double[dK * n] : null;                   // Kᵦₕᵀ (dK×n) for the vector loops
        for (int b = 0; b < batch; b++)
            for (int h = 0; h < nHeads; h++) {
                int c0 = h * dK, wBase = (b * nHeads + h) * m * n;
                if (vector) VectorAttentionRows.transpose(kd, b * n, layout.keyValidLens[b], d, c0, dK, n, kt);
                for (int i = 0; i < m; i++) {
                    int kept = layout.kept(b, i), qRow = (b * m + i) * d + c0, wRow = wBase + i * n;
                    if (kept == 0) continue;                                   // zero weights, zero output
                    double max = Double.NEGATIVE_INFINITY;
                    if (vector) max = VectorAttentionRows.dots(qd, qRow, kt, n, dK, kept, scale, weights, wRow);
                    else for (int j = 0; j < kept; j++) {                      // sᵢⱼ = qᵢ·kⱼ / √dK
                        int kRow = (b * n + j) * d + c0;
                        double s = 0;
                        for (int c = 0; c < dK; c++) s += qd[qRow + c] * kd[kRow + c];
                        s *= scale;
                        weights[wRow + j] = s;
                        if (s > max) max = s;
                    }
                    double sum = 0;
                    for (int j = 0; j < kept; j++) { double e = Math.exp(weights[wRow + j] - max); weights[wRow + j] = e; sum += e; }
                    int oRow = (b * m + i) * d + c0;
                    if (vector) {
                        for (int j = 0; j < kept; j++) weights[wRow + j] /= sum;
                        VectorAttentionRows.axpyRows(weights, wRow, vd, b * n * d + c0, d, dK, kept, od, oRow);
                    } else for (int j = 0; j < kept; j++) {                    // outᵢ = Σⱼ αᵢⱼ vⱼ
                        double a = weights[wRow + j] / sum;
                        weights[wRow + j] = a;
                        int vRow = (b * n + j) * d + c0;
                        for (int c = 0; c < dK; c++) od[oRow + c] += a * vd[vRow + c];
                    }
                }
            }
        Tensor output = Tensor.op("stackedAttention", out, g -> backward(g, q, k, v, weights, nHeads, layout, dK, scale), q, k, v);
        return new Result(output, weights, nHeads, layout);
    }

    private static void backward(DMatrixRMaj g, Tensor q, Tensor k, Tensor v, double[] weights, int nHeads, Layout layout,
                                 int dK, double scale) {
        int batch = layout.batch(), m = layout.queryLen(), n = layout.keyLen(), d = q.cols();
        double[] gd = g.data, qd = q.value().data, kd = k.value().data, vd = v.value().data;
        double[] dq = q.requiresGrad() ? q.gradBuffer().data : null;
        double[] dk = k.requiresGrad() ? k.gradBuffer().data : null;
        double[] dv = v.requiresGrad() ? v.gradBuffer().data : null;
        double[] dA = new double[n], dS = new double[n];
        boolean vector = vectorFor(dK);
        double[] vt = vector ? new double[dK * n] : null;                   // Vᵦₕᵀ (dK×n) for the vector loops
        for (int b = 0; b < batch; b++)
            for (int h = 0; h < nHeads; h++) {
                int c0 = h * dK, wBase = (b * nHeads + h) * m * n;
                if (vector) VectorAttentionRows.transpose(vd, b * n, layout.keyValidLens[b], d, c0, dK, n, vt);
                for (int i = 0; i < m; i++) {
                    int kept = layout.kept(b, i), wRow = wBase + i * n, gRow = (b * m + i) * d + c0, qRow = gRow;
                    if (vector) {
                        if (kept == 0) continue;
                        int row0 = b * n * d + c0;
                        VectorAttentionRows.dots(gd, gRow, vt, n, dK, kept, 1, dA, 0);                     // ∂Aᵢⱼ = gᵢ·vⱼ
                        if (dv != null) VectorAttentionRows.rankOneRows(weights, wRow, gd, gRow, dK, kept, dv, row0, d); // ∂vⱼ += αᵢⱼ gᵢ
                        double dot = 0;
                        for (int j = 0; j < kept; j++) dot += weights[wRow + j] * dA[j];
                        for (int j = 0; j < kept; j++) dS[j] = weights[wRow + j] * (dA[j] - dot) * scale;   // ∂Sᵢⱼ / √dK
                        if (dq != null) VectorAttentionRows.axpyRows(dS, 0, kd, row0, d, dK, kept, dq, qRow);   // ∂qᵢ += Σⱼ ∂Sᵢⱼ kⱼ
                        if (dk != null) VectorAttentionRows.rankOneRows(dS, 0, qd, qRow, dK, kept, dk, row0, d); // ∂kⱼ += ∂Sᵢⱼ qᵢ
                        continue;
                    }
                    double dot = 0;
                    for (int j = 0; j < kept; j++) {                           // ∂Aᵢⱼ = gᵢ·vⱼ; ∂vⱼ += αᵢⱼ gᵢ
                        int vRow = (b * n + j) * d + c0;
                        double a = weights[wRow + j], s = 0;
                        for (int c = 0; c < dK; c++) s += gd[gRow + c] * vd[vRow + c];
                        if (dv != null) for (int c = 0; c < dK; c++) dv[vRow + c] += a * gd[gRow + c];
                        dA[j] = s;
                        dot += a * s;
                    }
                    for (int j = 0; j < kept; j++) {                           // ∂Sᵢⱼ = αᵢⱼ (∂Aᵢⱼ − Σ α ∂A) / √dK
                        double ds = weights[wRow + j] * (dA[j] - dot) * scale;   // a zero term is added too, as in the vector loops
                        int kRow = (b * n + j) * d + c0;
                        if (dq != null) for (int c = 0; c < dK; c++) dq[qRow + c] += ds * kd[kRow + c];
                        if (dk != null) for (int c = 0; c < dK; c++) dk[kRow + c] += ds * qd[qRow + c];
                    }
                }
            }
    }
}
