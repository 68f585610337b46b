package jattn.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowMath} on the Vector API: L lanes per step, the last n mod L entries one by one.
 * Loaded only when the JVM has the module {@code jdk.incubator.vector}.
 */
final class VectorRowMath {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorRowMath() {}

    static double max(double[] x, int off, int n) {
        int j = 0;
        double max = Double.NEGATIVE_INFINITY;
        if (n >= L) {
            DoubleVector m = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
            for (; j + L <= n; j += L) m = m.max(DoubleVector.fromArray(S, x, off + j));
            max = m.reduceLanes(VectorOperators.MAX);
        }
        for (; j < n; j++) max = Math.max(max, x[off + j]);
        return max;
    }

    static double expSum(double[] x, double[] y, int off, int n, double s, double shift) {
        int j = 0;
        double sum = 0;
        if (n >= L) {
            DoubleVector acc = DoubleVector.zero(S);
            for (; j + L <= n; j += L) {
                DoubleVector e = DoubleVector.fromArray(S, x, off + j).mul(s).sub(shift);
                e = VectorMath.exp(e);
                e.intoArray(y, off + j);
                acc = acc.add(e);
            }
            sum = acc.reduceLanes(VectorOperators.ADD);
        }
        for (; j < n; j++) {
            double e = Math.exp(s * x[off + j] - shift);
            y[off + j] = e;
            sum += e;
        }
        return sum;
    }

    static double dot(double[] x, int xAt, double[] y, int yAt, int n) {
        int j = 0;
        double dot = 0;
        if (n >= L) {
            DoubleVector acc = DoubleVector.zero(S);
            for (; j + L <= n; j += L)
                acc = DoubleVector.fromArray(S, x, xAt + j).fma(DoubleVector.fromArray(S, y, yAt + j), acc);
            dot = acc.reduceLanes(VectorOperators.ADD);
        }
        for (; j < n; j++) dot += x[xAt + j] * y[yAt + j];
        return dot;
    }

    static double tanhDot(double[] x, int xAt, double[] y, int yAt, double[] v, double[] t, int tAt, int n) {
        int c = n - n % L;
        double sum = c == 0 ? 0 : t != null ? tanhDotKept(x, xAt, y, yAt, v, t, tAt, c) : tanhDotUnkept(x, xAt, y, yAt, v, c);
        for (; c < n; c++) {
            double tc = ScalarRowMath.tanh(x[xAt + c] + y[yAt + c]);
            if (t != null) t[tAt + c] = tc;
            sum += v[c] * tc;
        }
        return sum;
    }

    /** The vector part (c a multiple of L) keeping t. One exp loop per method, so that C2 inlines all of it (a vector handed to a call it did not inline is boxed). */
    private static double tanhDotKept(double[] x, int xAt, double[] y, int yAt, double[] v, double[] t, int tAt, int c) {
        DoubleVector acc = DoubleVector.zero(S);
        for (int j = 0; j < c; j += L) {
            DoubleVector tc = VectorMath.tanh(DoubleVector.fromArray(S, x, xAt + j).add(DoubleVector.fromArray(S, y, yAt + j)));
            tc.intoArray(t, tAt + j);
            acc = tc.fma(DoubleVector.fromArray(S, v, j), acc);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    private static double tanhDotUnkept(double[] x, int xAt, double[] y, int yAt, double[] v, int c) {
        DoubleVector acc = DoubleVector.zero(S);
        for (int j = 0; j < c; j += L) {
            DoubleVector tc = VectorMath.tanh(DoubleVector.fromArray(S, x, xAt + j).add(DoubleVector.fromArray(S, y, yAt + j)));
            acc = tc.fma(DoubleVector.fromArray(S, v, j), acc);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    static void tanhBackward(double g, double[] v, double[] t, int tAt, double[] dx, int dxAt, double[] dy, int dyAt,
                             double[] dv, int n) {
        int c = 0;
        for (; c + L <= n; c += L) {
            DoubleVector tc = DoubleVector.fromArray(S, t, tAt + c);
            DoubleVector s = DoubleVector.fromArray(S, v, c).mul(g).mul(DoubleVector.broadcast(S, 1.0).sub(tc.mul(tc))); // g·v·(1 − t²)
            DoubleVector.fromArray(S, dx, dxAt + c).add(s).intoArray(dx, dxAt + c);
            DoubleVector.fromArray(S, dy, dyAt + c).add(s).intoArray(dy, dyAt + c);
        }
        if (dv != null)
            for (int k = 0; k + L <= n; k += L)
                DoubleVector.fromArray(S, t, tAt + k).mul(g).add(DoubleVector.fromArray(S, dv, k)).intoArray(dv, k);
        for (; c < n; c++) {
            double tc = t[tAt + c], s = g * v[c] * (1 - tc * tc);
            dx[dxAt + c] += s;
            dy[dyAt + c] += s;
            if (dv != null) dv[c] += g * tc;
        }
    }
}
