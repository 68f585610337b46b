package jattn.transformer;

import jattn.attention.AttentionResult;
import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;

/** The fused encoder paths (forwardStacked) against the sequence-by-sequence ones (forwardBatch, forward(int[][], int[])). */
class TestTransformerEncoderStacked {

    @Test
    void theBlocksFusedPathEqualsItsBatchPath() {
        Random rng = new Random(1201);
        TransformerEncoderBlock block = TestTransformerEncoderBlock.randomBlock(6, 3, 8, 0, rng).eval();
        Tensor x = random(12, 6, rng);
        int[] lens = {4, 2, 3};
        AttentionResult slow = block.forwardBatch(x, lens), fast = block.forwardStacked(x, lens);
        assertClose(slow.output(), fast.output(), CLOSE);
        for (int h = 0; h < 3; h++) assertClose(slow.head(h), fast.head(h), CLOSE);
    }

    @Test
    void gradientOfTheFusedPathIsChecked() {
        Random rng = new Random(1202);
        TransformerEncoderBlock block = TestTransformerEncoderBlock.randomBlock(4, 2, 6, 0, rng).eval();
        assertGrad(x -> block.forwardStacked(x[0], new int[]{3, 1}).output(),
                inputsThenParameters(TestTransformerEncoderBlock.checkedParameters(block), random(6, 4, rng)));
    }

    @Test
    void theEncodersFusedPathEqualsItsBatchPath() {
        TransformerEncoder encoder = new TransformerEncoder(TransformerSettings.paper().withVocabSize(7).withDModel(8).withHeads(2)
                .withFeedForward(12).withLayers(2).withMaxLen(5).withDropout(0), new Random(1203)).eval();
        int[][] ids = {{1, 2, 3, 4, 0}, {5, 6, 0, 0, 0}};
        int[] lens = {4, 2};
        AttentionResult slow = encoder.forward(ids, lens), fast = encoder.forwardStacked(ids, lens);
        assertClose(slow.output(), fast.output(), CLOSE);
        for (int l = 0; l < 2; l++) for (int h = 0; h < 2; h++) assertClose(slow.layer(l).get(h), fast.layer(l).get(h), CLOSE);
        assertRejects(() -> encoder.forwardStacked(new int[][]{{1, 2}, {3}}, new int[]{2, 1}), "sequence 1 has length 1");
    }

    @Test
    void theTaggersFusedPathGivesTheSameLogitsAndSharesItsWeights() {
        Random rng = new Random(1204);
        TransformerTagger tagger = new TransformerTagger(new TransformerEncoder(TransformerSettings.paper().withVocabSize(6).withDModel(8)
                .withHeads(2).withFeedForward(12).withLayers(2).withMaxLen(4).withDropout(0), rng), 6, rng).eval();
        TransformerTagger fused = tagger.with(TransformerTagger.BatchAttention.FUSED);
        int[][] ids = {{1, 2, 3, 4}, {5, 0, 1, 2}};
        assertClose(tagger.logits(ids), fused.logits(ids), CLOSE);
        assertClose(tagger.logits(ids, new int[]{3, 4}), fused.logits(ids, new int[]{3, 4}), CLOSE);
        org.junit.jupiter.api.Assertions.assertSame(tagger.encoder(), fused.encoder());
        org.junit.jupiter.api.Assertions.assertEquals(TransformerTagger.BatchAttention.PER_SEQUENCE, tagger.batchAttention());
    }
}
