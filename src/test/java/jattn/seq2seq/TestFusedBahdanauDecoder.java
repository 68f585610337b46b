package jattn.seq2seq;

import jattn.attention.AdditiveScore;
import jattn.attention.BatchedAdditiveAttention;
import jattn.autograd.GradCheck;
import jattn.autograd.Tensor;
import jattn.nn.Embedding;
import jattn.nn.Linear;
import jattn.rnn.GruCell;
import jattn.text.PaddedBatch;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The fused Bahdanau decoder ({@link Seq2Seq#loss(PaddedBatch, PaddedBatch)} and
 * {@link Seq2Seq#greedy}) against its step-by-step twin ({@link Seq2Seq#lossStepByStep},
 * {@link Seq2Seq#greedyStepByStep}): loss, every parameter's gradient and the encoder's, the
 * greedy ids and attention weights; and finite differences on the fused loss.
 */
class TestFusedBahdanauDecoder {

    /** Two float64 computations of the same function in a different order, relative to the largest entry. */
    static final double RELATIVE = 1e-10;

    static final int SRC_V = 9, TGT_V = 6, PAD = 0, BOS = 1;

    /** A model with every parameter random, key and output biases included (non-zero). */
    private static Seq2Seq model(int e, int h, int attentionWidth, int decoderPadding, Random rng) {
        Encoder encoder = new Encoder(SRC_V, e, h, rng);
        Embedding emb = new Embedding(TGT_V, e, decoderPadding, rng);
        AdditiveScore score = new AdditiveScore(h, h, attentionWidth, rng);
        BahdanauDecoder decoder = new BahdanauDecoder(emb, new BatchedAdditiveAttention(score),
                new GruCell(e + h, h, rng), new Linear(2 * h, TGT_V, rng));
        Seq2Seq m = new Seq2Seq(encoder, decoder, BOS, -1);
        for (Tensor p : m.parameters()) {                                 // the zero-initialised biases too
            double[] d = p.value().data;
            for (int i = 0; i < d.length; i++) if (d[i] == 0 && !(p == emb.weight() && decoderPadding >= 0)) d[i] = 0.3 * rng.nextGaussian();
        }
        if (decoderPadding >= 0) for (int j = 0; j < e; j++) emb.weight().value().set(decoderPadding, j, 0.0);
        return m;
    }

    static PaddedBatch sources(Random rng, int... lengths) {
        List<int[]> rows = new ArrayList<>();
        for (int n : lengths) {
            int[] s = new int[n];
            for (int i = 0; i < n; i++) s[i] = 1 + rng.nextInt(SRC_V - 1);
            rows.add(s);
        }
        return PaddedBatch.of(rows, PAD, SRC_V);
    }

    static PaddedBatch targets(Random rng, int... lengths) {
        List<int[]> rows = new ArrayList<>();
        for (int n : lengths) {
            int[] s = new int[n];
            for (int i = 0; i < n; i++) s[i] = 2 + rng.nextInt(TGT_V - 2);   // no PAD, no BOS inside a target
            rows.add(s);
        }
        return PaddedBatch.of(rows, PAD, TGT_V);
    }

    private static void agreesWithStepByStep(Seq2Seq m, PaddedBatch src, PaddedBatch tgt) {
        agreesWithStepByStep(m, src, tgt, "fusedBahdanauDecoder");
    }

    /** Loss and the gradient of every parameter, fused (the operation named {@code fusedOp}) and step by step, agree to {@link #RELATIVE}. */
    static void agreesWithStepByStep(Seq2Seq m, PaddedBatch src, PaddedBatch tgt, String fusedOp) {
        List<Tensor> params = m.parameters();
        m.zeroGrad();
        Tensor slow = m.lossStepByStep(src, tgt);
        slow.backward();
        List<DMatrixRMaj> expected = new ArrayList<>();
        for (Tensor p : params) expected.add(p.grad() == null ? new DMatrixRMaj(p.rows(), p.cols()) : p.grad().copy());
        m.zeroGrad();
        Tensor fast = m.loss(src, tgt);
        assertEquals(fusedOp, fast.parents().get(0).opName(), "the fast path is the fused operation");
        assertEquals(slow.item(), fast.item(), RELATIVE * Math.abs(slow.item()), "loss");
        fast.backward();
        for (int i = 0; i < params.size(); i++) {
            DMatrixRMaj got = params.get(i).grad() == null ? new DMatrixRMaj(params.get(i).rows(), params.get(i).cols())
                    : params.get(i).grad();
            assertRelativelyClose(expected.get(i), got, "gradient of parameter " + i + " " + params.get(i).shape());
        }
    }

    static void assertRelativelyClose(DMatrixRMaj expected, DMatrixRMaj actual, String what) {
        assertEquals(expected.numRows, actual.numRows, what);
        assertEquals(expected.numCols, actual.numCols, what);
        double scale = 0, worst = 0;
        for (int i = 0; i < expected.getNumElements(); i++) scale = Math.max(scale, Math.abs(expected.data[i]));
        for (int i = 0; i < expected.getNumElements(); i++) worst = Math.max(worst, Math.abs(expected.data[i] - actual.data[i]));
        assertTrue(scale > 0 || worst == 0, what + ": all zero");
        assertTrue(worst <= RELATIVE * scale, what + ": largest difference " + worst + " against largest entry " + scale);
    }

    @Test
    void lossAndEveryGradientEqualTheStepByStepPathWithPaddedSourcesAndTargets() {
        Random rng = new Random(21);
        Seq2Seq m = model(3, 4, 5, Embedding.NO_PADDING, rng);
        agreesWithStepByStep(m, sources(rng, 2, 5, 1, 4), targets(rng, 3, 1, 4, 2));
    }

    @Test
    void aDecoderEmbeddingWithAPaddingRowGetsNoInputAndNoGradientThere() {
        Random rng = new Random(22);
        Seq2Seq m = model(3, 4, 4, PAD, rng);
        agreesWithStepByStep(m, sources(rng, 3, 1, 5), targets(rng, 1, 4, 2));   // teacher forcing feeds PAD after short targets
        assertEquals(0.0, ((BahdanauDecoder) m.decoder()).embedding().weight().grad().get(PAD, 0));
    }

    @Test
    void theDatesSizesAgreeToo() {
        Random rng = new Random(23);
        Seq2Seq m = model(32, 64, 64, Embedding.NO_PADDING, rng);
        int[] srcLens = new int[16], tgtLens = new int[16];
        for (int b = 0; b < 16; b++) { srcLens[b] = 8 + rng.nextInt(22); tgtLens[b] = 10; }
        agreesWithStepByStep(m, sources(rng, srcLens), targets(rng, tgtLens));
    }

    @Test
    void finiteDifferencesOfTheFusedLoss() {
        Random rng = new Random(24);
        Seq2Seq m = model(2, 3, 3, PAD, rng);
        PaddedBatch src = sources(rng, 3, 1, 2), tgt = targets(rng, 2, 3, 1);
        GradCheck.Result r = GradCheck.check(x -> m.loss(src, tgt), m.parameters().toArray(new Tensor[0]));
        assertTrue(r.maxRelativeError() <= 1e-6, r.toString());
    }

    @Test
    void greedyDecodingEqualsTheStepByStepPathIdsAndWeights() {
        Random rng = new Random(25);
        Seq2Seq m = model(3, 4, 5, Embedding.NO_PADDING, rng);
        PaddedBatch src = sources(rng, 2, 5, 1, 4, 3);
        Decoded fast = m.greedy(src, 6), slow = m.greedyStepByStep(src, 6);
        assertEquals(slow.steps(), fast.steps());
        for (int b = 0; b < src.batchSize(); b++) assertArrayEquals(slow.ids(b), fast.ids(b), "row " + b);
        for (int t = 0; t < slow.steps(); t++)
            assertRelativelyClose(slow.weights(t), fast.weights(t), "attention weights of step " + t);
    }

    @Test
    void greedyDecodingStopsWhenEveryRowHasWrittenTheEndToken() {
        Random rng = new Random(26);
        Seq2Seq base = model(3, 4, 5, Embedding.NO_PADDING, rng);
        Seq2Seq m = new Seq2Seq(base.encoder(), base.decoder(), BOS, 3);
        PaddedBatch src = sources(rng, 2, 5, 1, 4, 3);
        Decoded fast = m.greedy(src, 40), slow = m.greedyStepByStep(src, 40);
        assertEquals(slow.steps(), fast.steps());
        for (int b = 0; b < src.batchSize(); b++) assertArrayEquals(slow.ids(b), fast.ids(b), "row " + b);
    }

    @Test
    void aSecondRecordedForwardBeforeTheFirstBackwardIsRefusedWithAClearMessage() {
        Random rng = new Random(27);
        refusesASecondRecordedForwardBeforeTheFirstBackward(model(3, 4, 5, Embedding.NO_PADDING, rng), rng);
    }

    @Test
    void anEvaluationBetweenForwardAndBackwardLeavesTheRecordedRunIntact() {
        Random rng = new Random(28);
        keepsTheRecordedRunThroughAnEvaluation(model(3, 4, 5, Embedding.NO_PADDING, rng), rng);
    }

    /** A fused decoder's recorded buffers: a second recorded forward makes the first one's backward throw, naming the reuse. */
    static void refusesASecondRecordedForwardBeforeTheFirstBackward(Seq2Seq m, Random rng) {
        PaddedBatch src = sources(rng, 2, 3), tgt = targets(rng, 2, 2);
        Tensor first = m.loss(src, tgt);
        m.loss(src, tgt);
        IllegalStateException e = assertThrows(IllegalStateException.class, first::backward);
        assertTrue(e.getMessage().contains("reused the buffers"), e.getMessage());
    }

    /** Greedy decoding (unrecorded: its own buffers) between a fused loss and its backward changes no gradient. */
    static void keepsTheRecordedRunThroughAnEvaluation(Seq2Seq m, Random rng) {
        PaddedBatch src = sources(rng, 2, 3), tgt = targets(rng, 2, 2);
        m.zeroGrad();
        m.lossStepByStep(src, tgt).backward();
        DMatrixRMaj expected = m.parameters().get(0).grad().copy();
        m.zeroGrad();
        Tensor loss = m.loss(src, tgt);
        m.greedy(sources(rng, 4, 1, 2), 3);
        loss.backward();
        assertRelativelyClose(expected, m.parameters().get(0).grad(), "encoder embedding gradient");
    }
}
