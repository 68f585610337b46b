package jattn.attention;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;

import java.util.stream.IntStream;

/**
 * Dense matrix products for the attention hot path, into given output matrices:
 * <pre>
 *   mult:           C = α·A·B    or  C += α·A·B      A (m×k), B (k×n), C (m×n)
 *   multTransB:     C = α·A·Bᵀ   or  C += α·A·Bᵀ     A (m×k), B (n×k), C (m×n)
 *   multAddTransA:                   C += α·Aᵀ·B     A (k×m), B (k×n), C (m×n)
 * </pre>
 * They compute what {@code CommonOps_DDRM.mult}, {@code multTransB} and {@code multAddTransA}
 * compute, three to four times as fast on one core (15–20 GFLOP/s against about 4 on the
 * course's AVX2 machine, for the shapes of attention with d = 64), and split the rows of C
 * between the cores when the product is large (more than {@link #PARALLEL_WORK} multiply-adds).
 *
 * <p>Why faster: every inner loop is an "axpy" c[j] += s₀·b₀[j] + s₁·b₁[j] + s₂·b₂[j] + s₃·b₃[j]
 * over rows held in separate {@code double[]} arrays, all indexed by the same j. HotSpot
 * vectorises exactly this shape (it cannot prove that one flat array read and written at two
 * different offsets does not overlap, and then leaves the loop scalar), and taking four rows
 * of B per pass reads and writes each row of C a quarter as often. So B (or Bᵀ) is first copied
 * into row arrays, an O(k·n) copy beside the O(m·k·n) product; A is only read element by
 * element. Rows of C are computed in blocks of 32 against blocks of B that fit the L1 cache
 * (without this, a (512×64) B is streamed from L2 for every row of C, a quarter slower).
 * Four consecutive zeros of A (masked weights) are skipped.
 *
 * <p>Only C is modified; C must not be A or B. Sums are taken in a different order than
 * EJML's, so results agree to rounding (about 1e-15 relative), not bit for bit.
 */
final class Gemm {

    /**
     * Products with more multiply-adds than this (about 30 µs of work) are split between the
     * cores; below it the hand-over costs more than it saves. System property
     * {@code jattn.gemm.parallelWork} overrides it (a huge value: always one thread).
     */
    static final long PARALLEL_WORK = Long.getLong("jattn.gemm.parallelWork", 1L << 18);

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** Rows of C computed together, so that each block of B read into the cache serves all of them. */
    private static final int ROW_BLOCK = 32;

    /** Doubles of B per block: 16 KB, half a typical L1 data cache. */
    private static final int L1_DOUBLES = 2048;

    /**
     * Blocks per core when a product is split: more blocks than cores, so that when another
     * process holds a core the other threads take over its remaining blocks (work stealing)
     * instead of waiting for it.
     */
    private static final int BLOCKS_PER_CORE = Integer.getInteger("jattn.gemm.blocksPerCore", 4);

    private Gemm() {}

    /**
     * Y = A·B as a Tensor operation, the same function and backward as {@link Tensor#matmul}
     * (∂A += G·Bᵀ, ∂B += Aᵀ·G) computed with the kernels below: (m×k)·(k×n) → (m×n).
     */
    static Tensor matmul(Tensor a, Tensor b) {
        if (a.cols() != b.rows())
            throw new IllegalArgumentException("matmul: " + a.shape() + "·" + b.shape()
                    + ", inner dimensions " + a.cols() + " ≠ " + b.rows());
        DMatrixRMaj y = new DMatrixRMaj(a.rows(), b.cols());
        mult(1, a.value(), b.value(), y, false);                         // (m×k)·(k×n) → (m×n)
        return Tensor.op("matmul", y, g -> {
            if (a.requiresGrad()) multTransB(1, g, b.value(), a.gradBuffer(), true);        // (m×n)·(n×k)
            if (b.requiresGrad()) multAddTransA(1, a.value(), g, b.gradBuffer());           // (k×m)·(m×n)
        }, a, b);
    }

    /** C = α·A·B (add false) or C += α·A·B (add true): (m×k)·(k×n) → (m×n). */
    static void mult(double alpha, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, boolean add) {
        check("mult", a.numCols == b.numRows && c.numRows == a.numRows && c.numCols == b.numCols, a, b, c);
        multRows(alpha, a, rows(b), c, add);
    }

    /** C = α·A·Bᵀ (add false) or C += α·A·Bᵀ (add true): (m×k)·(n×k)ᵀ → (m×n). */
    static void multTransB(double alpha, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, boolean add) {
        check("multTransB", a.numCols == b.numCols && c.numRows == a.numRows && c.numCols == b.numRows, a, b, c);
        multRows(alpha, a, transposedRows(b), c, add);
    }

