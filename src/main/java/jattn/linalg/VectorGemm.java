package jattn.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernel of {@link Gemm}: C += α·op(A)·op(B), (m×k)·(k×n) → (m×n).
 * Loaded only when the JVM has the module {@code jdk.incubator.vector}.
 *
 * <p>The layout is the classic one of BLAS libraries, at a size that suits the course:
 * <pre>
 *   op(B) (k×n)  read as column panels of NR = 2L columns (L doubles per vector register:
 *                4 with AVX2). An untransposed B is read in place, its panel rows n apart;
 *                Bᵀ, and a last panel narrower than NR, are first packed into contiguous
 *                zero-padded (k×NR) panels
 *   C (m×n)      in blocks of MC_BLOCK = 48 rows; within a block, panel by panel, in tiles
 *                of MR = 6 rows × NR columns, each held in 12 vector
 *                registers while p runs over a block of KC = 256 of the k terms:
 *                  tile += op(A)[i..i+5, p] (broadcast) ⊙ panel[p, 0..NR) (two vector loads)
 * </pre>
 * Per p the tile does 12 fused multiply-adds on 2 loads of B and 6 scalar loads of A, so the
 * FMA units, not the memory, set the pace; 12 independent sums cover the FMA latency (6 rows
 * measured 10–20% faster than 4, and AVX2 has 16 registers, so 8 rows would spill). op(A) is read in place with strides (Aᵀ needs no
 * copy); the panel of B (KC × NR, 16 KB) stays in the L1 cache while the tile walks down the
 * rows. Rows left over (m mod 6) use 4-row and one-row tiles; columns past n in the last panel are
 * computed on the zero padding and not stored. The packing buffer is kept per thread, and
 * packing costs O(k·n) beside the O(m·k·n) product.
 */
final class VectorGemm {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    /** Doubles per vector register. */
    static final int L = S.length();

    /** Rows and columns of a register tile of C. */
    static final int MR = 6, NR = 2 * L;

    /** Terms of the inner dimension per pass (a (KC×NR) panel of B is 16 KB with AVX2). */
    static final int KC = 256;

    /**
     * Rows of C per block (8 tiles of 6): the block's op(A) (48 × KC) is read once per panel of B
     * from the L1/L2 cache instead of all of op(A) from further out; a panel is reused by the
     * block's 8 tiles. The order of every output element's sum is the same for any block size.
     */
    static final int MC_BLOCK = Integer.getInteger("jattn.gemm.rowBlock", 48);

    /** The packed op(B) of the last product on this thread, reused when large enough. */
    private static final ThreadLocal<double[]> PANELS = new ThreadLocal<>();

    private VectorGemm() {}

    static String describe() {
        return "vector (jdk.incubator.vector, " + L + " doubles per register, " + MR + "×" + NR + " tiles)";
    }

    /** C += α·op(A)·op(B); the arguments as in {@link Gemm#gemm}, sizes positive. */
    static void multAdd(boolean transA, boolean transB, int m, int n, int k, double alpha,
                        double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
        int panels = (n + NR - 1) / NR, packed = transB ? panels : (n % NR == 0 ? 0 : 1);
        double[] bp = PANELS.get();
        PANELS.set(null);                                                // a nested call on this thread packs its own
        if (bp == null || bp.length < packed * NR * k) bp = new double[Math.max(packed * NR * k, 64)];
        try {
            if (transB) for (int q = 0; q < panels; q++) packTransposed(b, bOff, k, q * NR, Math.min(NR, n - q * NR), bp, q * NR * k);
            else if (packed == 1) pack(b, bOff, k, n, (panels - 1) * NR, n % NR, bp, 0);
            int rs = transA ? 1 : k, cs = transA ? m : 1;                // op(A)ᵢₚ = a[aOff + i·rs + p·cs]
            double[] panelData = bp;
            int tiles = (m + MR - 1) / MR;
            ParallelRows.run(tiles, (long) m * n * k, (lo, hi) ->
                    rows(lo * MR, Math.min(m, hi * MR), n, k, alpha, a, aOff, rs, cs, transB, b, bOff, panelData, c, cOff));
        } finally {
            PANELS.set(bp);
        }
    }

    /** Columns [j0, j0 + w) of B (k×n) into a zero-padded (k×NR) panel at {@code dst}. */
    static void pack(double[] b, int bOff, int k, int n, int j0, int w, double[] bp, int dst) {
        for (int p = 0; p < k; p++, dst += NR) {
            System.arraycopy(b, bOff + p * n + j0, bp, dst, w);
            for (int jj = w; jj < NR; jj++) bp[dst + jj] = 0;
        }
    }

    /** Rows [j0, j0 + w) of B (n×k), transposed: Bᵀ's columns, into a zero-padded (k×NR) panel at {@code dst}. */
    static void packTransposed(double[] b, int bOff, int k, int j0, int w, double[] bp, int dst) {
        for (int jj = 0; jj < NR; jj++) {
            if (jj < w)
                for (int p = 0, src = bOff + (j0 + jj) * k; p < k; p++) bp[dst + p * NR + jj] = b[src + p];
            else
                for (int p = 0; p < k; p++) bp[dst + p * NR + jj] = 0;
        }
    }

