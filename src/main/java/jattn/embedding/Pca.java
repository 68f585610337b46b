package jattn.embedding;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Principal component analysis by the singular value decomposition, to draw high-dimensional
 * vectors (word embeddings) in 2-D.
 *
 * <p>For n points, the rows of X (n×d), with mean μ (1×d): the centred matrix
 * X − 1μ = U Σ Wᵀ (EJML's SVD). The principal directions are the rows of Wᵀ, by decreasing
 * singular value σ₁ ≥ σ₂ ≥ …; component i explains the variance σᵢ²/(n−1), the fraction
 * σᵢ²/Σⱼσⱼ² of the total. A point x is drawn at (x − μ)·W_k, its coordinates along the
 * first k directions. Each direction's sign is fixed so that its largest entry (in absolute
 * value) is positive, so the picture does not flip between runs.
 *
 * <p>No argument is modified.
 */
public final class Pca {

    private final DMatrixRMaj mean;           // μ (1×d)
    private final DMatrixRMaj components;     // the first k rows of Wᵀ (k×d), orthonormal
    private final double[] variance;          // σᵢ²/(n−1), i < k
    private final double[] ratio;             // σᵢ²/Σσⱼ², i < k

    private Pca(DMatrixRMaj mean, DMatrixRMaj components, double[] variance, double[] ratio) {
        this.mean = mean;
        this.components = components;
        this.variance = variance;
        this.ratio = ratio;
    }

    /**
     * The first {@code k} principal components of the rows of {@code x} (n×d).
     *
     * @throws IllegalArgumentException if n &lt; 2 or k is outside 1…min(n, d)
     */
    public static Pca fit(DMatrixRMaj x, int k) {
        int n = x.numRows, d = x.numCols;
        if (n < 2 || k < 1 || k > Math.min(n, d))
            throw new IllegalArgumentException("Pca: cannot take " + k + " components of " + n + " points " + Tensor.shape(x)
                    + "; need n ≥ 2 and 1 ≤ k ≤ min(n, d)");
        DMatrixRMaj mean = CommonOps_DDRM.sumCols(x, null);                   // (1×d)
        CommonOps_DDRM.scale(1.0 / n, mean);
        DMatrixRMaj centred = centre(x, mean);                                 // (n×d): X − 1μ

        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, d, false, true, true);
        if (!svd.decompose(centred))                                        // may overwrite centred
            throw new IllegalStateException("Pca: the SVD of the centred " + Tensor.shape(x) + " matrix did not converge");
        DMatrixRMaj Wt = svd.getV(null, true);                                 // (r×d), r = min(n, d)
        DMatrixRMaj sigma = svd.getW(null);                                    // (r×r) diagonal
        SingularOps_DDRM.descendingOrder(null, false, sigma, Wt, true);        // σ₁ ≥ σ₂ ≥ …, rows of Wᵀ to match

        int r = Math.min(sigma.numRows, sigma.numCols);
        double total = 0;
        for (int i = 0; i < r; i++) total += sigma.get(i, i) * sigma.get(i, i);
        DMatrixRMaj components = CommonOps_DDRM.extract(Wt, 0, k, 0, d);       // (k×d)
        double[] variance = new double[k], ratio = new double[k];
        for (int i = 0; i < k; i++) {
            double s2 = sigma.get(i, i) * sigma.get(i, i);
            variance[i] = s2 / (n - 1);
            ratio[i] = total > 0 ? s2 / total : 0;
            fixSign(components, i);
        }
        return new Pca(mean, components, variance, ratio);
    }

    /** The coordinates of the rows of {@code x} (m×d) along the components: (x − μ)·W_k, (m×k). */
    public DMatrixRMaj transform(DMatrixRMaj x) {
        if (x.numCols != mean.numCols)
            throw new IllegalArgumentException("Pca: points " + Tensor.shape(x) + " need " + mean.numCols
                    + " columns like the fitted mean " + Tensor.shape(mean));
        DMatrixRMaj out = new DMatrixRMaj(x.numRows, components.numRows);
        CommonOps_DDRM.multTransB(centre(x, mean), components, out);           // (m×d)·(k×d)ᵀ → (m×k)
        return out;
    }

    /** μ (1×d), a copy. */
    public DMatrixRMaj mean() { return mean.copy(); }
    /** The principal directions as rows (k×d), orthonormal, a copy. */
    public DMatrixRMaj components() { return components.copy(); }
    /** σᵢ²/(n−1): the variance of the points along each component, largest first. */
    public double[] explainedVariance() { return variance.clone(); }
    /** σᵢ²/Σⱼσⱼ²: the fraction of the total variance along each component. */
    public double[] explainedVarianceRatio() { return ratio.clone(); }

    private static DMatrixRMaj centre(DMatrixRMaj x, DMatrixRMaj mean) {
        DMatrixRMaj c = x.copy();
        int d = x.numCols;
        for (int i = 0; i < x.numRows; i++)
            for (int j = 0; j < d; j++) c.data[i * d + j] -= mean.data[j];
        return c;
    }

    /** Flips row i of w so that its entry of largest magnitude is positive. */
    private static void fixSign(DMatrixRMaj w, int i) {
        int d = w.numCols, best = 0;
        for (int j = 1; j < d; j++) if (Math.abs(w.get(i, j)) > Math.abs(w.get(i, best))) best = j;
        if (w.get(i, best) < 0) for (int j = 0; j < d; j++) w.set(i, j, -w.get(i, j));
    }
}
