package jattn.linalg;

/**
 * Reductions and the exponential over one row of a row-major matrix, the inner loops of the
 * softmax:
 * <pre>
 *   max(x, off, n)                       maxⱼ x[off + j]                   j &lt; n
 *   expSum(x, y, off, n, s, shift)       y[off + j] = exp(s·x[off + j] − shift),  returns Σⱼ y[off + j]
 *   dot(x, y, off, n)                    Σⱼ x[off + j]·y[off + j]
 * </pre>
 * With the Vector API ({@link Gemm#kernel()} says whether it is in use) they run L lanes at a
 * time ({@link VectorRowMath}; its exp is within 1 ulp of {@link Math#exp}, about four times as
 * fast), otherwise as plain loops ({@link ScalarRowMath}). The kernel is chosen once per JVM, with
 * {@link Gemm}'s: {@code -Djattn.gemm.kernel=scalar} forces the plain loops. Sums are taken lane by lane, so they agree with a plain
 * left-to-right sum to rounding. Only {@code y} is written.
 */
public final class RowMath {

    private RowMath() {}

    /** The largest of x[off..off+n); −∞ for n = 0. A NaN entry gives NaN. */
    public static double max(double[] x, int off, int n) {
        return Gemm.VECTOR ? VectorRowMath.max(x, off, n) : ScalarRowMath.max(x, off, n);
    }

    /** y[off + j] = exp(s·x[off + j] − shift) for j &lt; n, and their sum. */
    public static double expSum(double[] x, double[] y, int off, int n, double s, double shift) {
        return Gemm.VECTOR ? VectorRowMath.expSum(x, y, off, n, s, shift) : ScalarRowMath.expSum(x, y, off, n, s, shift);
    }

    /** Σⱼ x[off + j]·y[off + j] for j &lt; n. */
    public static double dot(double[] x, double[] y, int off, int n) {
        return Gemm.VECTOR ? VectorRowMath.dot(x, y, off, n) : ScalarRowMath.dot(x, y, off, n);
    }
}