    /** C += α·Aᵀ·B: (k×m)ᵀ·(k×n) → (m×n). Cᵢ += α Σₚ Aₚᵢ·Bₚ, rows of C split between the cores. */
    static void multAddTransA(double alpha, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        check("multAddTransA", a.numRows == b.numRows && c.numRows == a.numCols && c.numCols == b.numCols, a, b, c);
        int k = a.numRows, m = a.numCols, n = b.numCols;
        double[][] bRows = rows(b);
        double[] av = a.data, cv = c.data;
        forRows(m, (long) m * k * n, (lo, hi) -> {
            double[][] block = new double[Math.min(ROW_BLOCK, hi - lo)][n];                 // ROW_BLOCK rows of C, kept in the L1 cache
            for (int i0 = lo; i0 < hi; i0 += ROW_BLOCK) {
                int i1 = Math.min(hi, i0 + ROW_BLOCK);
                for (int i = i0; i < i1; i++) System.arraycopy(cv, i * n, block[i - i0], 0, n);
                int p = 0;
                for (; p + 3 < k; p += 4) {                              // Cᵢ += α(Aₚᵢ·Bₚ + …), four rows p per pass
                    double[] b0 = bRows[p], b1 = bRows[p + 1], b2 = bRows[p + 2], b3 = bRows[p + 3];
                    int o0 = p * m, o1 = o0 + m, o2 = o1 + m, o3 = o2 + m;
                    for (int i = i0; i < i1; i++)
                        axpy4(block[i - i0], alpha * av[o0 + i], b0, alpha * av[o1 + i], b1,
                                alpha * av[o2 + i], b2, alpha * av[o3 + i], b3, n);
                }
                for (; p < k; p++)
                    for (int i = i0; i < i1; i++) axpy1(block[i - i0], alpha * av[p * m + i], bRows[p], n);
                for (int i = i0; i < i1; i++) System.arraycopy(block[i - i0], 0, cv, i * n, n);
            }
        });
    }

    /**
     * C (=|+=) α·A·B with B given as k row arrays of length n; rows of C split between the cores.
     * Tiled: a block of ROW_BLOCK rows of C meets B a block of rows at a time, small enough to
     * stay in the L1 cache while every row of the C block uses it.
     */
    private static void multRows(double alpha, DMatrixRMaj a, double[][] bRows, DMatrixRMaj c, boolean add) {
        int m = a.numRows, k = a.numCols, n = c.numCols;
        int keyBlock = Math.max(4, (L1_DOUBLES / Math.max(n, 1)) & ~3);   // rows of B per block, a multiple of 4
        double[] av = a.data, cv = c.data;
        forRows(m, (long) m * k * n, (lo, hi) -> {
            double[][] block = new double[Math.min(ROW_BLOCK, hi - lo)][n];
            for (int i0 = lo; i0 < hi; i0 += ROW_BLOCK) {
                int i1 = Math.min(hi, i0 + ROW_BLOCK);
                for (int i = i0; i < i1; i++)
                    if (add) System.arraycopy(cv, i * n, block[i - i0], 0, n);
                    else java.util.Arrays.fill(block[i - i0], 0);
                for (int p0 = 0; p0 < k; p0 += keyBlock) {
                    int p1 = Math.min(k, p0 + keyBlock);
                    for (int i = i0; i < i1; i++) {                      // Cᵢ += α Σₚ Aᵢₚ·Bₚ over the block, four p per pass
                        double[] ci = block[i - i0];
                        int ai = i * k, p = p0;
                        for (; p + 3 < p1; p += 4)
                            axpy4(ci, alpha * av[ai + p], bRows[p], alpha * av[ai + p + 1], bRows[p + 1],
                                    alpha * av[ai + p + 2], bRows[p + 2], alpha * av[ai + p + 3], bRows[p + 3], n);
                        for (; p < p1; p++) axpy1(ci, alpha * av[ai + p], bRows[p], n);
                    }
                }
                for (int i = i0; i < i1; i++) System.arraycopy(block[i - i0], 0, cv, i * n, n);
            }
        });
    }

    /**
     * c[j] += s₀·b₀[j] + s₁·b₁[j] + s₂·b₂[j] + s₃·b₃[j] for j &lt; n: the inner loop of every
     * product, which HotSpot turns into vector instructions. Skipped when all four s are 0.
     */
    private static void axpy4(double[] c, double s0, double[] b0, double s1, double[] b1,
                              double s2, double[] b2, double s3, double[] b3, int n) {
        if (s0 == 0 && s1 == 0 && s2 == 0 && s3 == 0) return;
        for (int j = 0; j < n; j++) c[j] += s0 * b0[j] + s1 * b1[j] + s2 * b2[j] + s3 * b3[j];
    }

    /** c[j] += s·b[j] for j &lt; n. */
    private static void axpy1(double[] c, double s, double[] b, int n) {
        for (int j = 0; j < n; j++) c[j] += s * b[j];
    }

    /** The rows of M (r×c) as r separate arrays (copies). */
    static double[][] rows(DMatrixRMaj m) {
        double[][] r = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) System.arraycopy(m.data, i * m.numCols, r[i], 0, m.numCols);
        return r;
    }

    /** The rows of Mᵀ, i.e. the columns of M (r×c), as c arrays of length r. */
    static double[][] transposedRows(DMatrixRMaj m) {
        int r = m.numRows, c = m.numCols;
        double[][] t = new double[c][r];
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++) t[j][i] = m.data[i * c + j];
        return t;
    }

    /** Work on rows [lo, hi) of an output. */
    @FunctionalInterface
    interface RowRange {
        void run(int lo, int hi);
    }

    /**
     * Runs {@code body} over [0, rows): at once on this thread if {@code work} (multiply-adds or
     * comparable) is at most {@link #PARALLEL_WORK}, else in {@link #BLOCKS_PER_CORE} contiguous
     * blocks per core, run by the common fork-join pool and this thread.
     * The blocks must write disjoint data.
     */
    static void forRows(int rows, long work, RowRange body) {
        int parts = (int) Math.min((long) BLOCKS_PER_CORE * CORES, rows);
        if (work <= PARALLEL_WORK || CORES < 2 || parts < 2) {
            body.run(0, rows);
            return;
        }
        IntStream.range(0, parts).parallel().forEach(p -> body.run(rows * p / parts, rows * (p + 1) / parts));
    }

    private static void check(String what, boolean ok, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (!ok)
            throw new IllegalArgumentException("Gemm." + what + ": A " + Tensor.shape(a) + ", B "
                    + Tensor.shape(b) + " and C " + Tensor.shape(c) + " do not fit");
    }
}
