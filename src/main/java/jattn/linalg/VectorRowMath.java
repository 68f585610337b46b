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
                DoubleVector e = DoubleVector.fromArray(S, x, off + j).mul(s).sub(shift).lanewise(VectorOperators.EXP);
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

    /** tanh(u) = 1 − 2/(1 + e^(2u)) lane by lane, with the vector exp. */
    private static DoubleVector tanh(DoubleVector u) {
        DoubleVector e = u.mul(2.0).lanewise(VectorOperators.EXP);
        return DoubleVector.broadcast(S, 1.0).sub(DoubleVector.broadcast(S, 2.0).div(e.add(1.0)));
    }

    static double tanhDot(double[] x, int xAt, double[] y, int yAt, double[] v, double[] t, int tAt, int n) {
        int c = 0;
        double sum = 0;
        if (n >= L) {                                                    // two loops: no branch beside a carried vector
            DoubleVector acc = DoubleVector.zero(S);
            if (t != null)
                for (; c + L <= n; c += L) {
                    DoubleVector tc = tanh(DoubleVector.fromArray(S, x, xAt + c).add(DoubleVector.fromArray(S, y, yAt + c)));
                    tc.intoArray(t, tAt + c);
                    acc = tc.fma(DoubleVector.fromArray(S, v, c), acc);
                }
            else
                for (; c + L <= n; c += L) {
                    DoubleVector tc = tanh(DoubleVector.fromArray(S, x, xAt + c).add(DoubleVector.fromArray(S, y, yAt + c)));
                    acc = tc.fma(DoubleVector.fromArray(S, v, c), acc);
                }
            sum = acc.reduceLanes(VectorOperators.ADD);
        }
        for (; c < n; c++) {
            double tc = ScalarRowMath.tanh(x[xAt + c] + y[yAt + c]);
            if (t != null) t[tAt + c] = tc;
            sum += v[c] * tc;
        }
        return sum;
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