    /**
     * Rows [i0, i1) of C, all columns, in blocks of KC terms. A full-width panel of an
     * untransposed B is read in place (its rows n apart); other panels come packed.
     */
    private static void rows(int i0, int i1, int n, int k, double alpha, double[] a, int aOff, int rs, int cs,
                             boolean transB, double[] b, int bOff, double[] bp, double[] c, int cOff) {
        double[] edge = new double[NR];                                  // a tile row that runs past column n
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            for (int r0 = i0; r0 < i1; r0 += MC_BLOCK) {                 // a block of rows: its op(A) stays in L1 over all panels
                int r1 = Math.min(i1, r0 + MC_BLOCK);
                if (i1 - r1 < 6) r1 = i1;                                // no block of fewer than 6 rows at the end
                for (int q = 0, j0 = 0; j0 < n; q++, j0 += NR) {
                    int w = Math.min(NR, n - j0);
                    boolean inPlace = !transB && w == NR;
                    double[] panel = inPlace ? b : bp;
                    int bo = inPlace ? bOff + p0 * n + j0 : (transB ? q * NR * k : 0) + p0 * NR, bs = inPlace ? n : NR;
                    int i = r0, sixes = (r1 - r0) / 6, rest = (r1 - r0) % 6;
                    if ((rest == 2 || rest == 3) && sixes > 0) sixes--;  // 8 or 9 rows left: two 4-row tiles, not 1-row ones
                    for (int t = 0; t < sixes; t++, i += 6)
                        tile6(a, aOff + i * rs + p0 * cs, rs, cs, kc, panel, bo, bs, alpha, c, cOff + i * n + j0, n, w, edge);
                    for (; i + 4 <= r1; i += 4)
                        tile4(a, aOff + i * rs + p0 * cs, rs, cs, kc, panel, bo, bs, alpha, c, cOff + i * n + j0, n, w, edge);
                    for (; i < r1; i++)
                        tile1(a, aOff + i * rs + p0 * cs, cs, kc, panel, bo, bs, alpha, c, cOff + i * n + j0, w, edge);
                }
                r0 = r1 - MC_BLOCK;                                      // r0 += MC_BLOCK lands on r1
            }
        }
    }

    /** C[6 rows, w ≤ NR columns] at co += α·Σₚ op(A)[6 rows, p]·panel[p, ·], p over kc terms, panel rows bs apart. */
    private static void tile6(double[] a, int ao, int rs, int cs, int kc, double[] bp, int bo, int bs, double alpha,
                              double[] c, int co, int ldc, int w, double[] edge) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00,
                c20 = c00, c21 = c00, c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        int a1 = rs, a2 = 2 * rs, a3 = 3 * rs, a4 = 4 * rs, a5 = 5 * rs;
        for (int p = 0; p < kc; p++, ao += cs, bo += bs) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo), b1 = DoubleVector.fromArray(S, bp, bo + L);
            DoubleVector x = DoubleVector.broadcast(S, a[ao]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(S, a[ao + a1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(S, a[ao + a2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(S, a[ao + a3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(S, a[ao + a4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(S, a[ao + a5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        store(c00, c01, alpha, c, co, w, edge);
        store(c10, c11, alpha, c, co + ldc, w, edge);
        store(c20, c21, alpha, c, co + 2 * ldc, w, edge);
        store(c30, c31, alpha, c, co + 3 * ldc, w, edge);
        store(c40, c41, alpha, c, co + 4 * ldc, w, edge);
        store(c50, c51, alpha, c, co + 5 * ldc, w, edge);
    }

    /** C[4 rows, w ≤ NR columns] at co += α·Σₚ op(A)[4 rows, p]·panel[p, ·], p over kc terms, panel rows bs apart. */
    private static void tile4(double[] a, int ao, int rs, int cs, int kc, double[] bp, int bo, int bs, double alpha,
                              double[] c, int co, int ldc, int w, double[] edge) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00,
                c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        int a1 = rs, a2 = 2 * rs, a3 = 3 * rs;
        for (int p = 0; p < kc; p++, ao += cs, bo += bs) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo), b1 = DoubleVector.fromArray(S, bp, bo + L);
            DoubleVector x = DoubleVector.broadcast(S, a[ao]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(S, a[ao + a1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(S, a[ao + a2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(S, a[ao + a3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        store(c00, c01, alpha, c, co, w, edge);
        store(c10, c11, alpha, c, co + ldc, w, edge);
        store(c20, c21, alpha, c, co + 2 * ldc, w, edge);
        store(c30, c31, alpha, c, co + 3 * ldc, w, edge);
    }

    /** One row: C[1 row, w ≤ NR columns] at co += α·Σₚ op(A)[row, p]·panel[p, ·]. */
    private static void tile1(double[] a, int ao, int cs, int kc, double[] bp, int bo, int bs, double alpha,
                              double[] c, int co, int w, double[] edge) {
        DoubleVector c0 = DoubleVector.zero(S), c1 = c0;
        for (int p = 0; p < kc; p++, ao += cs, bo += bs) {
            DoubleVector x = DoubleVector.broadcast(S, a[ao]);
            c0 = x.fma(DoubleVector.fromArray(S, bp, bo), c0);
            c1 = x.fma(DoubleVector.fromArray(S, bp, bo + L), c1);
        }
        store(c0, c1, alpha, c, co, w, edge);
    }

    /** c[co + j] += α·(v₀ ‖ v₁)[j] for j &lt; w. */
    private static void store(DoubleVector v0, DoubleVector v1, double alpha, double[] c, int co, int w, double[] edge) {
        if (w == NR) {
            DoubleVector a = DoubleVector.broadcast(S, alpha);
            v0.fma(a, DoubleVector.fromArray(S, c, co)).intoArray(c, co);
            v1.fma(a, DoubleVector.fromArray(S, c, co + L)).intoArray(c, co + L);
        } else {
            v0.intoArray(edge, 0);
            v1.intoArray(edge, L);
            for (int j = 0; j < w; j++) c[co + j] += alpha * edge[j];
        }
    }
}
