package jattn.seq2seq;

import jattn.attention.AdditiveAttentionRows;
import jattn.attention.AdditiveScore;
import jattn.autograd.NoGrad;
import jattn.autograd.Tensor;
import jattn.linalg.Gemm;
import jattn.linalg.Gemm.Operands;
import jattn.linalg.Gemm.Output;
import jattn.rnn.GruGates;
import jattn.rnn.TokenProjection;
import jattn.text.PaddedBatch;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The whole run of a {@link BahdanauDecoder} over a batch as ONE operation with its backward
 * written out: the fast path of {@link Seq2Seq#loss(PaddedBatch, PaddedBatch)} (teacher forcing)
 * and of {@link Seq2Seq#greedy} (evaluation), as {@code jattn.rnn.PackedGru} is the encoder's. The
 * same function as {@link BahdanauDecoder#step} applied T' times (the step-by-step twin that the
 * tests hold it to, values and gradients). With B rows, source length T, state width H, attention
 * width h, embedding E, V tokens and yₜ₋₁ the token fed at step t (BOS first):
 * <pre>
 *   P   = Emb·Wx[0:E] + bx            (V×E)·(E×3H) → (V×3H)  the embedding part of the GRU input, once
 *   K̃   = hv·Wk + b                   (N×H)·(H×h) → (N×h)     the keys, once, of the N = Σ validLens valid rows hv of hs
 *   step t = 0 … T'−1, s = S[t] (B×H), S[0] = s₀:
 *     Q̃ₜ = s·Wq                        (B×H)·(H×h) → (B×h)
 *     αₜ, cₜ = attention(Q̃ₜ, K̃, hs)     (B×T), (B×H)          {@link AdditiveAttentionRows}
 *     preₜ = P[yₜ₋₁] + cₜ·Wx[E:E+H]     (B×H)·(H×3H) → (B×3H)
 *     S[t+1] = GRU gates(preₜ, s·Wh)    (B×H)·(H×3H) → (B×3H) → (B×H)   {@code jattn.rnn.GruGates}
 *     logitsₜ = S[t+1]·Wo[0:H] + cₜ·Wo[H:2H] + bo      (B×H)·(H×V) + (B×H)·(H×V) → (B×V)
 * </pre>
 * Backward (G = ∂L/∂logits, all steps stacked (T'·B×V)): the output layer for all steps at once
 * (∂Wo += [S;C]ᵀ·G, ∂S, ∂C = G·Woᵀ), then back through the steps carrying ∂s (GRU gates, ∂s +=
 * Gh·Whᵀ, ∂c = ∂Cₜ + Gx·Wx[E:]ᵀ, attention, ∂s += ∂Q̃ₜ·Wqᵀ), and the weight gradients of all
 * steps as single products at the end: ∂Wq += S[0:T']ᵀ·∂Q̃, ∂Wh += S[0:T']ᵀ·Gh, ∂Wx[E:] += Cᵀ·Gx,
 * ∂P[yₜ₋₁] += Gx (→ ∂Emb, ∂Wx[0:E], ∂bx), ∂K̃ (→ ∂Wk, ∂b, ∂hs). A padding row of Emb, if it has
 * one, is no input (its P row is bx) and gets no gradient, as {@code Embedding#forward}.
 *
 * <p>Buffers are kept between calls (one set for recorded runs, one for runs without gradients),
 * so a decoder is not thread-safe; a recorded run must be back-propagated before the next
 * recorded run of the same decoder (else backward throws {@link IllegalStateException}).
 */
final class FusedBahdanauDecoder implements FusedRun {

    /** How the token fed at step t ≥ 1 is chosen. */
    private enum Feed { TEACHER_FORCED, GREEDY }

    /** The per-run arrays of one forward, grown as needed and reused: the GRU's, and attention's. */
    private static final class Buffers extends GruRunBuffers {
        double[] hv = new double[0], kp = new double[0], c = new double[0], q = new double[0],
                alpha = new double[0], tanh = new double[0];

        /**
         * Sizes every array for a run; the tanh values only when a backward will follow. With T
         * source steps and h score units: hv (N×H) and kp (N×h) for the N ≤ B·T valid encoder rows,
         * c (T'B×H), q (T'B×h), alpha (T'B×T), tanh (T'B·T×h).
         */
        void ensure(int vocab, int batch, int steps, int outSteps, int nH, int h, boolean keepTanh) {
            ensureGru(vocab, batch, outSteps, nH);
            int rows = outSteps * batch;
            hv = FusedArrays.grow(hv, batch * steps * nH);
            kp = FusedArrays.grow(kp, batch * steps * h);
            c = FusedArrays.grow(c, rows * nH);
            q = FusedArrays.grow(q, rows * h);
            alpha = FusedArrays.grow(alpha, rows * steps);
            if (keepTanh) tanh = FusedArrays.grow(tanh, rows * steps * h);
        }
    }

    private final BahdanauDecoder decoder;
    private final Buffers recorded = new Buffers(), unrecorded = new Buffers();

    FusedBahdanauDecoder(BahdanauDecoder decoder) {
        this.decoder = decoder;
    }

    /** {@inheritDoc} The rows are in the order of {@link PaddedBatch#idsTimeMajor()}; padding is fed too. */
    @Override
    public Tensor teacherForced(Encoded source, PaddedBatch target, int bos) {
        if (source.batch() != target.batchSize())
            throw new IllegalArgumentException("FusedBahdanauDecoder: " + source.batch() + " source sequences but target batch ("
                    + target.batchSize() + "×" + target.numSteps() + ")");
        return run(source, target.numSteps(), Feed.TEACHER_FORCED, target, bos, -1).logits;
    }

    @Override
    public Greedy greedy(Encoded source, int maxSteps, int bos, int eos) {
        try (NoGrad ignored = NoGrad.start()) {
            Run r = run(source, maxSteps, Feed.GREEDY, null, bos, eos);
            return new Greedy(r.columns, r.weights);
        }
    }

    /**
     * ids[row0, +B) = yₜ₋₁: BOS at t = 0, else the true token (teacher forcing) or the arg max of
     * step t − 1 (greedy). One branch per step and one plain loop per case: a loop that chose per
     * row made C2 speculate on it and recompile the whole run several times.
     */
    private static void feedIds(int[] ids, int row0, int batch, int t, Feed feed, PaddedBatch target,
                                List<int[]> columns, int bos) {
        if (t == 0) Arrays.fill(ids, row0, row0 + batch, bos);
        else if (feed == Feed.TEACHER_FORCED) for (int b = 0; b < batch; b++) ids[row0 + b] = target.id(b, t - 1);
        else System.arraycopy(columns.get(t - 1), 0, ids, row0, batch);
    }

    private record Run(Tensor logits, List<int[]> columns, List<DMatrixRMaj> weights) {}

    private Run run(Encoded source, int maxSteps, Feed feed, PaddedBatch target, int bos, int eos) {
        BatchedAttentionParts p = BatchedAttentionParts.of(decoder);
        Tensor hsT = source.states(), s0T = source.finalState();
        int batch = source.batch(), steps = source.steps(), nH = decoder.hiddenSize(), h3 = 3 * nH;
        int h = p.score.hidden(), vocab = decoder.vocabSize(), dE = decoder.embedding().dModel();
        if (source.hidden() != nH)
            throw new IllegalArgumentException("FusedBahdanauDecoder: encoder states " + hsT.shape()
                    + " do not fit the decoder GRU's Wh " + p.wh.shape() + "; expected (B·T×" + nH + ")");
        int[] lens = source.validLens();
        List<Tensor> parents = p.parents(hsT, s0T);
        boolean record = !NoGrad.active() && parents.stream().anyMatch(Tensor::requiresGrad);
        Buffers w = record ? recorded : unrecorded;
        w.ensure(vocab, batch, steps, maxSteps, nH, h, record);
        double[] tanh = record ? w.tanh : null;                           // kept for the backward only
        long run = ++w.run;

        double[] wx = p.wx.value().data, wh = p.wh.value().data, bh = p.bh.value().data, wq = p.wq.value().data, wk = p.wk.value().data, v = p.v.value().data,
                wo = p.wo.value().data, hs = hsT.value().data;
        TokenProjection.forward(decoder.embedding(), decoder.cell(), w.pe);                      // P (V×3H)
        int[] keyAt = new int[batch];                                     // the valid rows of hs, packed: row keyAt[b] + j
        int valid = 0;
        for (int b = 0; b < batch; b++) {
            keyAt[b] = valid;
            System.arraycopy(hs, b * steps * nH, w.hv, valid * nH, lens[b] * nH);
            valid += lens[b];
        }
        Gemm.gemm(Operands.A_B, valid, h, nH, 1, w.hv, 0, wk, 0, w.kp, 0, Output.OVERWRITE);  // (N×H)·(H×h) → (N×h), N = Σ validLens
        if (p.kb != null) {
            double[] kb = p.kb.value().data;
            for (int r = 0; r < valid; r++) for (int j = 0; j < h; j++) w.kp[r * h + j] += kb[j];
        }
        System.arraycopy(s0T.value().data, 0, w.s, 0, batch * nH);
        DMatrixRMaj logits = new DMatrixRMaj(maxSteps * batch, vocab);
        double[] lg = logits.data;
        List<int[]> columns = new ArrayList<>();
        List<DMatrixRMaj> weights = new ArrayList<>();
        boolean[] ended = new boolean[batch];
        int open = batch, done = 0;
        for (int t = 0; t < maxSteps && open > 0; t++, done++) {
            int row0 = t * batch, sAt = row0 * nH, cAt = row0 * nH;
            feedIds(w.ids, row0, batch, t, feed, target, columns, bos);      // yₜ₋₁ for every row
            Gemm.gemm(Operands.A_B, batch, h, nH, 1, w.s, sAt, wq, 0, w.q, row0 * h, Output.OVERWRITE);   // (B×H)·(H×h) → (B×h)
            for (int b = 0; b < batch; b++)
                AdditiveAttentionRows.forwardRow(h, nH, steps, lens[b], w.q, (row0 + b) * h, w.kp, keyAt[b] * h, v,
                        hs, b * steps * nH, tanh, (row0 + b) * steps * h, w.alpha, (row0 + b) * steps, w.c, cAt + b * nH);
            int gAt = row0 * h3;
            Gemm.gemm(Operands.A_B, batch, h3, nH, 1, w.c, cAt, wx, dE * h3, w.gates, gAt, Output.OVERWRITE); // (B×H)·(H×3H) → (B×3H)
            for (int b = 0; b < batch; b++) {
                int id = w.ids[row0 + b];
                for (int j = 0; j < h3; j++) w.gates[gAt + b * h3 + j] += w.pe[id * h3 + j];        // + P[yₜ₋₁]
            }
            Gemm.gemm(Operands.A_B, batch, h3, nH, 1, w.s, sAt, wh, 0, w.gh, 0, Output.OVERWRITE);    // (B×H)·(H×3H) → (B×3H)
            for (int b = 0; b < batch; b++)
                GruGates.forwardRow(nH, w.gates, gAt + b * h3, w.gh, b * h3, bh, w.s, sAt + b * nH,
                        w.gates, gAt + b * h3, w.hn, cAt + b * nH, w.s, sAt + (batch + b) * nH);
            int lAt = row0 * vocab;                                       // [S[t+1] ; cₜ]·Wo + bo: (B×2H)·(2H×V) → (B×V)
            Gemm.gemm(Operands.A_B, batch, vocab, nH, 1, w.s, sAt + batch * nH, wo, 0, lg, lAt, Output.OVERWRITE);
            Gemm.gemm(Operands.A_B, batch, vocab, nH, 1, w.c, cAt, wo, nH * vocab, lg, lAt, Output.ADD);
            if (p.bo != null) {
                double[] bo = p.bo.value().data;
                for (int b = 0; b < batch; b++) for (int j = 0; j < vocab; j++) lg[lAt + b * vocab + j] += bo[j];
            }
            if (feed == Feed.GREEDY) {
                int[] best = new int[batch];
                for (int b = 0; b < batch; b++) {
                    int at = lAt + b * vocab, k = 0;
                    for (int j = 1; j < vocab; j++) if (lg[at + j] > lg[at + k]) k = j;
                    best[b] = k;
                    if (!ended[b] && k == eos) { ended[b] = true; open--; }
                }
                columns.add(best);
                DMatrixRMaj a = new DMatrixRMaj(batch, steps);
                System.arraycopy(w.alpha, row0 * steps, a.data, 0, batch * steps);
                weights.add(a);
            }
        }
        if (!record) return new Run(Tensor.constant(logits), columns, weights);
        final int outSteps = done, validRows = valid;
        Tensor out = Tensor.op("fusedBahdanauDecoder", logits,
                g -> backward(g, p, w, run, hsT, s0T, lens, keyAt, validRows, batch, steps, outSteps), parents.toArray(new Tensor[0]));
        return new Run(out, columns, weights);
    }

    private void backward(DMatrixRMaj gOut, BatchedAttentionParts p, Buffers w, long run, Tensor hsT, Tensor s0T,
                          int[] lens, int[] keyAt, int valid, int batch, int steps, int outSteps) {
        if (w.run != run)
            throw new IllegalStateException("FusedBahdanauDecoder: a later forward of this decoder reused the buffers of "
                    + "this one; call backward() on a loss before computing the next one (or use Seq2Seq.lossStepByStep)");
        int nH = decoder.hiddenSize(), h3 = 3 * nH, h = p.score.hidden(), vocab = decoder.vocabSize();
        int dE = decoder.embedding().dModel(), rows = outSteps * batch;
        double[] g = gOut.data, wx = p.wx.value().data, wh = p.wh.value().data, wq = p.wq.value().data,
                wk = p.wk.value().data, wo = p.wo.value().data, v = p.v.value().data, hs = hsT.value().data;
        if (p.wo.requiresGrad()) {                                        // the output layer, all steps at once
            double[] dWo = p.wo.gradBuffer().data;
            Gemm.gemm(Operands.AT_B, nH, vocab, rows, 1, w.s, batch * nH, g, 0, dWo, 0, Output.ADD);    // (H×T'B)·(T'B×V)
            Gemm.gemm(Operands.AT_B, nH, vocab, rows, 1, w.c, 0, g, 0, dWo, nH * vocab, Output.ADD);
        }
        if (p.bo != null && p.bo.requiresGrad()) FusedArrays.addColumnSums(g, rows, vocab, p.bo.gradBuffer().data);
        double[] dSo = new double[rows * nH], dC = new double[rows * nH];
        Gemm.gemm(Operands.A_BT, rows, nH, vocab, 1, g, 0, wo, 0, dSo, 0, Output.OVERWRITE);                 // (T'B×V)·(V×H)
        Gemm.gemm(Operands.A_BT, rows, nH, vocab, 1, g, 0, wo, nH * vocab, dC, 0, Output.OVERWRITE);
        double[] dPre = new double[rows * h3], dGh = new double[rows * h3], dQ = new double[rows * h];
        double[] dKp = new double[valid * h], dh = new double[batch * nH], dsPrev = new double[batch * nH];
        double[] gk = new double[batch * nH], work = new double[Math.max(1, steps)];
        double[] dv = p.v.requiresGrad() ? p.v.gradBuffer().data : null;
        double[] dhs = hsT.requiresGrad() ? hsT.gradBuffer().data : null;
        for (int t = outSteps - 1; t >= 0; t--) {
            int row0 = t * batch, sAt = row0 * nH, gAt = row0 * h3;
            for (int i = 0; i < batch * nH; i++) gk[i] = dh[i] + dSo[sAt + i];       // ∂S[t+1]: later steps + the logits
            Arrays.fill(dsPrev, 0.0);
            for (int b = 0; b < batch; b++)
                GruGates.backwardRow(nH, gk, b * nH, w.gates, gAt + b * h3, w.hn, sAt + b * nH, w.s, sAt + b * nH,
                        dPre, gAt + b * h3, dGh, gAt + b * h3, dsPrev, b * nH);
            Gemm.gemm(Operands.A_BT, batch, nH, h3, 1, dGh, gAt, wh, 0, dsPrev, 0, Output.ADD);       // (B×3H)·(3H×H)
            Gemm.gemm(Operands.A_BT, batch, nH, h3, 1, dPre, gAt, wx, dE * h3, dC, sAt, Output.ADD);   // ∂cₜ += Gx·Wx[E:]ᵀ
            for (int b = 0; b < batch; b++)
                AdditiveAttentionRows.backwardRow(h, nH, lens[b], dC, sAt + b * nH, w.tanh, (row0 + b) * steps * h,
                        w.alpha, (row0 + b) * steps, v, hs, b * steps * nH, dQ, (row0 + b) * h, dKp, keyAt[b] * h,
                        dv, dhs, b * steps * nH, work);
            Gemm.gemm(Operands.A_BT, batch, nH, h, 1, dQ, row0 * h, wq, 0, dsPrev, 0, Output.ADD);      // (B×h)·(h×H)
            double[] swap = dh; dh = dsPrev; dsPrev = swap;
        }
        if (s0T.requiresGrad()) {
            double[] ds0 = s0T.gradBuffer().data;
            for (int i = 0; i < batch * nH; i++) ds0[i] += dh[i];
        }
        if (p.wq.requiresGrad()) Gemm.gemm(Operands.AT_B, nH, h, rows, 1, w.s, 0, dQ, 0, p.wq.gradBuffer().data, 0, Output.ADD);
        if (p.wh.requiresGrad()) Gemm.gemm(Operands.AT_B, nH, h3, rows, 1, w.s, 0, dGh, 0, p.wh.gradBuffer().data, 0, Output.ADD);
        if (p.bh.requiresGrad()) FusedArrays.addColumnSums(dGh, rows, h3, p.bh.gradBuffer().data);
        if (p.wx.requiresGrad())                                          // ∂Wx[E:] += Cᵀ·Gx: (H×T'B)·(T'B×3H)
            Gemm.gemm(Operands.AT_B, nH, h3, rows, 1, w.c, 0, dPre, 0, p.wx.gradBuffer().data, dE * h3, Output.ADD);
        double[] dPe = new double[vocab * h3];                            // ∂P[yₜ₋₁] += Gx
        for (int r = 0; r < rows; r++) {
            int id = w.ids[r];
            for (int j = 0; j < h3; j++) dPe[id * h3 + j] += dPre[r * h3 + j];
        }
        TokenProjection.backward(decoder.embedding(), decoder.cell(), dPe);                     // ∂bx, ∂Wx[0:E], ∂Emb
        // the keys K̃ = hv·Wk + b over the N packed valid rows hv of hs
        if (p.wk.requiresGrad()) Gemm.gemm(Operands.AT_B, nH, h, valid, 1, w.hv, 0, dKp, 0, p.wk.gradBuffer().data, 0, Output.ADD);
        if (p.kb != null && p.kb.requiresGrad()) FusedArrays.addColumnSums(dKp, valid, h, p.kb.gradBuffer().data);
        if (dhs != null) {
            double[] dhv = new double[valid * nH];
            Gemm.gemm(Operands.A_BT, valid, nH, h, 1, dKp, 0, wk, 0, dhv, 0, Output.OVERWRITE);                // (N×h)·(h×H)
            for (int b = 0; b < batch; b++)
                for (int i = 0, to = b * steps * nH, from = keyAt[b] * nH; i < lens[b] * nH; i++) dhs[to + i] += dhv[from + i];
        }
    }

    /** The decoder's parameters by role (the key bias b and the output bias bo may be null). */
    private record BatchedAttentionParts(Tensor emb, Tensor wx, Tensor wh, Tensor bx, Tensor bh, AdditiveScore score,
                                         Tensor wq, Tensor wk, Tensor kb, Tensor v, Tensor wo, Tensor bo) {
        static BatchedAttentionParts of(BahdanauDecoder d) {
            AdditiveScore s = d.attention().score();
            return new BatchedAttentionParts(d.embedding().weight(), d.cell().wx(), d.cell().wh(), d.cell().bx(), d.cell().bh(),
                    s, s.queryWeight(), s.keyWeight(), s.keyBias(), s.v(), d.output().weight(), d.output().bias());
        }

        /** The inputs of the fused operation: the encoder's states and final state, then every parameter. */
        List<Tensor> parents(Tensor hs, Tensor s0) {
            List<Tensor> list = new ArrayList<>(List.of(hs, s0, emb, wx, wh, bx, bh, wq, wk, v, wo));
            if (kb != null) list.add(kb);
            if (bo != null) list.add(bo);
            return list;
        }
    }
}
