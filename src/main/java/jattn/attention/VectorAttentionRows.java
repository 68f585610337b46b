package jattn.attention;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The inner loops of {@link StackedAttention} for one query row of one head, on the JDK's Vector
 * API (4 doubles per register): the fast twin of the scalar loops there, used when the JVM has
 * {@code jdk.incubator.vector} and dK is a multiple of 4. Same formulas (see
 * {@link StackedAttention}); only the order of the dK-term sums differs, by rounding (the tests
 * compare both paths). Rows are addressed as offsets into row-major (·×d) arrays.
 */
final class VectorAttentionRows {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

    private VectorAttentionRows() {}

    /** s[w + j] = (q · k_j)·scale for j &lt; kept, k_j at kd[kRow0 + j·d]; returns the largest. */
    static double scores(double[] qd, int qRow, double[] kd, int kRow0, int d, int dK, int kept, double scale,
                         double[] s, int w) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < kept; j++) {
            int kRow = kRow0 + j * d;
            DoubleVector acc = DoubleVector.zero(S);
            for (int c = 0; c < dK; c += 4)
                acc = DoubleVector.fromArray(S, qd, qRow + c).fma(DoubleVector.fromArray(S, kd, kRow + c), acc);
            double x = acc.reduceLanes(VectorOperators.ADD) * scale;
            s[w + j] = x;
            if (x > max) max = x;
        }
        return max;
    }

    /** out[oRow..] += Σ_j a[w + j]·v_j for j &lt; kept, v_j at vd[vRow0 + j·d]. */
    static void weightedSum(double[] a, int w, double[] vd, int vRow0, int d, int dK, int kept, double[] od, int oRow) {
        for (int c = 0; c < dK; c += 4) {
            DoubleVector acc = DoubleVector.fromArray(S, od, oRow + c);
            for (int j = 0; j < kept; j++)
                acc = DoubleVector.broadcast(S, a[w + j]).fma(DoubleVector.fromArray(S, vd, vRow0 + j * d + c), acc);
            acc.intoArray(od, oRow + c);
        }
    }

    /** dA[j] = g · v_j and, if dv is given, dv_j += a_j·g, for j &lt; kept; returns Σ_j a_j·dA_j. */
    static double backwardValues(double[] gd, int gRow, double[] vd, int vRow0, int d, int dK, int kept, double[] a, int w,
                                 double[] dv, double[] dA) {
        double dot = 0;
        for (int j = 0; j < kept; j++) {
            int vRow = vRow0 + j * d;
            double aj = a[w + j];
            DoubleVector acc = DoubleVector.zero(S), av = DoubleVector.broadcast(S, aj);
            for (int c = 0; c < dK; c += 4) {
                DoubleVector g = DoubleVector.fromArray(S, gd, gRow + c);
                acc = g.fma(DoubleVector.fromArray(S, vd, vRow + c), acc);
                if (dv != null) av.fma(g, DoubleVector.fromArray(S, dv, vRow + c)).intoArray(dv, vRow + c);
            }
            double x = acc.reduceLanes(VectorOperators.ADD);
            dA[j] = x;
            dot += aj * x;
        }
        return dot;
    }

    /** dq += Σ_j ds[j]·k_j and dk_j += ds[j]·q, for j &lt; kept (either may be null). */
    static void backwardQueriesKeys(double[] ds, double[] qd, int qRow, double[] kd, int kRow0, int d, int dK, int kept,
                                    double[] dq, double[] dk) {
        for (int c = 0; c < dK; c += 4) {
            DoubleVector q = DoubleVector.fromArray(S, qd, qRow + c), accQ = DoubleVector.zero(S);
            for (int j = 0; j < kept; j++) {
                double x = ds[j];
                if (x == 0) continue;
                int kRow = kRow0 + j * d + c;
                DoubleVector xv = DoubleVector.broadcast(S, x);
                if (dq != null) accQ = xv.fma(DoubleVector.fromArray(S, kd, kRow), accQ);
                if (dk != null) xv.fma(q, DoubleVector.fromArray(S, dk, kRow)).intoArray(dk, kRow);
            }
            if (dq != null) accQ.add(DoubleVector.fromArray(S, dq, qRow + c)).intoArray(dq, qRow + c);
        }
    }
}
