package jattn.linalg;

/**
 * The plain-Java kernel of {@link Gemm}: C += α·op(A)·op(B), (m×k)·(k×n) → (m×n), when the
 * Vector API is not available.
 *
 * <p>Every inner loop is an "axpy" c[j] += s₀·b₀[j] + s₁·b₁[j] + s₂·b₂[j] + s₃·b₃[j] over rows
 * held in separate {@code double[]} arrays, all indexed by the same j. HotSpot vectorises
 * exactly this shape (it cannot prove that one flat array read and written at two different
 * offsets does not overlap, and then leaves the loop scalar), and taking four rows of op(B) per
 * pass reads and writes each row of C a quarter as often. So op(B) is first copied into k row
 * arrays, an O(k·n) copy beside the O(m·k·n) product; A is read element by element. Rows of C
 * are computed in blocks of 32 against blocks of op(B) that fit the L1 cache. Four consecutive
 * zeros of A (masked attention weights) are skipped. About 15–20 GFLOP/s on one AVX2 core.
 */
final class ScalarGemm {

    /** Rows of C computed together, so that each block of op(B) read into the cache serves all of them. */
    private static final int ROW_BLOCK = 32;

    /** Doubles of op(B) per block: 16 KB, half a typical L1 data cache. */
    private static final int L1_DOUBLES = 2048;

    private ScalarGemm() {}

    /** C += α·op(A)·op(B); the arguments as in {@link Gemm#gemm}, sizes positive. */
    static void multAdd(boolean transA, boolean transB, int m, int n, int k, double alpha,
                        double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
        double[][] bRows = transB ? columns(b, bOff, n, k) : rows(b, bOff, k, n);   // op(B) as k rows of length n
        int rs = transA ? 1 : k, cs = transA ? m : 1;                    // op(A)ᵢₚ = a[aOff + i·rs + p·cs]
        int keyBlock = Math.max(4, (L1_DOUBLES / n) & ~3);               // rows of op(B) per block, a multiple of 4
        ParallelRows.run(m, (long) m * k * n, (lo, hi) -> {
            double[][] block = new double[Math.min(ROW_BLOCK, hi - lo)][];
            for (int r = 0; r < block.length; r++) block[r] = new double[n];
            for (int i0 = lo; i0 < hi; i0 += ROW_BLOCK) {
                int i1 = Math.min(hi, i0 + ROW_BLOCK);
                for (int i = i0; i < i1; i++) System.arraycopy(c, cOff + i * n, block[i - i0], 0, n);
                for (int p0 = 0; p0 < k; p0 += keyBlock) {
                    int p1 = Math.min(k, p0 + keyBlock);
                    for (int i = i0; i < i1; i++) {                      // Cᵢ += α Σₚ op(A)ᵢₚ·op(B)ₚ, four p per pass
                        double[] ci = block[i - i0];
                        int ai = aOff + i * rs, p = p0;
                        for (; p + 3 < p1; p += 4)
                            axpy4(ci, alpha * a[ai + p * cs], bRows[p], alpha * a[ai + (p + 1) * cs], bRows[p + 1],
                                    alpha * a[ai + (p + 2) * cs], bRows[p + 2], alpha * a[ai + (p + 3) * cs], bRows[p + 3], n);
                        for (; p < p1; p++) axpy1(ci, alpha * a[ai + p * cs], bRows[p], n);
                    }
                }
                for (int i = i0; i < i1; i++) System.arraycopy(block[i - i0], 0, c, cOff + i * n, n);
            }
        });
    }

    /** c[j] += s₀·b₀[j] + s₁·b₁[j] + s₂·b₂[j] + s₃·b₃[j] for j &lt; n; skipped when all four s are 0. */
    private static void axpy4(double[] c, double s0, double[] b0, double s1, double[] b1,
                              double s2, double[] b2, double s3, double[] b3, int n) {
        if (s0 == 0 && s1 == 0 && s2 == 0 && s3 == 0) return;
        for (int j = 0; j < n; j++) c[j] += s0 * b0[j] + s1 * b1[j] + s2 * b2[j] + s3 * b3[j];
    }

    /** c[j] += s·b[j] for j &lt; n. */
    private static void axpy1(double[] c, double s, double[] b, int n) {
        for (int j = 0; j < n; j++) c[j] += s * b[j];
    }

    /** The rows of the (r×c) block at {@code off} as r separate arrays. */
    private static double[][] rows(double[] m, int off, int r, int c) {
        double[][] out = new double[r][c];
        for (int i = 0; i < r; i++) System.arraycopy(m, off + i * c, out[i], 0, c);
        return out;
    }

    /** The columns of the (r×c) block at {@code off} as c arrays of length r: the rows of its transpose. */
    private static double[][] columns(double[] m, int off, int r, int c) {
        double[][] out = new double[c][r];
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++) out[j][i] = m[off + i * c + j];
        return out;
    }
}
