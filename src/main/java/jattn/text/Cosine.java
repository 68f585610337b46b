package jattn.text;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Cosine similarity of row vectors: cos(a, b) = a·b / (‖a‖ ‖b‖), in [−1, 1]; 1 for the same
 * direction, 0 for orthogonal vectors (every two distinct one-hot vectors), −1 for opposite ones.
 *
 * <p>As in PyTorch's {@code F.cosine_similarity}, each norm is taken as at least {@link #EPS},
 * so a zero vector has similarity 0 with everything instead of 0/0. Values only, no gradient;
 * arguments are not modified.
 */
public final class Cosine {

    /** Smallest norm used in the denominator. */
    public static final double EPS = 1e-8;

    private Cosine() {}

    /** cos(row {@code i} of a, row {@code j} of b); a and b must have the same number of columns. */
    public static double similarity(Tensor a, int i, Tensor b, int j) {
        if (a.cols() != b.cols())
            throw new IllegalArgumentException("Cosine: rows of " + a.shape() + " and " + b.shape() + " have different lengths");
        if (i < 0 || i >= a.rows() || j < 0 || j >= b.rows())
            throw new IllegalArgumentException("Cosine: row " + i + " of " + a.shape() + " or row " + j + " of " + b.shape() + " does not exist");
        double[] x = a.value().data, y = b.value().data;
        int d = a.cols();
        double dot = 0, xx = 0, yy = 0;
        for (int k = 0; k < d; k++) {
            double u = x[i * d + k], v = y[j * d + k];
            dot += u * v;
            xx += u * u;
            yy += v * v;
        }
        return dot / (Math.max(Math.sqrt(xx), EPS) * Math.max(Math.sqrt(yy), EPS));
    }

    /** cos(a, b) of two (1×d) rows. */
    public static double similarity(Tensor a, Tensor b) {
        if (a.rows() != 1 || b.rows() != 1)
            throw new IllegalArgumentException("Cosine: expected two (1×d) rows, got " + a.shape() + " and " + b.shape());
        return similarity(a, 0, b, 0);
    }

    /** The (n×m) matrix of cos(row i of a, row j of b) for a (n×d) and b (m×d). */
    public static DMatrixRMaj matrix(Tensor a, Tensor b) {
        if (a.cols() != b.cols())
            throw new IllegalArgumentException("Cosine: rows of " + a.shape() + " and " + b.shape() + " have different lengths");
        DMatrixRMaj an = unitRows(a.value()), bn = unitRows(b.value());
        DMatrixRMaj c = new DMatrixRMaj(a.rows(), b.rows());
        CommonOps_DDRM.multTransB(an, bn, c);                              // (n×d)·(m×d)ᵀ → (n×m)
        return c;
    }

    /** A copy of x with every row divided by max(its norm, EPS). */
    private static DMatrixRMaj unitRows(DMatrixRMaj x) {
        DMatrixRMaj u = x.copy();
        int d = x.numCols;
        for (int i = 0; i < x.numRows; i++) {
            double s = 0;
            for (int k = 0; k < d; k++) s += x.data[i * d + k] * x.data[i * d + k];
            double norm = Math.max(Math.sqrt(s), EPS);
            for (int k = 0; k < d; k++) u.data[i * d + k] /= norm;
        }
        return u;
    }
}
