package jattn.linalg;

import jattn.linalg.Gemm.Output;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The Vector API kernel of {@link Gemm}: C (=|+=) α·op(A)·op(B), (m×k)·(k×n) → (m×n).
 * Loaded only when the JVM has the module {@code jdk.incubator.vector}.
 *
 * <p>The layout is the classic one of BLAS libraries, at a size that suits the course:
 * <pre>
 *   op(B) (k×n)  packed into contiguous zero-padded column panels of NR = 2L columns
 *                (L doubles per vector register: 4 with AVX2), panel q at q·NR·k, row p of it
 *                at + p·NR: B and Bᵀ alike, O(k·n) copies beside the O(m·k·n) product
 *   C (m×n)      in blocks of MC_BLOCK = 48 rows and KC = 256 of the k terms; the block's op(A)
 *                is packed into strips of h = 6 (or 4, 1 for the last rows) rows, element
 *                (r, p) at p·h + r, so A and Aᵀ are both read contiguously; then panel by
 *                panel, strip by strip, a tile of h rows × NR columns held in 2h vector
 *                registers while p runs over the block's terms:
 *                  tile += op(A)[strip, p] (broadcast) ⊙ panel[p, 0..NR) (two vector loads)
 * </pre>
 * Per p the 6-row tile does 12 fused multiply-adds on 2 loads of B and 6 scalar loads of A, so
 * the FMA units, not the memory, set the pace; 12 independent sums cover the FMA latency (AVX2
 * has 16 registers, so 8 rows would spill). Both operands are read at constant strides (NR and
 * h) from packed buffers, which lets C2 hoist the array bounds checks out of the p loop. With
 * {@link Output#OVERWRITE} the first block of terms stores α·tile into C without reading it
 * (no separate zeroing pass over C). Columns past n in the last panel are computed on the zero
 * padding and not stored. The packing buffers are reused: op(B)'s per calling thread, op(A)'s from a free list.
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
     * Rows of C per block (8 tiles of 6): the block's packed op(A) (48 × KC) is read once per
     * panel of B from the L1/L2 cache; a panel is reused by the block's 8 tiles. The order of
     * every output element's sum is the same for any block size.
     */
    static final int MC_BLOCK = Integer.getInteger("jattn.gemm.rowBlock", 48);

    /** The packed op(B) of the last product on this thread, reused when large enough. */
    private static final ThreadLocal<double[]> PANELS = new ThreadLocal<>();

    /**
     * Free scratch buffers: the packed op(A) of one row block, and one tile row that runs past
     * column n. Each call of {@code rows} takes one and gives it back, so there are as many as
     * calls have run at once. Not a ThreadLocal: JDK 17's common fork-join pool clears its
     * workers' thread locals after every task, which re-allocated the 110 KB of a Scratch for
     * every block of every split product (2 GB in 150 updates of the date model).
     */
    private static final ConcurrentLinkedQueue<Scratch> FREE_SCRATCH = new ConcurrentLinkedQueue<>();

    private static final class Scratch {
        final double[] strips = new double[(MC_BLOCK + MR) * KC];
        final double[] edge = new double[MR * NR];
    }

    private VectorGemm() {}

    static String describe() {
        return "vector (jdk.incubator.vector, " + L + " doubles per register, " + MR + "×" + NR + " tiles, packed A and B)";
    }

    /** C += α·op(A)·op(B); the arguments as in {@link Gemm#gemm}, sizes positive. */
    static void multAdd(boolean transA, boolean transB, int m, int n, int k, double alpha,
                        double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
        multiply(transA, transB, m, n, k, alpha, a, aOff, b, bOff, c, cOff, Output.ADD);
    }

    /** C (=|+=) α·op(A)·op(B); the arguments as in {@link Gemm#gemm}, sizes positive. */
    static void multiply(boolean transA, boolean transB, int m, int n, int k, double alpha,
                         double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, Output out) {
        int panels = (n + NR - 1) / NR;
        boolean inPlace = !transB && m < 4;                              // only one-row tiles: B's full panels are read in place
        double[] bp = PANELS.get();
        PANELS.set(null);                                                // a nested call on this thread packs its own
        if (bp == null || bp.length < panels * NR * k) bp = new double[Math.max(panels * NR * k, 64)];
        try {
            for (int q = 0; q < panels; q++) {
                int j0 = q * NR, w = Math.min(NR, n - j0);
                if (transB) packTransposed(b, bOff, k, j0, w, bp, q * NR * k);
                else if (!inPlace || w < NR) pack(b, bOff, k, n, j0, w, bp, q * NR * k);
            }
            double[] panelData = bp;
            int tiles = (m + MR - 1) / MR;
            ParallelRows.run(tiles, (long) m * n * k, (lo, hi) -> {
                Scratch scratch = FREE_SCRATCH.poll();
                if (scratch == null) scratch = new Scratch();
                try {
                    rows(scratch, lo * MR, Math.min(m, hi * MR), m, n, k, alpha, transA, a, aOff, inPlace, b, bOff, panelData, c, cOff, out);
                } finally {
                    FREE_SCRATCH.offer(scratch);
                }
            });
        } finally {
            PANELS.set(bp);
        }
    }

    /** Columns [j0, j0 + w) of B (k×n) into a zero-padded (k×NR) panel at {@code dst}. */
    static void pack(double[] b, int bOff, int k, int n, int j0, int w, double[] bp, int dst) {
        if (w == NR) {
            for (int p = 0, src = bOff + j0; p < k; p++, src += n, dst += NR) {
                DoubleVector.fromArray(S, b, src).intoArray(bp, dst);
                DoubleVector.fromArray(S, b, src + L).intoArray(bp, dst + L);
            }
            return;
        }
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
     * Rows [i, i + h) and terms [p0, p0 + kc) of op(A) into a strip at {@code dst}: element
     * (r, p) at dst + (p − p0)·h + r. op(A)ᵢₚ = a[aOff + i·k + p], or a[aOff + p·m + i] for Aᵀ.
     */
    static void packStrip(boolean transA, double[] a, int aOff, int m, int k, int i, int h, int p0, int kc,
                          double[] ap, int dst) {
        if (transA) {
            for (int p = 0, src = aOff + p0 * m + i; p < kc; p++, src += m, dst += h)
                for (int r = 0; r < h; r++) ap[dst + r] = a[src + r];      // h ≤ 6 doubles: a loop, not a call of System.arraycopy
        } else {
            for (int r = 0; r < h; r++)
                for (int p = 0, src = aOff + (i + r) * k + p0, d = dst + r; p < kc; p++, d += h) ap[d] = a[src + p];
        }
    }

    /**
     * Rows [i0, i1) of C, all columns, in blocks of KC terms and MC_BLOCK rows; the block's
     * op(A) is packed into strips of 6 rows (4 and 1 for the rows left over), then each strip
     * meets each panel of B in a register tile.
     */
    private static void rows(Scratch scratch, int i0, int i1, int m, int n, int k, double alpha, boolean transA, double[] a, int aOff,
                             boolean inPlaceB, double[] b, int bOff, double[] bp, double[] c, int cOff, Output out) {
        double[] ap = scratch.strips, edge = scratch.edge;
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            boolean overwrite = p0 == 0 && out == Output.OVERWRITE;
            for (int r0 = i0; r0 < i1; r0 += MC_BLOCK) {                 // a block of rows: its packed op(A) stays in cache over all panels
                int r1 = Math.min(i1, r0 + MC_BLOCK);
                if (i1 - r1 < 6) r1 = i1;                                // no block of fewer than 6 rows at the end
                int sixes = (r1 - r0) / 6, rest = (r1 - r0) % 6;
                if ((rest == 2 || rest == 3) && sixes > 0) sixes--;      // 8 or 9 rows left: two 4-row tiles, not 1-row ones
                int fours = (r1 - r0 - 6 * sixes) / 4, ones = r1 - r0 - 6 * sixes - 4 * fours;
                int i = r0, dst = 0;                                     // strip of rows [i, i+h) at ap[(i - r0)·kc]
                for (int t = 0; t < sixes; t++, i += 6, dst += 6 * kc) packStrip(transA, a, aOff, m, k, i, 6, p0, kc, ap, dst);
                for (int t = 0; t < fours; t++, i += 4, dst += 4 * kc) packStrip(transA, a, aOff, m, k, i, 4, p0, kc, ap, dst);
                for (int t = 0; t < ones; t++, i++, dst += kc) packStrip(transA, a, aOff, m, k, i, 1, p0, kc, ap, dst);
                for (int q = 0, j0 = 0; j0 < n; q++, j0 += NR) {
                    int w = Math.min(NR, n - j0), bo = q * NR * k + p0 * NR;
                    boolean inPlace = inPlaceB && w == NR;               // one-row tiles only: the panel read where it is, rows n apart
                    int co = cOff + r0 * n + j0;
                    int ao = 0;
                    for (int t = 0; t < sixes; t++, ao += 6 * kc, co += 6 * n)
                        tile6(ap, ao, kc, bp, bo, alpha, c, co, n, w, edge, overwrite);
                    for (int t = 0; t < fours; t++, ao += 4 * kc, co += 4 * n)
                        tile4(ap, ao, kc, bp, bo, alpha, c, co, n, w, edge, overwrite);
                    for (int t = 0; t < ones; t++, ao += kc, co += n)
                        tile1(ap, ao, kc, inPlace ? b : bp, inPlace ? bOff + p0 * n + j0 : bo, inPlace ? n : NR,
                                alpha, c, co, w, edge, overwrite);
                }
                r0 = r1 - MC_BLOCK;                                      // r0 += MC_BLOCK lands on r1
            }
        }
    }

    /** C[6 rows, w ≤ NR columns] at co (=|+=) α·Σₚ strip[p, 0..6)·panel[p, ·], p over kc terms. */
    private static void tile6(double[] ap, int ao, int kc, double[] bp, int bo, double alpha,
                              double[] c, int co, int ldc, int w, double[] edge, boolean overwrite) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00,
                c20 = c00, c21 = c00, c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int p = 0; p < kc; p++) {
            int x0 = ao + 6 * p, y0 = bo + NR * p;
            DoubleVector b0 = DoubleVector.fromArray(S, bp, y0), b1 = DoubleVector.fromArray(S, bp, y0 + L);
            DoubleVector x = DoubleVector.broadcast(S, ap[x0]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(S, ap[x0 + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(S, ap[x0 + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(S, ap[x0 + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(S, ap[x0 + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(S, ap[x0 + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        // the stores are written out here, not in a method taking vectors: if C2 did not inline
        // such a method (after a deoptimisation, say), every vector would be boxed on the heap
        int c1 = co + ldc, c2 = co + 2 * ldc, c3 = co + 3 * ldc, c4 = co + 4 * ldc, c5 = co + 5 * ldc;
        if (w < NR) {                                                    // the last panel: through the edge buffer
            c00.intoArray(edge, 0); c01.intoArray(edge, L); c10.intoArray(edge, NR); c11.intoArray(edge, NR + L);
            c20.intoArray(edge, 2 * NR); c21.intoArray(edge, 2 * NR + L); c30.intoArray(edge, 3 * NR); c31.intoArray(edge, 3 * NR + L);
            c40.intoArray(edge, 4 * NR); c41.intoArray(edge, 4 * NR + L); c50.intoArray(edge, 5 * NR); c51.intoArray(edge, 5 * NR + L);
            storeEdge(edge, 6, alpha, c, co, ldc, w, overwrite);
        } else if (overwrite) {
            DoubleVector a = DoubleVector.broadcast(S, alpha);
            c00.mul(a).intoArray(c, co); c01.mul(a).intoArray(c, co + L);
            c10.mul(a).intoArray(c, c1); c11.mul(a).intoArray(c, c1 + L);
            c20.mul(a).intoArray(c, c2); c21.mul(a).intoArray(c, c2 + L);
            c30.mul(a).intoArray(c, c3); c31.mul(a).intoArray(c, c3 + L);
            c40.mul(a).intoArray(c, c4); c41.mul(a).intoArray(c, c4 + L);
            c50.mul(a).intoArray(c, c5); c51.mul(a).intoArray(c, c5 + L);
        } else {
            DoubleVector a = DoubleVector.broadcast(S, alpha);
            c00.fma(a, DoubleVector.fromArray(S, c, co)).intoArray(c, co); c01.fma(a, DoubleVector.fromArray(S, c, co + L)).intoArray(c, co + L);
            c10.fma(a, DoubleVector.fromArray(S, c, c1)).intoArray(c, c1); c11.fma(a, DoubleVector.fromArray(S, c, c1 + L)).intoArray(c, c1 + L);
            c20.fma(a, DoubleVector.fromArray(S, c, c2)).intoArray(c, c2); c21.fma(a, DoubleVector.fromArray(S, c, c2 + L)).intoArray(c, c2 + L);
            c30.fma(a, DoubleVector.fromArray(S, c, c3)).intoArray(c, c3); c31.fma(a, DoubleVector.fromArray(S, c, c3 + L)).intoArray(c, c3 + L);
            c40.fma(a, DoubleVector.fromArray(S, c, c4)).intoArray(c, c4); c41.fma(a, DoubleVector.fromArray(S, c, c4 + L)).intoArray(c, c4 + L);
            c50.fma(a, DoubleVector.fromArray(S, c, c5)).intoArray(c, c5); c51.fma(a, DoubleVector.fromArray(S, c, c5 + L)).intoArray(c, c5 + L);
        }
    }

    /** C[4 rows, w ≤ NR columns] at co (=|+=) α·Σₚ strip[p, 0..4)·panel[p, ·], p over kc terms. */
    private static void tile4(double[] ap, int ao, int kc, double[] bp, int bo, double alpha,
                              double[] c, int co, int ldc, int w, double[] edge, boolean overwrite) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00,
                c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        for (int p = 0; p < kc; p++) {
            int x0 = ao + 4 * p, y0 = bo + NR * p;
            DoubleVector b0 = DoubleVector.fromArray(S, bp, y0), b1 = DoubleVector.fromArray(S, bp, y0 + L);
            DoubleVector x = DoubleVector.broadcast(S, ap[x0]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(S, ap[x0 + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(S, ap[x0 + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(S, ap[x0 + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        int c1 = co + ldc, c2 = co + 2 * ldc, c3 = co + 3 * ldc;
        if (w < NR) {
            c00.intoArray(edge, 0); c01.intoArray(edge, L); c10.intoArray(edge, NR); c11.intoArray(edge, NR + L);
            c20.intoArray(edge, 2 * NR); c21.intoArray(edge, 2 * NR + L); c30.intoArray(edge, 3 * NR); c31.intoArray(edge, 3 * NR + L);
            storeEdge(edge, 4, alpha, c, co, ldc, w, overwrite);
        } else if (overwrite) {
            DoubleVector a = DoubleVector.broadcast(S, alpha);
            c00.mul(a).intoArray(c, co); c01.mul(a).intoArray(c, co + L);
            c10.mul(a).intoArray(c, c1); c11.mul(a).intoArray(c, c1 + L);
            c20.mul(a).intoArray(c, c2); c21.mul(a).intoArray(c, c2 + L);
            c30.mul(a).intoArray(c, c3); c31.mul(a).intoArray(c, c3 + L);
        } else {
            DoubleVector a = DoubleVector.broadcast(S, alpha);
            c00.fma(a, DoubleVector.fromArray(S, c, co)).intoArray(c, co); c01.fma(a, DoubleVector.fromArray(S, c, co + L)).intoArray(c, co + L);
            c10.fma(a, DoubleVector.fromArray(S, c, c1)).intoArray(c, c1); c11.fma(a, DoubleVector.fromArray(S, c, c1 + L)).intoArray(c, c1 + L);
            c20.fma(a, DoubleVector.fromArray(S, c, c2)).intoArray(c, c2); c21.fma(a, DoubleVector.fromArray(S, c, c2 + L)).intoArray(c, c2 + L);
            c30.fma(a, DoubleVector.fromArray(S, c, c3)).intoArray(c, c3); c31.fma(a, DoubleVector.fromArray(S, c, c3 + L)).intoArray(c, c3 + L);
        }
    }

    /** One row: C[1 row, w ≤ NR columns] at co (=|+=) α·Σₚ strip[p]·panel[p, ·], panel rows bs apart. */
    private static void tile1(double[] ap, int ao, int kc, double[] bp, int bo, int bs, double alpha,
                              double[] c, int co, int w, double[] edge, boolean overwrite) {
        DoubleVector c0 = DoubleVector.zero(S), c1 = c0;
        for (int p = 0; p < kc; p++) {
            int y0 = bo + bs * p;
            DoubleVector x = DoubleVector.broadcast(S, ap[ao + p]);
            c0 = x.fma(DoubleVector.fromArray(S, bp, y0), c0);
            c1 = x.fma(DoubleVector.fromArray(S, bp, y0 + L), c1);
        }
        if (w < NR) {
            c0.intoArray(edge, 0);
            c1.intoArray(edge, L);
            storeEdge(edge, 1, alpha, c, co, 0, w, overwrite);
        } else if (overwrite) {
            DoubleVector a = DoubleVector.broadcast(S, alpha);
            c0.mul(a).intoArray(c, co);
            c1.mul(a).intoArray(c, co + L);
        } else {
            DoubleVector a = DoubleVector.broadcast(S, alpha);
            c0.fma(a, DoubleVector.fromArray(S, c, co)).intoArray(c, co);
            c1.fma(a, DoubleVector.fromArray(S, c, co + L)).intoArray(c, co + L);
        }
    }

    /** A tile of h rows that runs past column n, held in {@code edge} (row r at r·NR): c[co + r·ldc + j] (=|+=) α·edge[r·NR + j] for j &lt; w. */
    private static void storeEdge(double[] edge, int h, double alpha, double[] c, int co, int ldc, int w, boolean overwrite) {
        for (int r = 0; r < h; r++, co += ldc)
            if (overwrite) for (int j = 0; j < w; j++) c[co + j] = alpha * edge[r * NR + j];
            else for (int j = 0; j < w; j++) c[co + j] += alpha * edge[r * NR + j];
    }
}
