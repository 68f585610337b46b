package jattn.rnn;

import jattn.autograd.Tensor;
import jattn.nn.Embedding;
import jattn.linalg.Gemm;
import jattn.linalg.Gemm.Operands;
import jattn.linalg.Gemm.Output;
import jattn.text.PaddedBatch;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The GRU recurrence of an embedded, padded batch as ONE operation with its backward
 * (back-propagation through time) written out: the fast path of the Seq2Seq encoder
 * ({@code jattn.seq2seq.Encoder#encode}). Same function as the readable path (embedding lookups,
 * then {@link GruCell#stepReadable} at every step, masked at padding); the gate math of every row
 * is {@link GruGates}, the same code as {@link GruCell#step}:
 * <pre>
 *   P = Emb·Wx + bx                 (V×E)·(E×3H) + (1×3H) → (V×3H)   the input projection of every token
 *   xₜ·Wx + bx = P[srcₜ]            a row lookup instead of a (B×E)·(E×3H) product per step
 *   hₜ = GRU(xₜ, hₜ₋₁)               only for the nₜ sequences with validLens &gt; t ("packed", as PyTorch's
 *                                    pack_padded_sequence): rows are processed sorted by length, so the
 *                                    active rows are a prefix and padding costs nothing
 *   states (B·T×H), row b·T + t = hₜ of sequence b, zero at padding
 * </pre>
 * Backward, with Gₜ the gradient reaching hₜ (from the states and from later steps):
 * A = [A_r | A_z | Aₙ] as in {@link GruCell}; ∂P[srcₜ] += A; ∂Wh += hₜ₋₁ᵀ·Gh; ∂bh += Σ Gh;
 * ∂hₜ₋₁ = Gₜ ⊙ z + Gh·Whᵀ; at the end ∂bx += Σ_v ∂P[v], ∂Wx += Embᵀ·∂P, ∂Emb += ∂P·Wxᵀ
 * (the padding row of Emb, if any, gets none). Arguments are not modified; the parameters are
 * read, never written.
 */
public final class PackedGru {

    private PackedGru() {}

    /** The stacked states (B·T×H) of the source batch, zero at padding (the final state is gathered from them). */
    public static Tensor states(Embedding embedding, GruCell cell, PaddedBatch source) {
        Tensor emb = embedding.weight(), wx = cell.wx(), wh = cell.wh(), bx = cell.bx(), bh = cell.bh();
        int batch = source.batchSize(), steps = source.numSteps(), nH = cell.hiddenSize(), h3 = 3 * nH;
        int vocab = emb.rows();
        int[] lens = source.validLens();
        int[] order = IntStream.range(0, batch).boxed()
                .sorted(Comparator.comparingInt((Integer b) -> -lens[b])).mapToInt(Integer::intValue).toArray();
        int[] active = new int[steps];                                   // nₜ = #{b : validLens[b] > t}
        for (int b = 0; b < batch; b++) for (int t = 0; t < lens[b]; t++) active[t]++;
        int[] ids = new int[steps * batch];                              // ids[t·B + i] of sorted row i
        for (int i = 0; i < batch; i++)
            for (int t = 0; t < lens[order[i]]; t++) ids[t * batch + i] = source.id(order[i], t);

        double[] proj = new double[vocab * h3];                         // P = Emb·Wx + bx: (V×E)·(E×3H) → (V×3H)
        TokenProjection.forward(embedding, cell, proj);
        int bh1 = batch * nH;
        double[] hs = new double[(steps + 1) * bh1];                     // hs[(t+1)·B·H + i·H + j] = hₜ, sorted rows
        double[] gates = new double[steps * batch * h3];                 // [r | z | n] per step and row
        double[] hn = new double[steps * bh1];                           // h·Whn + bhn
        double[] gh = new double[batch * h3];
        double[] whv = wh.value().data, bhv = bh.value().data;
        for (int t = 0; t < steps; t++) {
            int n = active[t], prev = t * bh1, cur = (t + 1) * bh1;
            System.arraycopy(hs, prev, hs, cur, bh1);                    // finished rows keep their state
            Arrays.fill(gh, 0, n * h3, 0.0);
            Gemm.gemm(Operands.A_B, n, h3, nH, 1, hs, prev, whv, 0, gh, 0, Output.ADD);   // (n×H)·(H×3H) → (n×3H)
            for (int i = 0; i < n; i++)                                  // row i: P[srcₜ], h·Wh → gates, hₜ
                GruGates.forwardRow(nH, proj, ids[t * batch + i] * h3, gh, i * h3, bhv, hs, prev + i * nH,
                        gates, (t * batch + i) * h3, hn, t * bh1 + i * nH, hs, cur + i * nH);
        }
        DMatrixRMaj out = new DMatrixRMaj(batch * steps, nH);
        for (int i = 0; i < batch; i++)
            for (int t = 0; t < lens[order[i]]; t++)
                System.arraycopy(hs, (t + 1) * bh1 + i * nH, out.data, (order[i] * steps + t) * nH, nH);

        return Tensor.op("packedGru", out, g -> {
            double[] dh = new double[bh1], dhPrev = new double[bh1], dProj = new double[vocab * h3];
            double[] gGh = new double[batch * h3], gk = new double[nH];
            double[] dWh = wh.requiresGrad() ? wh.gradBuffer().data : new double[nH * h3];
            for (int t = steps - 1; t >= 0; t--) {
                int n = active[t], prev = t * bh1;
                Arrays.fill(dhPrev, 0, n * nH, 0.0);
                for (int i = 0; i < n; i++) {
                    int k = i * nH, gRow = (order[i] * steps + t) * nH;
                    for (int j = 0; j < nH; j++) gk[j] = dh[k + j] + g.data[gRow + j];   // from later steps and the states
                    GruGates.backwardRow(nH, gk, 0, gates, (t * batch + i) * h3, hn, t * bh1 + k, hs, prev + k,
                            dProj, ids[t * batch + i] * h3, gGh, i * h3, dhPrev, k);
                }
                Gemm.gemm(Operands.AT_B, nH, h3, n, 1, hs, prev, gGh, 0, dWh, 0, Output.ADD);     // ∂Wh += hᵀ·∂Gh: (H×n)·(n×3H)
                Gemm.gemm(Operands.A_BT, n, nH, h3, 1, gGh, 0, whv, 0, dhPrev, 0, Output.ADD);    // ∂h += ∂Gh·Whᵀ: (n×3H)·(3H×H)
                if (bh.requiresGrad()) {
                    double[] dbh = bh.gradBuffer().data;
                    for (int i = 0; i < n; i++) for (int j = 0; j < h3; j++) dbh[j] += gGh[i * h3 + j];
                }
                System.arraycopy(dhPrev, 0, dh, 0, n * nH);             // rows ≥ n: finished, their ∂h passes on
            }
            TokenProjection.backward(embedding, cell, dProj);           // ∂bx, ∂Wx, ∂Emb from ∂P
        }, emb, wx, wh, bx, bh);
    }
}
