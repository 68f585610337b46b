package jattn.linalg;

/**
 * Reductions and the exponential over one row of a row-major matrix, the inner loops of the
 * softmax, and the additive score's tanh row, forward and backward:
 * <pre>
 *   max(x, off, n)                       maxⱼ x[off + j]                   j &lt; n
 *   expSum(x, y, off, n, s, shift)       y[off + j] = exp(s·x[off + j] − shift),  returns Σⱼ y[off + j]
 *   dot(x, y, off, n)                    Σⱼ x[off + j]·y[off + j]   (and dot(x, xAt, y, yAt, n))
 *   tanhDot(x, xAt, y, yAt, v, t, tAt, n)   t꜀ = tanh(x꜀ + y꜀), returns Σ꜀ v꜀ t꜀        c &lt; n
 *   tanhBackward(g, v, t, tAt, dx, dxAt, dy, dyAt, dv, n)
 *                                        s꜀ = g·v꜀·(1 − t꜀²):  dx꜀ += s꜀,  dy꜀ += s꜀,  dv꜀ += g·t꜀
 * </pre>
 * tanh is computed as 1 − 2/(1 + e^(2u)) ({@link #tanh}): about four times as fast as
 * {@link Math#tanh} in plain loops, and the form the vector exp can run.
 * With the Vector API ({@link Gemm#kernel()} says whether it is in use) they run L lanes at a
 * time ({@link VectorRowMath}, with the exp of {@link VectorMath}: within 1 ulp of
 * {@link Math#exp}, about twice as fast, and the same bits at every JIT stage; its tanh is then
 * within a few ulp of {@link #tanh}'s), otherwise as plain loops ({@link ScalarRowMath}). The
 * kernel is chosen once per JVM, with
 * {@link Gemm}'s: {@code -Djattn.gemm.kernel=scalar} forces the plain loops. Sums are taken lane by lane, so they agree with a plain
 * left-to-right sum to rounding. Only {@code y}, {@code t} and the gradients named are written.
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
        return dot(x, off, y, off, n);
    }

    /** Σⱼ x[xAt + j]·y[yAt + j] for j &lt; n. */
    public static double dot(double[] x, int xAt, double[] y, int yAt, int n) {
        return Gemm.VECTOR ? VectorRowMath.dot(x, xAt, y, yAt, n) : ScalarRowMath.dot(x, xAt, y, yAt, n);
    }

    /**
     * tanh(u) = 1 − 2/(1 + e^(2u)): absolute error below 1e-15 (the relative error grows for tiny
     * |u|, which a sum vᵀ tanh(·) does not notice); large |u| gives exactly ±1.
     */
    public static double tanh(double u) {
        return ScalarRowMath.tanh(u);
    }

    /**
     * The additive score of one query row against one key row: t꜀ = tanh(x[xAt + c] + y[yAt + c])
     * written to t[tAt + c] (skipped when t is null: no backward will follow), returns Σ꜀ v[c]·t꜀, c &lt; n.
     */
    public static double tanhDot(double[] x, int xAt, double[] y, int yAt, double[] v, double[] t, int tAt, int n) {
        return Gemm.VECTOR ? VectorRowMath.tanhDot(x, xAt, y, yAt, v, t, tAt, n)
                : ScalarRowMath.tanhDot(x, xAt, y, yAt, v, t, tAt, n);
    }

    /**
     * The backward of {@link #tanhDot} for an upstream gradient g of its sum: with
     * s꜀ = g·v[c]·(1 − t[tAt + c]²), adds s꜀ into dx[dxAt + c] and dy[dyAt + c], and g·t꜀ into dv[c]
     * (skipped when dv is null), c &lt; n.
     */
    public static void tanhBackward(double g, double[] v, double[] t, int tAt, double[] dx, int dxAt, double[] dy, int dyAt,
                                    double[] dv, int n) {
        if (Gemm.VECTOR) VectorRowMath.tanhBackward(g, v, t, tAt, dx, dxAt, dy, dyAt, dv, n);
        else ScalarRowMath.tanhBackward(g, v, t, tAt, dx, dxAt, dy, dyAt, dv, n);
    }
}
