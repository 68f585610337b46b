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

    /** y[yRow + c] += a[w + j]·x[(row0 + j)·d + c0 + c] for j &lt; kept in order (skipping a = 0 if asked). */
    static void axpyRows(double[] a, int w, double[] xd, int x0, int d, int dK, int kept, double[] y, int yRow, boolean skipZeros) {
        for (int c = 0; c < dK; c += L) {
            DoubleVector acc = DoubleVector.fromArray(S, y, yRow + c);
            for (int j = 0; j < kept; j++) {
                double aj = a[w + j];
                if (skipZeros && aj == 0) continue;
                acc = acc.add(DoubleVector.broadcast(S, aj).mul(DoubleVector.fromArray(S, xd, x0 + j * d + c)));
            }
            acc.intoArray(y, yRow + c);
        }
    }

    /** x[(row0 + j)·d + c0 + c] += a[w + j]·y[yRow + c] for j &lt; kept (skipping a = 0 if asked). */
    static void rankOneRows(double[] a, int w, double[] yd, int yRow, int dK, int kept, double[] x, int x0, int d, boolean skipZeros) {
        for (int j = 0; j < kept; j++) {
            double aj = a[w + j];
            if (skipZeros && aj == 0) continue;
            DoubleVector av = DoubleVector.broadcast(S, aj);
            int row = x0 + j * d;
            for (int c = 0; c < dK; c += L)
                DoubleVector.fromArray(S, x, row + c).add(av.mul(DoubleVector.fromArray(S, yd, yRow + c))).intoArray(x, row + c);
        }
    }
}
