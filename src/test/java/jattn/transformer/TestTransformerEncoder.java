package jattn.transformer;

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
        TransformerEncoder enc = new TransformerEncoder(7, 6, 2, 12, 2, 10, 0.3, rng).eval();
        int[] ids = {3, 0, 6, 6, 1};
        Tensor h = enc.embedding().forward(ids).scale(Math.sqrt(6)).add(new SinusoidalPositionalEncoding(10, 6).table().sliceRows(0, 5));
        for (TransformerEncoderBlock b : enc.blocks()) h = b.forward(h, 4).output();
        TransformerEncoder.Result r = enc.forward(ids, 4);
        assertClose(h, r.output(), CLOSE);
        assertEquals(2, r.weights().size());
        for (List<Tensor> layer : r.weights()) {
            assertEquals(2, layer.size());
            for (Tensor w : layer) assertEquals("(5×5)", w.shape());
        }
        assertInstanceOf(SinusoidalPositionalEncoding.class, enc.positions());
    }

    @Test
    void scaledEmbeddingsHaveUnitVarianceLikeThePositionalTable() {
        TransformerEncoder enc = new TransformerEncoder(400, 16, 2, 8, 1, 4, 0, new Random(212));
        double sumSq = 0;
        for (double v : enc.embedding().weight().value().data) sumSq += v * v * 16;   // (E·√dModel)²
        assertEquals(1.0, sumSq / (400 * 16), 0.05);   // 6400 N(0, 1) draws: standard error of the mean square ≈ 0.018
    }

    @Test
    void paddingGetsNoAttentionInAnyLayerOrHeadAndDoesNotChangeTheValidRows() {
        Random rng = new Random(213);
        TransformerEncoder enc = new TransformerEncoder(9, 8, 4, 16, 3, 12, 0.1, rng).eval();
        TransformerEncoder.Result r = enc.forward(new int[]{1, 2, 3, 4, 0, 0}, 4);
        for (List<Tensor> layer : r.weights())
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
        TransformerEncoder none = new TransformerEncoder(6, 8, 2, 16, 2, null, 0.1, rng).eval();
        assertClose(none.forward(ids).output().gatherRows(perm), none.forward(permuted).output(), CLOSE);
        TransformerEncoder sinusoidal = new TransformerEncoder(6, 8, 2, 16, 2, 5, 0.1, rng).eval();
        double diff = TestTransformerEncoderBlock.maxDifference(sinusoidal.forward(ids).output().gatherRows(perm),
                sinusoidal.forward(permuted).output());
        assertTrue(diff > 0.1, "with positions, permuting the tokens changes what each token's row holds: " + diff);
    }

    @Test
    void aBatchEqualsEachSequenceAlone() {
        Random rng = new Random(215);
        TransformerEncoder enc = new TransformerEncoder(9, 8, 2, 16, 2, 12, 0.1, rng).eval();
        int[][] ids = {{1, 2, 3, 0}, {4, 4, 4, 4}, {8, 7, 0, 0}};
        int[] validLens = {3, 4, 2};
        Tensor y = enc.forward(ids, validLens);
        assertEquals("(12×8)", y.shape());
        for (int b = 0; b < 3; b++)
            assertClose(enc.forward(ids[b], validLens[b]).output(), y.sliceRows(4 * b, 4 * b + 4), CLOSE);
    }

    @Test
    void evalModeIsDeterministicAndTrainingModeDrops() {
        Random rng = new Random(216);
        TransformerEncoder enc = new TransformerEncoder(9, 8, 2, 16, 2, 12, 0.3, rng);
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
        LearnedPositionalEncoding learned = new LearnedPositionalEncoding(5, 4, rng);
        TransformerEncoder enc = new TransformerEncoder(5, 4, 2, 6, 2, learned, 0.2, rng).eval();
        for (Tensor t : enc.parameters()) if (t.rows() == 1) t.value().setTo(random(1, t.cols(), rng).value());
        List<Tensor> params = new java.util.ArrayList<>(enc.parameters());
        for (TransformerEncoderBlock b : enc.blocks()) params.remove(b.attention().keyProjection().bias()); // ∂L/∂bk = 0
        assertTrue(params.contains(learned.table()));
        int[] ids = {4, 0, 2, 2};
        assertGrad(p -> enc.forward(ids, 3).output(), params.toArray(new Tensor[0]));
        assertGrad(p -> enc.forward(new int[][]{{1, 3}, {0, 0}}, new int[]{2, 1}), params.toArray(new Tensor[0]));
    }

    @Test
    void badInputsAreRejectedClearly() {
        Random rng = new Random(218);
        TransformerEncoder enc = new TransformerEncoder(5, 4, 2, 6, 1, 3, 0.1, rng);
        assertRejects(() -> enc.forward(new int[]{1, 5}), "id 5", "(5×4)");
        assertRejects(() -> enc.forward(new int[]{1, 2, 3, 4}), "(4×4)", "(3×4)");
        assertRejects(() -> enc.forward(new int[][]{{1, 2}, {3}}, null), "length 1", "has 2");
        assertRejects(() -> new TransformerEncoder(5, 4, 2, 6, 0, 3, 0.1, rng), "nLayers");
        assertRejects(() -> new TransformerEncoder(5, 4, 2, 6, 1, new SinusoidalPositionalEncoding(3, 6), 0.1, rng),
                "(5×4)", "(3×6)");
        assertRejects(() -> new TransformerEncoder(new Embedding(5, 4, rng), null,
                List.of(new TransformerEncoderBlock(6, 2, 4, 0, rng)), new Dropout(0, rng)), "(5×4)", "(6×6)");
        assertEquals(5, enc.vocabSize());
        assertEquals(4, enc.dModel());
        assertEquals(1, enc.nLayers());
    }
}
