package jattn.seq2seq;

import jattn.autograd.GradCheck;
import jattn.autograd.Tensor;
import jattn.nn.Embedding;
import jattn.nn.Linear;
import jattn.rnn.GruCell;
import jattn.text.PaddedBatch;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.seq2seq.TestFusedBahdanauDecoder.BOS;
import static jattn.seq2seq.TestFusedBahdanauDecoder.PAD;
import static jattn.seq2seq.TestFusedBahdanauDecoder.SRC_V;
import static jattn.seq2seq.TestFusedBahdanauDecoder.TGT_V;
import static jattn.seq2seq.TestFusedBahdanauDecoder.sources;
import static jattn.seq2seq.TestFusedBahdanauDecoder.targets;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The fused decoder without attention ({@link FusedGruDecoder}, behind {@link Seq2Seq#loss} and
 * {@link Seq2Seq#greedy}) against its step-by-step twin ({@link Seq2Seq#lossStepByStep},
 * {@link Seq2Seq#greedyStepByStep}): loss, every parameter's gradient and the encoder's, the
 * greedy ids; and finite differences on the fused loss.
 */
class TestFusedGruDecoder {

    /** A model with every parameter random, the output bias included (non-zero). */
    private static Seq2Seq model(int e, int h, int decoderPadding, Random rng) {
        Encoder encoder = new Encoder(SRC_V, e, h, rng);
        Embedding emb = new Embedding(TGT_V, e, decoderPadding, rng);
        GruDecoder decoder = new GruDecoder(emb, new GruCell(e, h, rng), new Linear(h, TGT_V, rng));
        Seq2Seq m = new Seq2Seq(encoder, decoder, BOS, -1);
        for (Tensor p : m.parameters()) {                                 // the zero-initialised biases too
            double[] d = p.value().data;
            for (int i = 0; i < d.length; i++) if (d[i] == 0 && !(p == emb.weight() && decoderPadding >= 0)) d[i] = 0.3 * rng.nextGaussian();
        }
        if (decoderPadding >= 0) for (int j = 0; j < e; j++) emb.weight().value().set(decoderPadding, j, 0.0);
        return m;
    }

    private static void agreesWithStepByStep(Seq2Seq m, PaddedBatch src, PaddedBatch tgt) {
        TestFusedBahdanauDecoder.agreesWithStepByStep(m, src, tgt, "fusedGruDecoder");
    }

    @Test
    void lossAndEveryGradientEqualTheStepByStepPathWithPaddedSourcesAndTargets() {
        Random rng = new Random(31);
        agreesWithStepByStep(model(3, 4, Embedding.NO_PADDING, rng), sources(rng, 2, 5, 1, 4), targets(rng, 3, 1, 4, 2));
    }

    @Test
    void aDecoderEmbeddingWithAPaddingRowGetsNoInputAndNoGradientThere() {
        Random rng = new Random(32);
        Seq2Seq m = model(3, 4, PAD, rng);
        agreesWithStepByStep(m, sources(rng, 3, 1, 5), targets(rng, 1, 4, 2));   // teacher forcing feeds PAD after short targets
        assertEquals(0.0, ((GruDecoder) m.decoder()).embedding().weight().grad().get(PAD, 0));
    }

    @Test
    void theDatesSizesAgreeToo() {
        Random rng = new Random(33);
        Seq2Seq m = model(32, 64, Embedding.NO_PADDING, rng);
        int[] srcLens = new int[16], tgtLens = new int[16];
        for (int b = 0; b < 16; b++) { srcLens[b] = 8 + rng.nextInt(22); tgtLens[b] = 10; }
        agreesWithStepByStep(m, sources(rng, srcLens), targets(rng, tgtLens));
    }

    @Test
    void finiteDifferencesOfTheFusedLoss() {
        Random rng = new Random(34);
        Seq2Seq m = model(2, 3, PAD, rng);
        PaddedBatch src = sources(rng, 3, 1, 2), tgt = targets(rng, 2, 3, 1);
        GradCheck.Result r = GradCheck.check(x -> m.loss(src, tgt), m.parameters().toArray(new Tensor[0]));
        assertTrue(r.maxRelativeError() <= 1e-6, r.toString());
    }

    @Test
    void greedyDecodingEqualsTheStepByStepPathAndStopsAtTheEndToken() {
        Random rng = new Random(35);
        Seq2Seq base = model(3, 4, Embedding.NO_PADDING, rng);
        PaddedBatch src = sources(rng, 2, 5, 1, 4, 3);
        for (int eos : new int[]{-1, 3}) {
            Seq2Seq m = new Seq2Seq(base.encoder(), base.decoder(), BOS, eos);
            Decoded fast = m.greedy(src, 40), slow = m.greedyStepByStep(src, 40);
            assertEquals(slow.steps(), fast.steps(), "eos " + eos);
            if (eos < 0) assertEquals(40, fast.steps());
            for (int b = 0; b < src.batchSize(); b++) assertArrayEquals(slow.ids(b), fast.ids(b), "row " + b + ", eos " + eos);
        }
    }

    @Test
    void aSecondRecordedForwardBeforeTheFirstBackwardIsRefusedWithAClearMessage() {
        Random rng = new Random(36);
        TestFusedBahdanauDecoder.refusesASecondRecordedForwardBeforeTheFirstBackward(model(3, 4, Embedding.NO_PADDING, rng), rng);
    }

    @Test
    void anEvaluationBetweenForwardAndBackwardLeavesTheRecordedRunIntact() {
        Random rng = new Random(37);
        TestFusedBahdanauDecoder.keepsTheRecordedRunThroughAnEvaluation(model(3, 4, Embedding.NO_PADDING, rng), rng);
    }
}
