package jattn.transformer;

import jattn.attention.AttentionResult;
import jattn.autograd.Tensor;
import jattn.nn.Dropout;
import jattn.nn.Embedding;
import jattn.position.LearnedPositionalEncoding;
import jattn.position.SinusoidalPositionalEncoding;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestTransformerEncoder {

    @Test
    void embedsScalesAddsPositionsThenRunsTheBlocks() {
        Random rng = new Random(211);
        TransformerEncoder enc = new TransformerEncoder(TransformerSettings.paper().withVocabSize(7).withDModel(6).withHeads(2).withFeedForward(12).withLayers(2).withMaxLen(10).withDropout(0.3), rng).eval();
        int[] ids = {3, 0, 6, 6, 1};
        Tensor h = enc.embedding().forward(ids).scale(Math.sqrt(6)).add(new SinusoidalPositionalEncoding(10, 6).table().sliceRows(0, 5));
        for (TransformerEncoderBlock b : enc.blocks()) h = b.forward(h, 4).output();
        AttentionResult r = enc.forward(ids, 4);
        assertClose(h, r.output(), CLOSE);
        assertEquals(2, r.layerCount());
        for (List<Tensor> layer : r.layers()) {
            assertEquals(2, layer.size());
            for (Tensor w : layer) assertEquals("(5×5)", w.shape());
        }
        assertInstanceOf(SinusoidalPositionalEncoding.class, enc.positions().orElseThrow());
    }

    @Test
    void scaledEmbeddingsHaveUnitVarianceLikeThePositionalTable() {
        TransformerEncoder enc = new TransformerEncoder(TransformerSettings.paper().withVocabSize(400).withDModel(16).withHeads(2).withFeedForward(8).withLayers(1).withMaxLen(4).withDropout(0), new Random(212));
        double sumSq = 0;
        for (double v : enc.embedding().weight().value().data) sumSq += v * v * 16;   // (E·√dModel)²
        assertEquals(1.0, sumSq / (400 * 16), 0.05);   // 6400 N(0, 1) draws: standard error of the mean square ≈ 0.018
    }

    @Test
    void paddingGetsNoAttentionInAnyLayerOrHeadAndDoesNotChangeTheValidRows() {
        Random rng = new Random(213);
        TransformerEncoder enc = new TransformerEncoder(TransformerSettings.paper().withVocabSize(9).withDModel(8).withHeads(4).withFeedForward(16).withLayers(3).withMaxLen(12).withDropout(0.1), rng).eval();
        AttentionResult r = enc.forward(new int[]{1, 2, 3, 4, 0, 0}, 4);
        for (List<Tensor> layer : r.layers())
            for (Tensor w : layer)
                for (int i = 0; i < 6; i++)
                    for (int j = 4; j < 6; j++) assertEquals(0.0, w.get(i, j));
        Tensor otherPadding = enc.forward(new int[]{1, 2, 3, 4, 7, 8}, 4).output();
        assertClose(r.output().sliceRows(0, 4), otherPadding.sliceRows(0, 4), CLOSE);
        assertClose(enc.forward(new int[]{1, 2, 3, 4}).output(), r.output().sliceRows(0, 4), CLOSE);
    }

    @Test
    void positionalEncodingBreaksThePermutationEquivariance() {
        Random rng = new Random(214);
        int[] ids = {5, 1, 4, 2, 3}, perm = {2, 4, 0, 1, 3}, permuted = new int[5];
        for (int i = 0; i < 5; i++) permuted[i] = ids[perm[i]];
        TransformerEncoder none = new TransformerEncoder(TransformerSettings.paper().withVocabSize(6).withDModel(8).withHeads(2).withFeedForward(16).withLayers(2).withPositions(TransformerSettings.Positions.NONE).withDropout(0.1), rng).eval();
        assertClose(none.forward(ids).output().gatherRows(perm), none.forward(permuted).output(), CLOSE);
        TransformerEncoder sinusoidal = new TransformerEncoder(TransformerSettings.paper().withVocabSize(6).withDModel(8).withHeads(2).withFeedForward(16).withLayers(2).withMaxLen(5).withDropout(0.1), rng).eval();
        double diff = TestTransformerEncoderBlock.maxDifference(sinusoidal.forward(ids).output().gatherRows(perm),
                sinusoidal.forward(permuted).output());
        assertTrue(diff > 0.1, "with positions, permuting the tokens changes what each token's row holds: " + diff);
    }

    @Test
    void aBatchEqualsEachSequenceAlone() {
        Random rng = new Random(215);
        TransformerEncoder enc = new TransformerEncoder(TransformerSettings.paper().withVocabSize(9).withDModel(8).withHeads(2).withFeedForward(16).withLayers(2).withMaxLen(12).withDropout(0.1), rng).eval();
        int[][] ids = {{1, 2, 3, 0}, {4, 4, 4, 4}, {8, 7, 0, 0}};
        int[] validLens = {3, 4, 2};
        AttentionResult batch = enc.forward(ids, validLens);
        Tensor y = batch.output();
        assertEquals("(12×8)", y.shape());
        assertEquals(2, batch.layerCount());
        assertEquals(2, batch.headCount());
        for (int b = 0; b < 3; b++) {
            AttentionResult alone = enc.forward(ids[b], validLens[b]);
            assertClose(alone.output(), y.sliceRows(4 * b, 4 * b + 4), CLOSE);
            for (int l = 0; l < 2; l++)                                  // each head's (T×T) weights, stacked (B·T×T)
                for (int h = 0; h < 2; h++)
                    assertClose(alone.layer(l).get(h), batch.layer(l).get(h).sliceRows(4 * b, 4 * b + 4), CLOSE);
        }
        assertClose(enc.forward(new int[][]{ids[1]}).output(), enc.forward(ids[1]).output(), CLOSE);
    }

    @Test
    void evalModeIsDeterministicAndTrainingModeDrops() {
        Random rng = new Random(216);
        TransformerEncoder enc = new TransformerEncoder(TransformerSettings.paper().withVocabSize(9).withDModel(8).withHeads(2).withFeedForward(16).withLayers(2).withMaxLen(12).withDropout(0.3), rng);
        int[] ids = {1, 2, 3, 4, 5};
        assertTrue(enc.isTraining());
        assertTrue(TestTransformerEncoderBlock.maxDifference(enc.forward(ids).output(), enc.forward(ids).output()) > 1e-3);
        enc.eval();
        assertFalse(enc.isTraining());
        for (TransformerEncoderBlock b : enc.blocks()) assertFalse(b.isTraining());
        assertClose(enc.forward(ids).output(), enc.forward(ids).output(), 0.0);
        assertTrue(enc.train().blocks().get(1).isTraining());
    }

    @Test
    void gradientOfEveryParameterIsChecked() {
        Random rng = new Random(217);
        TransformerEncoder enc = new TransformerEncoder(TransformerSettings.paper().withVocabSize(5).withDModel(4).withHeads(2)
                .withFeedForward(6).withLayers(2).withMaxLen(5).withPositions(TransformerSettings.Positions.LEARNED)
                .withDropout(0.2), rng).eval();
        LearnedPositionalEncoding learned = (LearnedPositionalEncoding) enc.positions().orElseThrow();
        for (Tensor t : enc.parameters()) if (t.rows() == 1) t.value().setTo(random(1, t.cols(), rng).value());
        List<Tensor> params = new java.util.ArrayList<>(enc.parameters());
        for (TransformerEncoderBlock b : enc.blocks()) params.remove(b.attention().keyProjection().bias()); // ∂L/∂bk = 0
        assertTrue(params.contains(learned.table()));
        int[] ids = {4, 0, 2, 2};
        assertGrad(p -> enc.forward(ids, 3).output(), params.toArray(new Tensor[0]));
        assertGrad(p -> enc.forward(new int[][]{{1, 3}, {0, 0}}, new int[]{2, 1}).output(), params.toArray(new Tensor[0]));
    }

    @Test
    void badInputsAreRejectedClearly() {
        Random rng = new Random(218);
        TransformerEncoder enc = new TransformerEncoder(TransformerSettings.paper().withVocabSize(5).withDModel(4).withHeads(2).withFeedForward(6).withLayers(1).withMaxLen(3).withDropout(0.1), rng);
        assertRejects(() -> enc.forward(new int[]{1, 5}), "id 5", "(5×4)");
        assertRejects(() -> enc.forward(new int[]{1, 2, 3, 4}), "(4×4)", "(3×4)");
        assertRejects(() -> enc.forward(new int[][]{{1, 2}, {3}}), "length 1", "has 2");
        assertRejects(() -> new TransformerEncoder(TransformerSettings.paper().withVocabSize(5).withDModel(4).withHeads(2).withFeedForward(6).withLayers(0).withMaxLen(3).withDropout(0.1), rng), "nLayers");
        assertRejects(() -> new TransformerEncoder(new Embedding(5, 4, rng), new SinusoidalPositionalEncoding(3, 6),
                List.of(new TransformerEncoderBlock(TransformerSettings.paper().withDModel(4).withHeads(2), rng)),
                new Dropout(0, rng)), "(5×4)", "(3×6)");
        assertRejects(() -> new TransformerEncoder(new Embedding(5, 4, rng),
                List.of(new TransformerEncoderBlock(TransformerSettings.paper().withDModel(6).withHeads(2).withFeedForward(4).withDropout(0), rng)), new Dropout(0, rng)), "(5×4)", "(6×6)");
        assertEquals(5, enc.vocabSize());
        assertEquals(4, enc.dModel());
        assertEquals(1, enc.nLayers());
    }
}
