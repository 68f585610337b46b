package jattn.seq2seq;

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
 * The whole run of a {@link GruDecoder} (no attention) over a batch as ONE operation with its
 * backward written out: the fast path of {@link Seq2Seq#loss(PaddedBatch, PaddedBatch)} and of
 * {@link Seq2Seq#greedy} for lesson 04's model, as {@link FusedBahdanauDecoder} is the attention
 * decoder's. The same function as {@link GruDecoder#step} applied T' times (the step-by-step twin
 * the tests hold it to, values and gradients). With B rows, state width H, embedding E, V tokens
 * and yₜ₋₁ the token fed at step t (BOS first):
 * <pre>
 *   P = Emb·Wx + bx                 (V×E)·(E×3H) → (V×3H)   once ({@link TokenProjection})
 *   step t = 0 … T'−1, S[0] = s₀ (the encoder's final state):
 *     S[t+1] = GRU gates(P[yₜ₋₁], S[t]·Wh)    (B×H)·(H×3H) → (B×3H) → (B×H)   {@link GruGates}
 *   logits = S[1:T'+1]·Wo + bo      (T'·B×H)·(H×V) → (T'·B×V)   all steps in one product
 * </pre>
 * (greedy decoding takes each step's logits as it goes, (B×H)·(H×V), to choose the next token).
 * Backward, G = ∂L/∂logits (T'·B×V): ∂Wo += S[1:]ᵀ·G, ∂bo += Σ G, ∂S = G·Woᵀ; then back through the
 * steps carrying ∂s (GRU gates; ∂s += Gh·Whᵀ); at the end ∂Wh += S[0:T']ᵀ·Gh, ∂bh += Σ Gh,
 * ∂P[yₜ₋₁] += Gx (→ ∂bx, ∂Wx, ∂Emb), ∂s₀ += ∂s.
 *
 * <p>Buffers are kept between calls (one set for recorded runs, one for runs without gradients),
 * so a decoder is not thread-safe; a recorded run must be back-propagated before the next
 * recorded run of the same decoder (else backward throws {@link IllegalStateException}).
 */
final class FusedGruDecoder implements FusedRun {

    private final GruDecoder decoder;
    private final GruRunBuffers recorded = new GruRunBuffers(), unrecorded = new GruRunBuffers();   // the per-run arrays, reused

    FusedGruDecoder(GruDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public Tensor teacherForced(Encoded source, PaddedBatch target, int bos) {
        if (source.batch() != target.batchSize())
            throw new IllegalArgumentException("FusedGruDecoder: " + source.batch() + " source sequences but target batch ("
                    + target.batchSize() + "×" + target.numSteps() + ")");
        int batch = target.batchSize(), steps = target.numSteps();
        GruRunBuffers w = begin(source, steps);
        boolean record = w == recorded;
        long run = ++w.run;
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) w.ids[t * batch + b] = t == 0 ? bos : target.id(b, t - 1);
            step(w, t, batch);
        }
        DMatrixRMaj logits = new DMatrixRMaj(steps * batch, decoder.vocabSize());
        output(w.s, batch * decoder.hiddenSize(), steps * batch, logits.data, 0);   // (T'B×H)·(H×V) + bo
        if (!record) return Tensor.constant(logits);
        Tensor s0 = source.finalState();
        return Tensor.op("fusedGruDecoder", logits, g -> backward(g, w, run, s0, batch, steps),
                parents(s0).toArray(new Tensor[0]));
    }

    @Override
    public Greedy greedy(Encoded source, int maxSteps, int bos, int eos) {
        try (NoGrad ignored = NoGrad.start()) {
            int batch = source.batch(), vocab = decoder.vocabSize();
            GruRunBuffers w = begin(source, maxSteps);
            double[] lg = new double[batch * vocab];
            List<int[]> columns = new ArrayList<>();
            boolean[] ended = new boolean[batch];
            int open = batch;
            for (int t = 0; t < maxSteps && open > 0; t++) {
                for (int b = 0; b < batch; b++) w.ids[t * batch + b] = t == 0 ? bos : columns.get(t - 1)[b];
                step(w, t, batch);
                output(w.s, (t + 1) * batch * decoder.hiddenSize(), batch, lg, 0);            // (B×H)·(H×V) + bo
                int[] best = new int[batch];
                for (int b = 0; b < batch; b++) {
                    int at = b * vocab, k = 0;
                    for (int j = 1; j < vocab; j++) if (lg[at + j] > lg[at + k]) k = j;
                    best[b] = k;
                    if (!ended[b] && k == eos) { ended[b] = true; open--; }
                }
                columns.add(best);
            }
            return new Greedy(columns, List.of());
        }
    }

    /** Checks the encoder's state, picks the buffers (recorded or not), sizes them, computes P and sets S[0] = s₀. */
    private GruRunBuffers begin(Encoded source, int maxSteps) {
        Tensor s0 = source.finalState();
        int nH = decoder.hiddenSize();
        if (source.hidden() != nH)
            throw new IllegalArgumentException("FusedGruDecoder: encoder final state " + s0.shape()
                    + " does not fit the decoder GRU's Wh " + decoder.cell().wh().shape() + "; expected (B×" + nH + ")");
        boolean record = !NoGrad.active() && parents(s0).stream().anyMatch(Tensor::requiresGrad);
        GruRunBuffers w = record ? recorded : unrecorded;
        w.ensureGru(decoder.vocabSize(), source.batch(), maxSteps, nH);
        TokenProjection.forward(decoder.embedding(), decoder.cell(), w.pe);                      // P (V×3H)
        System.arraycopy(s0.value().data, 0, w.s, 0, source.batch() * nH);
        return w;
    }

    /** S[t+1] from S[t] and the ids fed at step t (in w.ids[t·B, +B)). */
    private void step(GruRunBuffers w, int t, int batch) {
        int nH = decoder.hiddenSize(), h3 = 3 * nH, row0 = t * batch, sAt = row0 * nH, gAt = row0 * h3;
        double[] wh = decoder.cell().wh().value().data, bh = decoder.cell().bh().value().data;
        Gemm.gemm(Operands.A_B, batch, h3, nH, 1, w.s, sAt, wh, 0, w.gh, 0, Output.OVERWRITE);     // (B×H)·(H×3H) → (B×3H)
        for (int b = 0; b < batch; b++)
            GruGates.forwardRow(nH, w.pe, w.ids[row0 + b] * h3, w.gh, b * h3, bh, w.s, sAt + b * nH,
                    w.gates, gAt + b * h3, w.hn, sAt + b * nH, w.s, sAt + (batch + b) * nH);
    }

    /** logits[at, +rows·V) = S rows from s[sAt]·Wo + bo: (rows×H)·(H×V) + (1×V). */
    private void output(double[] s, int sAt, int rows, double[] logits, int at) {
        int nH = decoder.hiddenSize(), vocab = decoder.vocabSize();
        Gemm.gemm(Operands.A_B, rows, vocab, nH, 1, s, sAt, decoder.output().weight().value().data, 0, logits, at, Output.OVERWRITE);
        Tensor bo = decoder.output().bias();
        if (bo != null) {
            double[] b = bo.value().data;
            for (int i = 0; i < rows; i++) for (int j = 0; j < vocab; j++) logits[at + i * vocab + j] += b[j];
        }
    }

    private void backward(DMatrixRMaj gOut, GruRunBuffers w, long run, Tensor s0, int batch, int steps) {
        if (w.run != run)
            throw new IllegalStateException("FusedGruDecoder: a later forward of this decoder reused the buffers of "
                    + "this one; call backward() on a loss before computing the next one (or use Seq2Seq.lossStepByStep)");
        int nH = decoder.hiddenSize(), h3 = 3 * nH, vocab = decoder.vocabSize(), rows = steps * batch;
        Tensor wo = decoder.output().weight(), bo = decoder.output().bias(), wh = decoder.cell().wh(), bh = decoder.cell().bh();
        double[] g = gOut.data;
        if (wo.requiresGrad())                                           // ∂Wo += S[1:]ᵀ·G: (H×T'B)·(T'B×V)
            Gemm.gemm(Operands.AT_B, nH, vocab, rows, 1, w.s, batch * nH, g, 0, wo.gradBuffer().data, 0, Output.ADD);
        if (bo != null && bo.requiresGrad()) FusedArrays.addColumnSums(g, rows, vocab, bo.gradBuffer().data);
        double[] dS = new double[rows * nH];                              // ∂S[1:] = G·Woᵀ: (T'B×V)·(V×H)
        Gemm.gemm(Operands.A_BT, rows, nH, vocab, 1, g, 0, wo.value().data, 0, dS, 0, Output.OVERWRITE);
        double[] dPre = new double[rows * h3], dGh = new double[rows * h3];
        double[] dh = new double[batch * nH], dsPrev = new double[batch * nH], gk = new double[batch * nH];
        double[] whv = wh.value().data;
        for (int t = steps - 1; t >= 0; t--) {
            int row0 = t * batch, sAt = row0 * nH, gAt = row0 * h3;
            for (int i = 0; i < batch * nH; i++) gk[i] = dh[i] + dS[sAt + i];         // ∂S[t+1]: later steps + the logits
            Arrays.fill(dsPrev, 0.0);
            for (int b = 0; b < batch; b++)
                GruGates.backwardRow(nH, gk, b * nH, w.gates, gAt + b * h3, w.hn, sAt + b * nH, w.s, sAt + b * nH,
                        dPre, gAt + b * h3, dGh, gAt + b * h3, dsPrev, b * nH);
            Gemm.gemm(Operands.A_BT, batch, nH, h3, 1, dGh, gAt, whv, 0, dsPrev, 0, Output.ADD);       // (B×3H)·(3H×H)
            double[] swap = dh; dh = dsPrev; dsPrev = swap;
        }
        if (s0.requiresGrad()) {
            double[] ds0 = s0.gradBuffer().data;
            for (int i = 0; i < batch * nH; i++) ds0[i] += dh[i];
        }
        if (wh.requiresGrad()) Gemm.gemm(Operands.AT_B, nH, h3, rows, 1, w.s, 0, dGh, 0, wh.gradBuffer().data, 0, Output.ADD);
        if (bh.requiresGrad()) FusedArrays.addColumnSums(dGh, rows, h3, bh.gradBuffer().data);
        double[] dPe = new double[vocab * h3];                            // ∂P[yₜ₋₁] += Gx
        for (int r = 0; r < rows; r++) {
            int id = w.ids[r];
            for (int j = 0; j < h3; j++) dPe[id * h3 + j] += dPre[r * h3 + j];
        }
        TokenProjection.backward(decoder.embedding(), decoder.cell(), dPe);                     // ∂bx, ∂Wx, ∂Emb
    }

    /** The inputs of the fused operation: the encoder's final state, then every parameter of the decoder. */
    private List<Tensor> parents(Tensor s0) {
        List<Tensor> list = new ArrayList<>();
        list.add(s0);
        list.addAll(decoder.parameters());
        return list;
    }
}
