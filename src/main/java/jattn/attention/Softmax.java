package jattn.attention;

import jattn.autograd.Tensor;
import jattn.linalg.RowMath;
import org.ejml.data.DMatrixRMaj;

/**
 * Row-wise softmax with a temperature: Y = softmax(X / τ), each row of Y sums to 1.
 *
 * <p>Forward, for each row x: yⱼ = exp(xⱼ/τ − max) / Σₖ exp(xₖ/τ − max). Subtracting the
 * row maximum changes nothing mathematically but keeps exp from overflowing (logits of ±1e4
 * give exact, finite weights).
 *
 * <p>Backward, for each row with upstream gradient g: ∂xⱼ = (1/τ)·yⱼ·(gⱼ − Σₖ gₖyₖ).
 *
 * <p>τ &gt; 1 flattens the distribution, τ &lt; 1 sharpens it (τ → 0 approaches argmax).
 * Shapes: X (m×n) → Y (m×n). X is not modified. The masked version is {@link MaskedSoftmax};
 * both share the row kernels below, whose loops over a row are {@link RowMath}'s.
 */
public final class Softmax {

    private Softmax() {}

    /** Y = softmax(X) row by row: (m×n) → (m×n). */
    public static Tensor apply(Tensor x) {
        return apply(x, 1.0);
    }

    /** Y = softmax(X / τ) row by row: (m×n) → (m×n). τ must be positive. */
    public static Tensor apply(Tensor x, double temperature) {
        return op("softmax", x, null, temperature);
    }

    /**
     * The softmax op over the kept entries of each row; masked entries, and every entry of a row
     * with nothing kept, are exactly 0. {@code mask} may be null (keep everything).
     */
    static Tensor op(String name, Tensor x, Mask mask, double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature))
            throw new IllegalArgumentException(name + ": temperature must be positive and finite, got " + temperature);
        int m = x.rows(), n = x.cols();
        boolean[][] keep = Mask.keepOrNull(mask, name, m, n);
        double invTau = 1 / temperature;
        DMatrixRMaj y = new DMatrixRMaj(m, n);
        for (int i = 0; i < m; i++)
            forwardRow(x.value().data, y.data, i * n, n, invTau, keep == null ? null : keep[i]);
        return Tensor.op(name, y, g -> {
            double[] gx = x.gradBuffer().data;
            for (int i = 0; i < m; i++) backwardRow(g.data, y.data, gx, i * n, n, invTau);
        }, x);
    }

    /**
     * y[off..off+n) = softmax(x[off..off+n)·invTau) over the entries with keep[j] (all if keep is
     * null); the others get 0. If nothing is kept (or every kept logit is −∞) the row is all 0.
     * Only {@code y} is modified.
     */
    static void forwardRow(double[] x, double[] y, int off, int n, double invTau, boolean[] keep) {
        if (keep == null) {                                              // every entry kept: the vectorised row kernels
            double max = RowMath.max(x, off, n) * invTau;                // max(x/τ) = max(x)/τ, τ > 0
            if (max == Double.NEGATIVE_INFINITY) {
                java.util.Arrays.fill(y, off, off + n, 0.0);
                return;
            }
            double inv = 1 / RowMath.expSum(x, y, off, n, invTau, max);  // yⱼ = exp(xⱼ/τ − max), then / Σ
            for (int j = 0; j < n; j++) y[off + j] *= inv;
            return;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++)
            if (keep[j]) max = Math.max(max, x[off + j] * invTau);
        if (max == Double.NEGATIVE_INFINITY) {
            java.util.Arrays.fill(y, off, off + n, 0.0);
            return;
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double e = keep[j] ? Math.exp(x[off + j] * invTau - max) : 0.0;
            y[off + j] = e;
            sum += e;
        }
        for (int j = 0; j < n; j++) y[off + j] /= sum;
    }

    /**
     * gx[off..off+n) += invTau·y ⊙ (g − Σ g⊙y) for one row. Masked entries have y = 0 and so get
     * no gradient; a fully masked row (y all 0) gets none at all. Only {@code gx} is modified.
     */
    static void backwardRow(double[] g, double[] y, double[] gx, int off, int n, double invTau) {
        double dot = RowMath.dot(g, y, off, n);
        for (int j = 0; j < n; j++) gx[off + j] += invTau * y[off + j] * (g[off + j] - dot);
    }
}
