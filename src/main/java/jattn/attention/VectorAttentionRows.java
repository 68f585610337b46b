package jattn.attention;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The inner loops of {@link StackedAttention} for one query row of one head, on the JDK's Vector
 * API (4 doubles per register): the fast twin of the scalar loops there, used when the JVM has
 * {@code jdk.incubator.vector} and dK is a multiple of 4. Same formulas (see
 * {@link StackedAttention}) and the SAME ROUNDING: every sum runs in the scalar loops' order (a
 * multiply, then an add, no fused multiply-add, no lane reduction), so both paths give bitwise
 * equal values and gradients (the tests check it). A dot product over the dK columns runs over 4
 * keys at once, from the head's keys (or values) transposed, (dK×n). Rows are offsets into
 * row-major (·×d) arrays.
 */
final class VectorAttentionRows {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    private static final int L = 4;

    private VectorAttentionRows() {}

    /** t[c·n + j] = x[(row0 + j)·d + c0 + c] for j &lt; rows: one head's rows, transposed into (dK×n). */
    static void transpose(double[] x, int row0, int rows, int d, int c0, int dK, int n, double[] t) {
        for (int j = 0; j < rows; j++) {
            int xRow = (row0 + j) * d + c0;
            for (int c = 0; c < dK; c++) t[c * n + j] = x[xRow + c];
        }
    }

    /** s[w + j] = (Σ_c x_c·t[c·n + j])·scale for j &lt; kept, c in order; returns the largest. */
    static double dots(double[] xd, int xRow, double[] t, int n, int dK, int kept, double scale, double[] s, int w) {
        int j = 0;
        for (; j + L <= kept; j += L) {
            DoubleVector acc = DoubleVector.zero(S);
            for (int c = 0; c < dK; c++)
                acc = acc.add(DoubleVector.broadcast(S, xd[xRow + c]).mul(DoubleVector.fromArray(S, t, c * n + j)));
            acc.mul(scale).intoArray(s, w + j);
        }
        for (; j < kept; j++) {
            double x = 0;
            for (int c = 0; c < dK; c++) x += xd[xRow + c] * t[c * n + j];
            s[w + j] = x * scale;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < kept; i++) if (s[w + i] > max) max = s[w + i];
        return max;
    }

    /**
     * y[yRow + c] += a[w + j]·x[(row0 + j)·d + c0 + c] for j &lt; kept in order. No branch in the loop:
     * with one (a {@code continue} that skipped zero terms), JFR showed C2 (JDK 17) boxing the
     * loop-carried accumulator on the heap at every step (14.5 GB in lesson 10's training run).
     */
    static void axpyRows(double[] a, int w, double[] xd, int x0, int d, int dK, int kept, double[] y, int yRow) {
        int c = 0;
        for (; c + 2 * L <= dK; c += 2 * L) {                              // two registers per pass over the rows
            DoubleVector acc0 = DoubleVector.fromArray(S, y, yRow + c), acc1 = DoubleVector.fromArray(S, y, yRow + c + L);
            for (int j = 0, x = x0 + c; j < kept; j++, x += d) {
                DoubleVector aj = DoubleVector.broadcast(S, a[w + j]);
                acc0 = acc0.add(aj.mul(DoubleVector.fromArray(S, xd, x)));
                acc1 = acc1.add(aj.mul(DoubleVector.fromArray(S, xd, x + L)));
            }
            acc0.intoArray(y, yRow + c);
            acc1.intoArray(y, yRow + c + L);
        }
        for (; c < dK; c += L) {
            DoubleVector acc = DoubleVector.fromArray(S, y, yRow + c);
            for (int j = 0, x = x0 + c; j < kept; j++, x += d)
                acc = acc.add(DoubleVector.broadcast(S, a[w + j]).mul(DoubleVector.fromArray(S, xd, x)));
            acc.intoArray(y, yRow + c);
        }
    }

    /** x[(row0 + j)·d + c0 + c] += a[w + j]·y[yRow + c] for j &lt; kept; y's columns are loaded once per pair of registers. */
    static void rankOneRows(double[] a, int w, double[] yd, int yRow, int dK, int kept, double[] x, int x0, int d) {
        int c = 0;
        for (; c + 2 * L <= dK; c += 2 * L) {
            DoubleVector y0 = DoubleVector.fromArray(S, yd, yRow + c), y1 = DoubleVector.fromArray(S, yd, yRow + c + L);
            for (int j = 0, row = x0 + c; j < kept; j++, row += d) {
                DoubleVector aj = DoubleVector.broadcast(S, a[w + j]);
                DoubleVector.fromArray(S, x, row).add(aj.mul(y0)).intoArray(x, row);
                DoubleVector.fromArray(S, x, row + L).add(aj.mul(y1)).intoArray(x, row + L);
            }
        }
        for (; c < dK; c += L) {
            DoubleVector y0 = DoubleVector.fromArray(S, yd, yRow + c);
            for (int j = 0, row = x0 + c; j < kept; j++, row += d)
                DoubleVector.fromArray(S, x, row).add(DoubleVector.broadcast(S, a[w + j]).mul(y0)).intoArray(x, row);
        }
    }
}
