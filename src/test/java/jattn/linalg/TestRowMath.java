package jattn.linalg;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
                double d = vector ? VectorRowMath.dot(x, off, g, off, n) : RowMath.dot(x, g, off, n);
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

    @Test
    void fastTanhMatchesMathTanh() {
        Random rng = new Random(66);
        for (int i = 0; i < 100_000; i++) {
            double x = rng.nextGaussian() * Math.pow(10, rng.nextInt(6) - 3);
            assertEquals(Math.tanh(x), RowMath.tanh(x), 1e-15, "x = " + x);
        }
        assertEquals(1.0, RowMath.tanh(800));
        assertEquals(-1.0, RowMath.tanh(-800));
        assertEquals(1.0, RowMath.tanh(Double.POSITIVE_INFINITY));
        assertEquals(0.0, RowMath.tanh(0));
    }

    @Test
    void tanhDotVectorisedAndPlainMatchMathTanhWithAndWithoutKeepingT() {
        Random rng = new Random(502);
        for (int n : LENGTHS) {
            int xAt = 3, yAt = 1, tAt = 2;
            double[] x = row(n, xAt, rng), y = row(n, yAt, rng), v = row(n, 0, rng);
            for (int j = 0; j < x.length; j++) x[j] /= 10;               // |x + y| mostly within tanh's curved part
            double want = 0;
            for (int c = 0; c < n; c++) want += v[c] * Math.tanh(x[xAt + c] + y[yAt + c]);
            for (boolean vector : new boolean[]{true, false}) {
                double[] t = new double[tAt + n + 1];
                t[tAt - 1] = 7;
                double got = vector ? VectorRowMath.tanhDot(x, xAt, y, yAt, v, t, tAt, n)
                        : ScalarRowMath.tanhDot(x, xAt, y, yAt, v, t, tAt, n);
                double unkept = vector ? VectorRowMath.tanhDot(x, xAt, y, yAt, v, null, 0, n)
                        : ScalarRowMath.tanhDot(x, xAt, y, yAt, v, null, 0, n);
                String what = (vector ? "vector" : "plain") + ", n=" + n;
                assertEquals(want, got, 1e-13 * Math.max(1, Math.abs(want)), what);
                assertEquals(got, unkept, what + ": the same sum without keeping t");
                for (int c = 0; c < n; c++) assertEquals(Math.tanh(x[xAt + c] + y[yAt + c]), t[tAt + c], 1e-15, what + " t at " + c);
                assertEquals(7, t[tAt - 1]);
                assertEquals(0, t[tAt + n]);
            }
        }
        double[] big = {800, -800, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0}, zero = new double[5], t = new double[5];
        VectorRowMath.tanhDot(big, 0, zero, 0, new double[]{1, 1, 1, 1, 1}, t, 0, 5);
        assertArrayEquals(new double[]{1, -1, 1, -1, 0}, t, 0.0, "saturates to exactly ±1");
        assertTrue(Double.isNaN(VectorRowMath.tanhDot(new double[]{0, 0, Double.NaN, 0}, 0, new double[4], 0, new double[]{1, 1, 1, 1}, null, 0, 4)));
    }

    @Test
    void tanhBackwardIsTheGradientOfTanhDotByFiniteDifferences() {
        Random rng = new Random(503);
        for (int n : LENGTHS) {
            double[] x = row(n, 0, rng), y = row(n, 0, rng), v = row(n, 0, rng), t = new double[n];
            for (int j = 0; j < x.length; j++) { x[j] /= 20; y[j] /= 20; }
            double g = 0.7;
            RowMath.tanhDot(x, 0, y, 0, v, t, 0, n);
            for (boolean vector : new boolean[]{true, false}) {
                double[] dx = row(n, 0, rng), dy = dx.clone(), dv = row(n, 0, rng);
                double[] dx0 = dx.clone(), dv0 = dv.clone(), dxNoV = dx.clone();
                if (vector) VectorRowMath.tanhBackward(g, v, t, 0, dx, 0, dy, 0, dv, n);
                else ScalarRowMath.tanhBackward(g, v, t, 0, dx, 0, dy, 0, dv, n);
                if (vector) VectorRowMath.tanhBackward(g, v, t, 0, dxNoV, 0, new double[n], 0, null, n);
                else ScalarRowMath.tanhBackward(g, v, t, 0, dxNoV, 0, new double[n], 0, null, n);
                String what = (vector ? "vector" : "plain") + ", n=" + n;
                for (int c = 0; c < n; c++) {
                    double eps = 1e-6, keep = x[c];
                    x[c] = keep + eps;
                    double up = ScalarRowMath.tanhDot(x, 0, y, 0, v, null, 0, n);
                    x[c] = keep - eps;
                    double down = ScalarRowMath.tanhDot(x, 0, y, 0, v, null, 0, n);
                    x[c] = keep;
                    double numeric = g * (up - down) / (2 * eps);
                    assertEquals(numeric, dx[c] - dx0[c], 1e-7 * Math.max(1, Math.abs(numeric)), what + " ∂x at " + c);
                    assertEquals(dx[c], dy[c], what + " ∂y = ∂x (from the same start)");
                    assertEquals(g * t[c], dv[c] - dv0[c], 1e-14, what + " ∂v at " + c);
                    assertEquals(dx[c], dxNoV[c], what + " without ∂v");
                }
                assertEquals(dx0[n], dx[n], what + ": past the row untouched");
            }
        }
    }
}
