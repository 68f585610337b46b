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

    static double dot(double[] x, double[] y, int off, int n) {
        int j = 0;
        double dot = 0;
        if (n >= L) {
            DoubleVector acc = DoubleVector.zero(S);
            for (; j + L <= n; j += L)
                acc = DoubleVector.fromArray(S, x, off + j).fma(DoubleVector.fromArray(S, y, off + j), acc);
            dot = acc.reduceLanes(VectorOperators.ADD);
        }
        for (; j < n; j++) dot += x[off + j] * y[off + j];
        return dot;
    }
}
