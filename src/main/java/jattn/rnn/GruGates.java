package jattn.rnn;

import jattn.autograd.Tensor;
import jattn.linalg.Gemm;

/**
 * The GRU's gate math for one row, written once and used by both fast paths: {@link GruCell#step}
 * (one step of a batch) and {@link PackedGru} (the whole recurrence of a padded batch). With
 * pre = x·Wx + bx and gh = h·Wh (both (1×3H), blocks [r | z | n]) and bh (1×3H):
 * <pre>
 *   r  = σ(pre_r + gh_r + bh_r),  z = σ(pre_z + gh_z + bh_z)
 *   hn = gh_n + bh_n,             n = tanh(pre_n + r ⊙ hn),   h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 * and backward, with G = ∂L/∂h':
 * <pre>
 *   Aₙ = G ⊙ (1 − z) ⊙ (1 − n²),  A_z = G ⊙ (h − n) ⊙ z(1 − z),  A_r = Aₙ ⊙ hn ⊙ r(1 − r)
 *   ∂pre += [A_r | A_z | Aₙ],  ∂gh = [A_r | A_z | Aₙ ⊙ r],  ∂h += G ⊙ z  (the direct path)
 * </pre>
 * Every array is addressed by an offset, so that callers keep their rows in whatever buffers
 * suit them. With the Vector API ({@link Gemm#vectorized()}) a row runs L entries at a time
 * ({@link VectorGruGates}, σ and tanh from the vector exp, within a few ulp of the plain loop's
 * {@link Tensor#sigmoid} and {@link Math#tanh}), the last H mod L entries one by one. The readable version of the same math is {@link GruCell#stepReadable}.
 */
public final class GruGates {

    private GruGates() {}

    /**
     * One row forward. Reads pre[preAt, +3H), gh[ghAt, +3H), bh[0, 3H), h[hAt, +H); writes
     * gates[gatesAt, +3H) = [r | z | n], hn[hnAt, +H), next[nextAt, +H) = h'. {@code gates} may be
     * {@code pre} at the same offset (each entry is read before it is written).
     */
    public static void forwardRow(int nH, double[] pre, int preAt, double[] gh, int ghAt, double[] bh,
                                  double[] h, int hAt, double[] gates, int gatesAt, double[] hn, int hnAt,
                                  double[] next, int nextAt) {
        int done = Gemm.vectorized() ? VectorGruGates.forward(nH, pre, preAt, gh, ghAt, bh, h, hAt, gates, gatesAt, hn, hnAt, next, nextAt) : 0;
        for (int j = done; j < nH; j++) {
            double r = Tensor.sigmoid(pre[preAt + j] + gh[ghAt + j] + bh[j]);
            double z = Tensor.sigmoid(pre[preAt + nH + j] + gh[ghAt + nH + j] + bh[nH + j]);
            double hnj = gh[ghAt + 2 * nH + j] + bh[2 * nH + j];
            double n = Math.tanh(pre[preAt + 2 * nH + j] + r * hnj);
            gates[gatesAt + j] = r;
            gates[gatesAt + nH + j] = z;
            gates[gatesAt + 2 * nH + j] = n;
            hn[hnAt + j] = hnj;
            next[nextAt + j] = (1 - z) * n + z * h[hAt + j];
        }
    }

    /**
     * One row backward. Reads G = g[gAt, +H), the forward's gates, hn and h; adds
     * [A_r | A_z | Aₙ] to dPre[dPreAt, +3H), writes dGh[dGhAt, +3H) = [A_r | A_z | Aₙ ⊙ r] and
     * adds G ⊙ z to dh[dhAt, +H) (skipped when {@code dh} is null: h needs no gradient).
     */
    public static void backwardRow(int nH, double[] g, int gAt, double[] gates, int gatesAt, double[] hn, int hnAt,
                                   double[] h, int hAt, double[] dPre, int dPreAt, double[] dGh, int dGhAt,
                                   double[] dh, int dhAt) {
        int done = Gemm.vectorized() ? VectorGruGates.backward(nH, g, gAt, gates, gatesAt, hn, hnAt, h, hAt, dPre, dPreAt, dGh, dGhAt, dh, dhAt) : 0;
        for (int j = done; j < nH; j++) {
            double gk = g[gAt + j];
            double r = gates[gatesAt + j], z = gates[gatesAt + nH + j], n = gates[gatesAt + 2 * nH + j];
            double an = gk * (1 - z) * (1 - n * n);                      // ∂L/∂(pre-activation of n)
            double az = gk * (h[hAt + j] - n) * z * (1 - z);             // ∂L/∂(pre-activation of z)
            double ar = an * hn[hnAt + j] * r * (1 - r);                 // ∂L/∂(pre-activation of r)
            dPre[dPreAt + j] += ar;
            dPre[dPreAt + nH + j] += az;
            dPre[dPreAt + 2 * nH + j] += an;
            dGh[dGhAt + j] = ar;
            dGh[dGhAt + nH + j] = az;
            dGh[dGhAt + 2 * nH + j] = an * r;
            if (dh != null) dh[dhAt + j] += gk * z;                      // the direct path z ⊙ h
        }
    }
}
