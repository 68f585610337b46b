package jattn.attention;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;

/**
 * Truncated (windowed) scaled dot-product attention that computes only the entries inside a
 * {@link WindowMask}: for query i and its keys j ∈ [i − before, i + after] (clipped to 0 … n−1)
 * <pre>
 *   s_ij = q_i·k_j / √dK,    a_ij = exp(s_ij) / Σ_{j' in window} exp(s_ij'),    y_i = Σ_{j in window} a_ij v_j
 * </pre>
 * the same function as {@link ScaledDotProductAttention} with the window as its mask, but at
 * cost O(n·w·d) instead of O(n²·d): with w = before + 1 + after, it does n·w·dK multiply–adds for
 * the scores and n·w·dV for the output, and stores n·w weights, not n².
 *
 * <p>Shapes: Q (n×dK), K (n×dK), V (n×dV) (self-attention: as many queries as keys) → Y (n×dV).
 * Backward, per row i with G = ∂L/∂Y: ∂a_ij = G_i·v_j, ∂s_ij = a_ij (∂a_ij − Σ_j' a_ij' ∂a_ij'),
 * ∂q_i += Σ_j ∂s_ij k_j / √dK, ∂k_j += ∂s_ij q_i / √dK, ∂v_j += a_ij G_i. No input is modified.
 */
public final class WindowedAttention {

    private WindowedAttention() {}

    /** Y = windowed-softmax(Q·Kᵀ/√dK)·V: (n×dK), (n×dK), (n×dV) → (n×dV). */
    public static Tensor apply(Tensor queries, Tensor keys, Tensor values, WindowMask window) {
        int n = queries.rows(), dK = queries.cols(), dV = values.cols(), w = window.width();
        if (keys.rows() != n || values.rows() != n || keys.cols() != dK)
            throw new IllegalArgumentException("WindowedAttention: queries " + queries.shape() + ", keys " + keys.shape()
                    + " and values " + values.shape() + " must be (n×dK), (n×dK) and (n×dV) with the same n");
        double scale = 1 / Math.sqrt(dK);
        double[] q = queries.value().data, k = keys.value().data, v = values.value().data;
        double[] a = new double[n * w];                                  // a[i·w + (j − firstKey(i))], (n×w)
        DMatrixRMaj y = new DMatrixRMaj(n, dV);
        for (int i = 0; i < n; i++) {
            int from = window.firstKey(i), to = window.endKey(i, n);
            double max = Double.NEGATIVE_INFINITY;
            for (int j = from; j < to; j++) {                            // s_ij = q_i·k_j/√dK
                double s = 0;
                for (int c = 0; c < dK; c++) s += q[i * dK + c] * k[j * dK + c];
                a[i * w + j - from] = s * scale;
                max = Math.max(max, s * scale);
            }
            double sum = 0;
            for (int j = from; j < to; j++) sum += a[i * w + j - from] = Math.exp(a[i * w + j - from] - max);
            for (int j = from; j < to; j++) {                            // y_i = Σ_j a_ij v_j
                double aij = a[i * w + j - from] /= sum;
                for (int c = 0; c < dV; c++) y.data[i * dV + c] += aij * v[j * dV + c];
            }
        }
        return Tensor.op("windowedAttention", y, g -> {
            double[] gq = queries.requiresGrad() ? queries.gradBuffer().data : null;
            double[] gk = keys.requiresGrad() ? keys.gradBuffer().data : null;
            double[] gv = values.requiresGrad() ? values.gradBuffer().data : null;
            double[] ds = new double[w];
            for (int i = 0; i < n; i++) {
                int from = window.firstKey(i), to = window.endKey(i, n);
                double dot = 0;
                for (int j = from; j < to; j++) {                        // ∂a_ij = G_i·v_j
                    double da = 0;
                    for (int c = 0; c < dV; c++) da += g.data[i * dV + c] * v[j * dV + c];
                    ds[j - from] = da;
                    dot += a[i * w + j - from] * da;
                }
                for (int j = from; j < to; j++) {
                    double aij = a[i * w + j - from], dsij = aij * (ds[j - from] - dot) * scale;  // ∂s_ij / √dK
                    if (gv != null) for (int c = 0; c < dV; c++) gv[j * dV + c] += aij * g.data[i * dV + c];
                    if (gq != null) for (int c = 0; c < dK; c++) gq[i * dK + c] += dsij * k[j * dK + c];
                    if (gk != null) for (int c = 0; c < dK; c++) gk[j * dK + c] += dsij * q[i * dK + c];
                }
            }
        }, queries, keys, values);
    }

    /** The dense (n×n) weights of the window, zero outside it, for pictures of small n: a_ij as in {@link #apply}. */
    public static DMatrixRMaj weights(Tensor queries, Tensor keys, WindowMask window) {
        return ScaledDotProductAttention.weights(queries, keys, window).value().copy();
    }
}
