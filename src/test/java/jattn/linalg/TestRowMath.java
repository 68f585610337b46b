package jattn.linalg;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The row loops of the softmax, vectorised and plain, against straightforward loops. */
class TestRowMath {

    /** Row lengths around the vector width: shorter, equal, one past, and long with a tail. */
    static final int[] LENGTHS = {0, 1, 3, 4, 5, 8, 13, 64, 131};

    static double[] row(int n, int off, Random rng) {
        double[] x = new double[off + n + 2];
        for (int j = 0; j < x.length; j++) x[j] = 10 * rng.nextGaussian();
        return x;
    }

    @Test
    void maxExpSumAndDotMatchPlainLoops() {
        Random rng = new Random(501);
        for (int n : LENGTHS) {
            int off = 3;
            double[] x = row(n, off, rng), g = row(n, off, rng);
            double max = Double.NEGATIVE_INFINITY, sum = 0, dot = 0;
            double[] want = new double[x.length];
            for (int j = 0; j < n; j++) max = Math.max(max, x[off + j]);
            for (int j = 0; j < n; j++) {
                want[off + j] = Math.exp(0.5 * x[off + j] - 2);
                sum += want[off + j];
                dot += x[off + j] * g[off + j];
            }
            assertEquals(max, VectorRowMath.max(x, off, n));
            assertEquals(max, RowMath.max(x, off, n));
            for (boolean vector : new boolean[]{true, false}) {
                double[] y = new double[x.length];
                y[off - 1] = 7;                                          // outside the row: untouched
                double s = vector ? VectorRowMath.expSum(x, y, off, n, 0.5, 2) : RowMath.expSum(x, y, off, n, 0.5, 2);
                assertEquals(sum, s, 1e-14 * Math.max(1, sum), "n=" + n);
                for (int j = 0; j < n; j++)
                    assertEquals(want[off + j], y[off + j], 4e-16 * want[off + j], "exp at " + j + " of n=" + n);
                assertEquals(7, y[off - 1]);
                assertEquals(0, y[off + n]);
                double d = vector ? VectorRowMath.dot(x, g, off, n) : RowMath.dot(x, g, off, n);
                assertEquals(dot, d, 1e-12 * Math.max(1, Math.abs(dot)), "n=" + n);
            }
        }
    }

    @Test
    void infinitiesAndNaN() {
        double[] x = {Double.NEGATIVE_INFINITY, 1, Double.NEGATIVE_INFINITY, 2, 0, Double.NEGATIVE_INFINITY};
        double[] y = new double[x.length];
        double sum = VectorRowMath.expSum(x, y, 0, x.length, 1, 2);
        assertEquals(0.0, y[0]);                                         // exp(−∞) is exactly 0, as Math.exp gives
        assertEquals(0.0, y[2]);
        assertEquals(0.0, y[5]);
        assertEquals(1.0, y[3]);
        assertEquals(Math.exp(-1) + 1 + Math.exp(-2), sum, 1e-15);
        assertEquals(2.0, VectorRowMath.max(x, 0, x.length));
        assertEquals(Double.NEGATIVE_INFINITY, VectorRowMath.max(x, 0, 1));
        double[] nan = {1, 2, Double.NaN, 3, 4, 5};
        assertTrue(Double.isNaN(VectorRowMath.max(nan, 0, nan.length)));
        assertTrue(Double.isNaN(RowMath.max(nan, 0, nan.length)));
    }
}
