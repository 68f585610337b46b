package jattn.seq2seq;

import jattn.autograd.GradCheck;
import jattn.autograd.Tensor;
import jattn.testing.Fixtures;
import jattn.text.PaddedBatch;
import jattn.text.Vocabulary;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestSeq2Seq {

    /** Agreement with PyTorch float64: a different order of the same sums. */
    static final double TORCH = 1e-10;

    // ------------------------------------------------------------------ golden: PyTorch

    @Test
    void attentionModelMatchesPyTorchPacked() {
        matchesPyTorch(true, "attentionPacked");
    }

    @Test
    void modelWithoutAttentionMatchesPyTorchPacked() {
        matchesPyTorch(false, "noAttentionPacked");
    }

    /** Logits, attention weights, decoder states, encoder outputs and final state, loss and every parameter's gradient. */
    private static void matchesPyTorch(boolean attention, String caseName) {
        Fixtures f = FixtureModels.fixture();
        Fixtures expected = f.node("outputs", caseName), grads = f.node("grads", caseName);
        Seq2Seq model = FixtureModels.model(f, attention);
        PaddedBatch target = FixtureModels.target(f);
        TeacherForced out = model.forward(FixtureModels.source(f), target);

        assertClose(expected.matrix("encoderOutputs"), out.encoded().states().value(), TORCH);
        assertClose(expected.matrix("encoderFinal"), out.encoded().finalState().value(), TORCH);
        List<DMatrixRMaj> logits = expected.matrices("logits"), states = expected.matrices("decoderStates");
        assertEquals(logits.size(), out.steps());
        for (int t = 0; t < logits.size(); t++) {
            assertClose(logits.get(t), out.logits().get(t).value(), TORCH);
            assertClose(states.get(t), out.states().get(t).value(), TORCH);
        }
        if (attention) {
            List<DMatrixRMaj> weights = expected.matrices("attention");
            for (int t = 0; t < weights.size(); t++) assertClose(weights.get(t), out.weights().get(t).value(), TORCH);
        } else {
            assertTrue(out.weights().isEmpty());
        }

        Tensor loss = model.loss(out, target);
        assertEquals(expected.scalar("loss"), loss.item(), TORCH);
        model.zeroGrad();
        loss.backward();
        List<Tensor> params = model.parameters();
        List<String[]> names = FixtureModels.parameterNames(attention);
        assertEquals(names.size(), params.size());
        for (int i = 0; i < params.size(); i++) {
            String[] name = names.get(i);
            assertClose(grads.matrix(name), params.get(i).grad(), TORCH);
        }
        // padding row of the source embedding: no gradient, as torch's padding_idx
        assertArrayEquals(new double[f.integer("config", "E")], Arrays.copyOf(params.get(0).grad().data, f.integer("config", "E")), 0.0);
    }

    @Test
    void aPaddedTargetMatchesPyTorchsIgnoreIndex() {
        // target lengths [4, 3, 1]: the loss is the mean over the 8 real positions, as
        // F.cross_entropy(..., ignore_index=PAD); padding changes no gradient
        Fixtures f = FixtureModels.fixture();
        Fixtures expected = f.node("outputs", "attentionPackedPaddedTarget"), grads = f.node("grads", "attentionPackedPaddedTarget");
        Seq2Seq model = FixtureModels.model(f, true);
        PaddedBatch target = FixtureModels.paddedTarget(f);
        assertArrayEquals(new int[]{4, 3, 1}, target.validLens());
        TeacherForced out = model.forward(FixtureModels.source(f), target);
        List<DMatrixRMaj> logits = expected.matrices("logits"), weights = expected.matrices("attention");
        for (int t = 0; t < logits.size(); t++) {
            assertClose(logits.get(t), out.logits().get(t).value(), TORCH);
            assertClose(weights.get(t), out.weights().get(t).value(), TORCH);
        }
        Tensor loss = model.loss(out, target);
        assertEquals(expected.scalar("loss"), loss.item(), TORCH);
        assertNotEquals(f.scalar("outputs", "attentionPacked", "loss"), loss.item(), 1e-3);
        model.zeroGrad();
        loss.backward();
        List<Tensor> params = model.parameters();
        List<String[]> names = FixtureModels.parameterNames(true);
        for (int i = 0; i < params.size(); i++) assertClose(grads.matrix(names.get(i)), params.get(i).grad(), TORCH);
    }

    @Test
    void theEncoderIsNotTheAnchorsPaddedOne() {
        // the padded cases differ from the packed ones: our encoder stops at the last VALID step
        Fixtures f = FixtureModels.fixture();
        Encoded e = FixtureModels.model(f, false).encoder().encode(FixtureModels.source(f));
        DMatrixRMaj padded = f.matrix("outputs", "noAttentionPadded", "encoderFinal");
        assertFalse(Arrays.equals(Arrays.copyOf(padded.data, padded.data.length), e.finalState().value().data));
    }

    // ------------------------------------------------------------------ gradient checks, whole model

    private static final Vocabulary SRC = Vocabulary.ofCharacters(List.of("abcd"));
    private static final Vocabulary TGT = Vocabulary.ofCharacters(List.of("xyz"), Vocabulary.BOS, Vocabulary.EOS);

    private static PaddedBatch ids(Vocabulary v, String... texts) {
        List<int[]> rows = new ArrayList<>();
        for (String s : texts) rows.add(v.encode(jattn.text.Tokenizer.characters(s)));
        return PaddedBatch.of(rows, v);
    }

    @Test
    void wholeModelGradientsAreChecked() {
        for (Attention attention : Attention.values()) {
            Random rng = new Random(attention.attends() ? 41 : 42);
            Seq2Seq model = new Seq2Seq(SRC, TGT, 3, 4, attention, rng);
            randomiseBiases(model, rng);
            PaddedBatch src = ids(SRC, "abca", "db", "c"), tgt = ids(TGT, "xyz", "zx", "y");   // target padding too
            GradCheck.Result r = GradCheck.check(p -> model.loss(src, tgt), model.parameters().toArray(new Tensor[0]));
            assertTrue(r.maxRelativeError() <= GRAD_TOL, (attention + ": ") + r);
        }
    }

    @Test
    void oneSequenceOfOneToken() {
        Random rng = new Random(43);
        Seq2Seq model = new Seq2Seq(SRC, TGT, 1, 1, Attention.BAHDANAU, rng);
        PaddedBatch src = ids(SRC, "a"), tgt = ids(TGT, "x");
        GradCheck.Result r = GradCheck.check(p -> model.loss(src, tgt), model.parameters().toArray(new Tensor[0]));
        assertTrue(r.maxRelativeError() <= GRAD_TOL, r.toString());
    }

    /** Biases start at zero; make them random so that their gradient paths are exercised. */
    static void randomiseBiases(Seq2Seq model, Random rng) {
        for (Tensor p : model.parameters())
            if (p.rows() == 1)
                for (int i = 0; i < p.value().data.length; i++) p.value().data[i] = 0.5 * rng.nextGaussian();
    }

    // ------------------------------------------------------------------ loss, padding, decoding

    @Test
    void targetPaddingIsLeftOutOfTheLoss() {
        Random rng = new Random(44);
        Seq2Seq model = new Seq2Seq(SRC, TGT, 3, 4, Attention.BAHDANAU, rng);
        PaddedBatch src = ids(SRC, "abca", "db"), tgt = ids(TGT, "xyz", "z");
        TeacherForced out = model.forward(src, tgt);
        // by hand: mean over the 3 + 1 real target positions of −log softmax
        double sum = 0;
        int[][] real = {{0, 0}, {1, 0}, {2, 0}, {0, 1}};   // (t, b)
        for (int[] tb : real) {
            DMatrixRMaj z = out.logits().get(tb[0]).value();
            int y = tgt.id(tb[1], tb[0]);
            double lse = 0;
            for (int j = 0; j < z.numCols; j++) lse += Math.exp(z.get(tb[1], j));
            sum += Math.log(lse) - z.get(tb[1], y);
        }
        assertEquals(sum / real.length, model.loss(out, tgt).item(), CLOSE);
    }

    @Test
    void aSequenceIsDecodedAsInABatchOfOne() {
        // padding of the other rows changes nothing: teacher forcing and greedy decoding per row
        Random rng = new Random(45);
        for (Attention attention : Attention.values()) {
            Seq2Seq model = new Seq2Seq(SRC, TGT, 3, 4, attention, rng);
            PaddedBatch both = ids(SRC, "abcab", "db"), alone = ids(SRC, "db");
            PaddedBatch tgtBoth = ids(TGT, "xyz", "zyx"), tgtAlone = ids(TGT, "zyx");
            TeacherForced a = model.forward(both, tgtBoth), b = model.forward(alone, tgtAlone);
            for (int t = 0; t < 3; t++)
                assertClose(b.logits().get(t).value(), a.logits().get(t).sliceRows(1, 2).value(), CLOSE);
            Decoded ga = model.greedy(both, 6), gb = model.greedy(alone, 6);
            assertArrayEquals(gb.ids(0), Arrays.copyOf(ga.ids(1), gb.steps()));
        }
    }

    @Test
    void greedyFeedsBackItsOwnArgMax() {
        // decoding with teacher forcing on the greedy output reproduces the greedy choices
        Random rng = new Random(46);
        Vocabulary noEnd = Vocabulary.ofCharacters(List.of("xyz"), Vocabulary.BOS);   // no EOS: all 4 steps run
        Seq2Seq model = new Seq2Seq(SRC, noEnd, 3, 5, Attention.BAHDANAU, rng);
        PaddedBatch src = ids(SRC, "abcd", "ca");
        Decoded d = model.greedy(src, 4);
        assertEquals(4, d.steps());
        PaddedBatch forced = PaddedBatch.of(List.of(d.ids(0), d.ids(1)), noEnd);
        TeacherForced out = model.forward(src, forced);
        for (int t = 0; t < 4; t++)
            for (int b = 0; b < 2; b++) {
                DMatrixRMaj z = out.logits().get(t).value();
                for (int j = 0; j < z.numCols; j++) assertTrue(z.get(b, j) <= z.get(b, d.ids(b)[t]));
                DMatrixRMaj w = d.weights(t);
                assertClose(out.weights().get(t).value(), w, CLOSE);
            }
        double[][] a = d.alignmentWithEnd(1);
        assertEquals(2, a[0].length);                                   // "ca": two source positions
        for (double[] row : a) assertEquals(1.0, row[0] + row[1], CLOSE);
    }

    @Test
    void greedyStopsWhenEveryRowHasEnded() {
        Random rng = new Random(47);
        Seq2Seq model = new Seq2Seq(SRC, TGT, 3, 4, Attention.NONE, rng);
        int eos = TGT.indexOf(Vocabulary.EOS);
        // force the end token: a huge bias on its logit
        Tensor bias = ((GruDecoder) model.decoder()).output().bias();
        bias.value().set(0, eos, 100);
        Decoded d = model.greedy(ids(SRC, "ab", "c"), 10);
        assertEquals(1, d.steps());
        assertEquals(0, d.tokens(0).length);
        assertEquals(List.of(), model.translate(List.of("a", "b"), 10));
        assertThrows(IllegalStateException.class, () -> d.alignmentWithEnd(0));
    }

    @Test
    void translateUsesTheVocabularies() {
        Random rng = new Random(48);
        Seq2Seq model = new Seq2Seq(SRC, TGT, 3, 4, Attention.BAHDANAU, rng);
        String out = model.translate("abc", 5);
        List<String> tokens = model.translate(List.of("a", "b", "c"), 5);
        assertEquals(String.join("", tokens), out);
        assertTrue(tokens.size() <= 5);
        for (String t : tokens) assertTrue(TGT.contains(t));
        Fixtures f = FixtureModels.fixture();
        assertThrows(IllegalStateException.class, () -> FixtureModels.model(f, true).translate("abc", 3));
    }

    @Test
    void badInputIsRejected() {
        Random rng = new Random(49);
        Seq2Seq model = new Seq2Seq(SRC, TGT, 3, 4, Attention.BAHDANAU, rng);
        assertRejects(() -> model.forward(ids(SRC, "ab", "c"), ids(TGT, "x")), "(2×2)", "(1×1)");
        assertRejects(() -> model.greedy(ids(SRC, "ab"), 0), "maxSteps");
        assertRejects(() -> new Seq2Seq(SRC, Vocabulary.ofCharacters(List.of("xy")), 3, 4, Attention.BAHDANAU, rng), "<bos>");
        assertRejects(() -> new Seq2Seq(new Encoder(SRC.size(), 3, 4, rng), new GruDecoder(TGT.size(), 3, 5, rng), 2, -1),
                "H = 4", "H = 5");
    }

    @Test
    void parametersAreTheEncodersThenTheDecoders() {
        Seq2Seq model = new Seq2Seq(SRC, TGT, 3, 4, Attention.BAHDANAU, new Random(50));
        List<Tensor> expected = new ArrayList<>(model.encoder().parameters());
        expected.addAll(model.decoder().parameters());
        assertEquals(expected, model.parameters());
        assertEquals(16, model.parameters().size());
    }
}
