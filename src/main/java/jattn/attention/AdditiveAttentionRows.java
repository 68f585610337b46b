package jattn.attention;

import jattn.linalg.RowMath;

/**
 * Bahdanau attention of ONE decoder row on raw buffers, forward and backward written out: the
 * same function as {@link BatchedAdditiveAttention#attend} for one batch row b, for fused callers
 * that keep their rows in pre-allocated arrays (the fused Bahdanau decoder of
 * {@code jattn.seq2seq}), as {@code jattn.rnn.GruGates} is the GRU's math for one row. With the
 * projected query q̃ = s·Wq (1×h), the projected keys k̃ⱼ = hⱼ·Wk + b (T×h), v (h×1), the encoder
 * states hⱼ (T×H) of this row and its valid length n ≤ T:
 * <pre>
 *   tⱼ = tanh(q̃ + k̃ⱼ)        (1×h)  kept for the backward, j &lt; n
 *   eⱼ = v·tⱼ                 j &lt; n
 *   αⱼ = softmax(e₀ … e_{n−1})ⱼ for j &lt; n, exactly 0 for j ≥ n (all 0 when n = 0)
 *   c  = Σⱼ αⱼ hⱼ              (1×H)
 * </pre>
 * Backward, with G = ∂L/∂c (1×H):
 * <pre>
 *   ∂αⱼ = G·hⱼ,   ∂eⱼ = αⱼ (∂αⱼ − Σₖ αₖ ∂αₖ),   ∂hⱼ += αⱼ G
 *   sⱼ꜀ = ∂eⱼ v꜀ (1 − tⱼ꜀²):   ∂q̃꜀ += Σⱼ sⱼ꜀,   ∂k̃ⱼ꜀ += sⱼ꜀,   ∂v꜀ += Σⱼ ∂eⱼ tⱼ꜀
 * </pre>
 * Every array is addressed by an offset; rows are contiguous (k̃ⱼ at kAt + j·h, hⱼ at hsAt + j·H,
 * tⱼ at tAt + j·h). Nothing but the outputs named is written.
 */
public final class AdditiveAttentionRows {

    private AdditiveAttentionRows() {}

    /**
     * One row forward: reads q̃ (h), k̃ (T×h), v (h), hs (T×H); writes tanh[tAt, +n·h) (skipped
     * when {@code tanh} is null: no backward will follow), α[alphaAt, +T) and c[cAt, +H).
     *
     * @param h     the attention width (columns of q̃, k̃, rows of v)
     * @param width H, the width of an encoder state
     * @param steps T, the padded source length (α gets T entries)
     * @param len   n, the valid length of this row, 0 ≤ n ≤ T
     */
    public static void forwardRow(int h, int width, int steps, int len, double[] q, int qAt, double[] k, int kAt,
                                  double[] v, double[] hs, int hsAt, double[] tanh, int tAt,
                                  double[] alpha, int alphaAt, double[] c, int cAt) {
        java.util.Arrays.fill(c, cAt, cAt + width, 0.0);
        java.util.Arrays.fill(alpha, alphaAt, alphaAt + steps, 0.0);
        if (len == 0) return;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < len; j++) {
            double e = RowMath.tanhDot(q, qAt, k, kAt + j * h, v, tanh, tAt + j * h, h);   // eⱼ = vᵀ tanh(q̃ + k̃ⱼ)
            alpha[alphaAt + j] = e;
            if (e > max) max = e;
        }
        double sum = 0;
        for (int j = 0; j < len; j++) {
            double x = Math.exp(alpha[alphaAt + j] - max);
            alpha[alphaAt + j] = x;
            sum += x;
        }
        for (int j = 0; j < len; j++) {
            double a = alpha[alphaAt + j] / sum;
            alpha[alphaAt + j] = a;
            int hOff = hsAt + j * width;
            for (int i = 0; i < width; i++) c[cAt + i] += a * hs[hOff + i];   // c = Σⱼ αⱼ hⱼ
        }
    }

    /**
     * One row backward from G = ∂L/∂c at g[gAt, +H): adds ∂q̃ into dq[dqAt, +h), ∂k̃ into
     * dk[dkAt, +n·h), ∂v into dv[0, h) (skipped if null) and ∂hs into dhs[dhsAt, +n·H) (skipped
     * if null). {@code work} holds at least n doubles (overwritten).
     */
    public static void backwardRow(int h, int width, int len, double[] g, int gAt, double[] tanh, int tAt,
                                   double[] alpha, int alphaAt, double[] v, double[] hs, int hsAt,
                                   double[] dq, int dqAt, double[] dk, int dkAt, double[] dv, double[] dhs, int dhsAt,
                                   double[] work) {
        double dot = 0;
        for (int j = 0; j < len; j++) {
            int hOff = hsAt + j * width;
            double a = alpha[alphaAt + j], da = RowMath.dot(g, gAt, hs, hOff, width);    // ∂αⱼ = G·hⱼ
            if (dhs != null)
                for (int i = 0, d = dhsAt + j * width; i < width; i++) dhs[d + i] += a * g[gAt + i];
            work[j] = da;
            dot += a * da;
        }
        for (int j = 0; j < len; j++) {
            double de = alpha[alphaAt + j] * (work[j] - dot);           // ∂eⱼ = αⱼ (∂αⱼ − Σ αₖ ∂αₖ)
            if (de == 0) continue;
            RowMath.tanhBackward(de, v, tanh, tAt + j * h, dq, dqAt, dk, dkAt + j * h, dv, h);  // ∂q̃, ∂k̃ⱼ, ∂v
        }
    }
}
