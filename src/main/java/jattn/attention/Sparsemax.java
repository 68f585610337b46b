package jattn.attention;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;

/**
 * Row-wise sparsemax (Martins and Astudillo, 2016, arXiv 1602.02068): the Euclidean
 * projection of each row of scores onto the probability simplex, a normalisation f_norm that
 * gives <b>exact zeros</b> without any mask.
 * <pre>
 *   sparsemax(z) = argmin_{p ≥ 0, Σ p = 1} ‖p − z‖²  =  max(z − θ(z), 0)
 * </pre>
 * The threshold θ(z) (the paper's τ(z); θ here, since τ is the course's temperature) comes
 * from the scores sorted in decreasing order, z₍₁₎ ≥ z₍₂₎ ≥ … ≥ z₍ₙ₎
 * (the paper's Algorithm 1):
 * <pre>
 *   k(z) = max { k : 1 + k·z₍ₖ₎ &gt; Σ_{j≤k} z₍ⱼ₎ },     θ(z) = (Σ_{j≤k(z)} z₍ⱼ₎ − 1) / k(z)
 * </pre>
 * The k(z) largest scores form the support S = {j : pⱼ &gt; 0}; every other weight is 0.0
 * exactly. Like softmax, sparsemax is invariant to adding a constant to a row; unlike softmax,
 * a large enough gap between the best score and the rest gives weight 1 to the best, and equal
 * scores give uniform weights 1/n.
 *
 * <p>Backward (the paper's eq. 14), for a row with upstream gradient g and support S:
 * ∂zⱼ = gⱼ − (1/|S|)·Σ_{i∈S} gᵢ for j ∈ S, and 0 outside S. With a temperature,
 * y = sparsemax(x/τ) and ∂x = ∂z/τ. (sparsemax is differentiable except where some zⱼ equals
 * θ(z), a set of measure zero.)
 *
 * <p>Shapes: X (m×n) → Y (m×n), rows summing to 1. X is not modified. Cost per row: a sort,
 * O(n log n). Scores must be finite (a masked score is not −∞ here; use
 * {@link MaskedSoftmax} for masks).
 */
public final class Sparsemax {

    private Sparsemax() {}

    /** Y = sparsemax(X) row by row: (m×n) → (m×n). */
    public static Tensor apply(Tensor x) {
        return apply(x, 1.0);
    }

    /** Y = sparsemax(X / τ) row by row: (m×n) → (m×n). τ must be positive and finite. */
    public static Tensor apply(Tensor x, double temperature) {
        double invTau = checkedInverse(temperature);
        int m = x.rows(), n = x.cols();
        requireFinite(x);
        DMatrixRMaj y = new DMatrixRMaj(m, n);
        double[] work = new double[n];
        for (int i = 0; i < m; i++) forwardRow(x.value().data, y.data, i * n, n, invTau, work);
        return Tensor.op("sparsemax", y, g -> {
            double[] gx = x.gradBuffer().data;
            for (int i = 0; i < m; i++) backwardRow(g.data, y.data, gx, i * n, n, invTau);
        }, x);
    }

    /** The threshold θ(x/τ) of each row (m entries), τ the temperature: weight j is max(xⱼ/τ − θ, 0). */
    public static double[] thresholds(Tensor x, double temperature) {
        double invTau = checkedInverse(temperature);
        requireFinite(x);
        int m = x.rows(), n = x.cols();
        double[] tau = new double[m], work = new double[n];
        for (int i = 0; i < m; i++) tau[i] = threshold(x.value().data, i * n, n, invTau, work);
        return tau;
    }

    /** The number of nonzero entries of each row of {@code weights} (m entries): the size of each support. */
    public static int[] supportSizes(Tensor weights) {
        int m = weights.rows(), n = weights.cols();
        int[] sizes = new int[m];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) if (weights.get(i, j) != 0) sizes[i]++;
        return sizes;
    }

    /**
     * θ of the row z = x[off..off+n)·invTau by Algorithm 1: sort decreasingly and take the
     * largest k with 1 + k·z₍ₖ₎ &gt; Σ_{j≤k} z₍ⱼ₎. {@code work} (n entries) is overwritten.
     */
    static double threshold(double[] x, int off, int n, double invTau, double[] work) {
        if (n == 0) throw new IllegalArgumentException("Sparsemax: a row with no entries has no distribution");
        for (int j = 0; j < n; j++) work[j] = x[off + j] * invTau;
        Arrays.sort(work, 0, n);                                         // ascending: z₍ₖ₎ = work[n − k]
        double cumulative = 0, supportSum = 0;
        int k = 0;
        for (int r = 1; r <= n; r++) {
            double zr = work[n - r];
            cumulative += zr;                                            // Σ_{j≤r} z₍ⱼ₎
            if (1 + r * zr > cumulative) {                               // z₍ᵣ₎ still above the threshold
                k = r;
                supportSum = cumulative;
            } else break;                                                // the condition fails for every larger r
        }
        return (supportSum - 1) / k;                                     // k ≥ 1: r = 1 always passes
    }

    /** y[off..off+n) = max(x·invTau − θ, 0) for one row. Only {@code y} and {@code work} are modified. */
    static void forwardRow(double[] x, double[] y, int off, int n, double invTau, double[] work) {
        double theta = threshold(x, off, n, invTau, work);
        for (int j = 0; j < n; j++) y[off + j] = Math.max(x[off + j] * invTau - theta, 0.0);
    }

    /**
     * gx[off..off+n) += invTau·(g − mean_S g) on the support S = {j : yⱼ &gt; 0}, nothing outside it.
     * Only {@code gx} is modified.
     */
    static void backwardRow(double[] g, double[] y, double[] gx, int off, int n, double invTau) {
        double sum = 0;
        int size = 0;
        for (int j = 0; j < n; j++)
            if (y[off + j] > 0) {
                sum += g[off + j];
                size++;
            }
        if (size == 0) return;
        double mean = sum / size;
        for (int j = 0; j < n; j++)
            if (y[off + j] > 0) gx[off + j] += invTau * (g[off + j] - mean);
    }

    private static double checkedInverse(double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature))
            throw new IllegalArgumentException("sparsemax: temperature must be positive and finite, got " + temperature);
        return 1 / temperature;
    }

    private static void requireFinite(Tensor x) {
        int n = x.cols();
        double[] v = x.value().data;
        for (int k = 0; k < x.rows() * n; k++)
            if (!Double.isFinite(v[k]))
                throw new IllegalArgumentException("sparsemax: score " + v[k] + " at (" + k / n + ", " + k % n + ") of "
                        + x.shape() + " is not finite; sparsemax needs finite scores (for a mask use MaskedSoftmax)");
        if (n == 0) throw new IllegalArgumentException("sparsemax: scores " + x.shape() + " have no columns");
    }
}
