package jattn.rnn;

import jattn.linalg.VectorMath;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link GruGates} on the Vector API, L lanes of a row at a time, with σ and tanh of
 * {@link VectorMath} (within a few ulp of the scalar forms, the same bits at every JIT stage;
 * ±∞ give exactly 0/1 and ±1). Each method does the first ⌊H/L⌋·L entries of the row and returns
 * that count; {@link GruGates} does the rest one by one. Loaded only when the JVM has the module
 * {@code jdk.incubator.vector} (see {@link jattn.linalg.Gemm#vectorized()}).
 */
final class VectorGruGates {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorGruGates() {}

    /**
     * The forward of {@link GruGates#forwardRow} for entries j &lt; ⌊H/L⌋·L; returns that count.
     * Two methods with array arguments, one exp loop or two each: C2 stops inlining at a node
     * budget, and a vector passed to a call it did not inline is boxed and computed without
     * intrinsics, ten times slower.
     */
    static int forward(int nH, double[] pre, int preAt, double[] gh, int ghAt, double[] bh,
                       double[] h, int hAt, double[] gates, int gatesAt, double[] hn, int hnAt,
                       double[] next, int nextAt) {
        resetAndUpdate(nH, pre, preAt, gh, ghAt, bh, gates, gatesAt);
        return candidate(nH, pre, preAt, gh, ghAt, bh, h, hAt, gates, gatesAt, hn, hnAt, next, nextAt);
    }

    /** r = σ(pre_r + gh_r + bh_r), z = σ(pre_z + gh_z + bh_z) into gates[r], gates[z] (pre's r and z entries are read first). */
    private static void resetAndUpdate(int nH, double[] pre, int preAt, double[] gh, int ghAt, double[] bh, double[] gates, int gatesAt) {
        for (int j = 0; j + L <= nH; j += L) {
            DoubleVector r = VectorMath.sigmoid(DoubleVector.fromArray(S, pre, preAt + j).add(DoubleVector.fromArray(S, gh, ghAt + j))
                    .add(DoubleVector.fromArray(S, bh, j)));
            DoubleVector z = VectorMath.sigmoid(DoubleVector.fromArray(S, pre, preAt + nH + j).add(DoubleVector.fromArray(S, gh, ghAt + nH + j))
                    .add(DoubleVector.fromArray(S, bh, nH + j)));
            r.intoArray(gates, gatesAt + j);
            z.intoArray(gates, gatesAt + nH + j);
        }
    }

    /** hn = gh_n + bh_n, n = tanh(pre_n + r·hn), h' = (1 − z)·n + z·h, from the r and z in gates; returns the entries done. */
    private static int candidate(int nH, double[] pre, int preAt, double[] gh, int ghAt, double[] bh, double[] h, int hAt,
                                 double[] gates, int gatesAt, double[] hn, int hnAt, double[] next, int nextAt) {
        int j = 0;
        for (; j + L <= nH; j += L) {
            DoubleVector r = DoubleVector.fromArray(S, gates, gatesAt + j), z = DoubleVector.fromArray(S, gates, gatesAt + nH + j);
            DoubleVector hnj = DoubleVector.fromArray(S, gh, ghAt + 2 * nH + j).add(DoubleVector.fromArray(S, bh, 2 * nH + j));
            DoubleVector n = VectorMath.tanh(DoubleVector.fromArray(S, pre, preAt + 2 * nH + j).add(r.mul(hnj)));
            n.intoArray(gates, gatesAt + 2 * nH + j);
            hnj.intoArray(hn, hnAt + j);
            DoubleVector.broadcast(S, 1.0).sub(z).mul(n).add(z.mul(DoubleVector.fromArray(S, h, hAt + j))).intoArray(next, nextAt + j);
        }
        return j;
    }

    /** The backward of {@link GruGates#backwardRow} for entries j &lt; ⌊H/L⌋·L; returns that count. */
    static int backward(int nH, double[] g, int gAt, double[] gates, int gatesAt, double[] hn, int hnAt,
                        double[] h, int hAt, double[] dPre, int dPreAt, double[] dGh, int dGhAt,
                        double[] dh, int dhAt) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int j = 0;
        for (; j + L <= nH; j += L) {
            DoubleVector gk = DoubleVector.fromArray(S, g, gAt + j);
            DoubleVector r = DoubleVector.fromArray(S, gates, gatesAt + j), z = DoubleVector.fromArray(S, gates, gatesAt + nH + j),
                    n = DoubleVector.fromArray(S, gates, gatesAt + 2 * nH + j);
            DoubleVector an = gk.mul(one.sub(z)).mul(one.sub(n.mul(n)));                        // G (1 − z)(1 − n²)
            DoubleVector az = gk.mul(DoubleVector.fromArray(S, h, hAt + j).sub(n)).mul(z).mul(one.sub(z));  // G (h − n) z(1 − z)
            DoubleVector ar = an.mul(DoubleVector.fromArray(S, hn, hnAt + j)).mul(r).mul(one.sub(r));      // Aₙ hn r(1 − r)
            DoubleVector.fromArray(S, dPre, dPreAt + j).add(ar).intoArray(dPre, dPreAt + j);
            DoubleVector.fromArray(S, dPre, dPreAt + nH + j).add(az).intoArray(dPre, dPreAt + nH + j);
            DoubleVector.fromArray(S, dPre, dPreAt + 2 * nH + j).add(an).intoArray(dPre, dPreAt + 2 * nH + j);
            ar.intoArray(dGh, dGhAt + j);
            az.intoArray(dGh, dGhAt + nH + j);
            an.mul(r).intoArray(dGh, dGhAt + 2 * nH + j);
        }
        if (dh != null)                                                  // the direct path z ⊙ h
            for (int k = 0; k + L <= nH; k += L)
                DoubleVector.fromArray(S, gates, gatesAt + nH + k).mul(DoubleVector.fromArray(S, g, gAt + k))
                        .add(DoubleVector.fromArray(S, dh, dhAt + k)).intoArray(dh, dhAt + k);
        return j;
    }
}
