package jattn.transformer;

import jattn.autograd.Tensor;
import jattn.nn.Linear;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestTransformerTagger {

    @Test
    void logitsAreTheHeadOnTheEncoderOutput() {
        Random rng = new Random(221);
        TransformerTagger tagger = new TransformerTagger(new TransformerEncoder(TransformerSettings.paper().withVocabSize(6).withDModel(8).withHeads(2).withFeedForward(16).withLayers(1).withMaxLen(5).withDropout(0.1), rng), 3, rng).eval();
        int[] ids = {1, 5, 0, 2};
        Tensor z = tagger.logits(ids);
        assertEquals("(4×3)", z.shape());
        assertClose(tagger.head().forward(tagger.encoder().forward(ids).output()), z, CLOSE);
        Tensor batch = tagger.logits(new int[][]{ids, {3, 3, 3, 3}});
        assertEquals("(8×3)", batch.shape());
        assertClose(z, batch.sliceRows(0, 4), CLOSE);
        assertEquals(3, tagger.nTags());
    }

    @Test
    void predictTakesTheLargestLogitOfEachRow() {
        Tensor z = Tensor.of(new double[][]{{0.1, 2, -1}, {5, 5, 4}, {-3, -2, -1}});
        assertArrayEquals(new int[]{1, 0, 2}, jattn.autograd.Tensors.argmaxRows(z));
        Random rng = new Random(222);
        TransformerTagger tagger = new TransformerTagger(new TransformerEncoder(TransformerSettings.paper().withVocabSize(6).withDModel(8).withHeads(2).withFeedForward(16).withLayers(1).withMaxLen(5).withDropout(0.1), rng), 4, rng).eval();
        int[] ids = {2, 4, 1};
        assertArrayEquals(jattn.autograd.Tensors.argmaxRows(tagger.logits(ids)), tagger.predict(ids));
        int[] both = tagger.predict(new int[][]{ids, ids});
        assertArrayEquals(tagger.predict(ids), java.util.Arrays.copyOf(both, 3));
    }

    @Test
    void gradientOfEveryParameterIsChecked() {
        Random rng = new Random(223);
        TransformerTagger tagger = new TransformerTagger(new TransformerEncoder(TransformerSettings.paper().withVocabSize(4).withDModel(4).withHeads(2).withFeedForward(6).withLayers(1).withMaxLen(3).withDropout(0.1), rng), 3, rng).eval();
        for (Tensor t : tagger.parameters()) if (t.rows() == 1) t.value().setTo(random(1, t.cols(), rng).value());
        List<Tensor> params = new ArrayList<>(tagger.parameters());
        params.remove(tagger.encoder().blocks().get(0).attention().keyProjection().bias());   // ∂L/∂bk = 0
        assertGrad(p -> tagger.logits(new int[][]{{0, 3, 1}, {2, 2, 0}}, new int[]{3, 2}), params.toArray(new Tensor[0]));
    }

    @Test
    void aHeadOfTheWrongWidthIsRejected() {
        Random rng = new Random(224);
        assertRejects(() -> new TransformerTagger(new TransformerEncoder(TransformerSettings.paper().withVocabSize(4).withDModel(4).withHeads(2).withFeedForward(6).withLayers(1).withMaxLen(3).withDropout(0.1), rng), new Linear(5, 3, rng)),
                "(5×3)", "(4×4)");
    }
}
