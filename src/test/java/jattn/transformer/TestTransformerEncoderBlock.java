package jattn.transformer;

import jattn.attention.Mask;
import jattn.attention.MultiHeadAttention;
import jattn.attention.AttentionResult;
import jattn.autograd.Tensor;
import jattn.nn.Dropout;
import jattn.nn.LayerNorm;
import jattn.nn.PositionwiseFeedForward;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestTransformerEncoderBlock {

    /** A block whose biases, gains and shifts are random too, so that no term is an identity. */
    static TransformerEncoderBlock randomBlock(int dModel, int nHeads, int dFF, double p, Random rng) {
        TransformerEncoderBlock block = new TransformerEncoderBlock(TransformerSettings.paper().withDModel(dModel).withHeads(nHeads).withFeedForward(dFF).withDropout(p), rng);
        for (Tensor t : block.parameters()) if (t.rows() == 1) t.value().setTo(random(1, t.cols(), rng).value());
        return block;
    }

    /** Every parameter but the key bias bk: it adds qᵢ·bk to a whole row of scores, which softmax ignores, so ∂L/∂bk = 0. */
    static List<Tensor> checkedParameters(TransformerEncoderBlock block) {
        List<Tensor> params = new ArrayList<>(block.parameters());
        params.remove(block.attention().keyProjection().bias());
        return params;
    }

    @Test
    void isThePapersPostNormFormula() {
        Random rng = new Random(201);
        TransformerEncoderBlock block = randomBlock(6, 2, 10, 0.3, rng).eval();
        Tensor x = random(5, 6, rng);
        Tensor a = block.attention().forward(x, x, x, Mask.validLen(4)).output();
        Tensor x1 = block.norm1().forwardReadable(x.add(a));                                   // LN(X + MHA(X))
        Tensor y = block.norm2().forwardReadable(x1.add(block.feedForward().forward(x1)));    // LN(X₁ + FFN(X₁))
        AttentionResult r = block.forward(x, 4);
        assertClose(y, r.output(), CLOSE);
        assertEquals(2, r.headCount());
        assertEquals(5, r.head(1).rows());
        assertEquals(5, r.head(1).cols());
    }

    @Test
    void gradientOfParametersAndInputIsChecked() {
        Random rng = new Random(202);
        TransformerEncoderBlock block = randomBlock(4, 2, 6, 0.5, rng).eval();
        List<Tensor> params = checkedParameters(block);
        assertGrad(x -> block.forward(x[0]).output(), inputsThenParameters(params, random(3, 4, rng)));
        assertGrad(x -> block.forward(x[0], 2).output(), inputsThenParameters(params, random(3, 4, rng)));
        assertGrad(x -> block.forward(x[0], Mask.causal()).head(1), inputsThenParameters(params, random(3, 4, rng)));
        assertGrad(x -> block.forward(x[0]).output(), inputsThenParameters(params, random(1, 4, rng)));   // one position
        assertGrad(x -> block.forwardBatch(x[0], new int[]{1, 2}).output(), inputsThenParameters(params, random(4, 4, rng)));
    }

    @Test
    void gradientIsCheckedInTrainingModeWithAFixedDropoutMask() {
        Random rng = new Random(203);
        TransformerEncoderBlock seeded = randomBlock(4, 2, 6, 0.0, rng);
        // the same parameters with dropout p = 0.4 whose masks are redrawn from the same seed on every call
        List<Tensor> params = checkedParameters(seeded);
        Tensor x = random(3, 4, rng);
        assertGrad(in -> {
            Random masks = new Random(7);
            TransformerEncoderBlock b = new TransformerEncoderBlock(seeded.attention(), seeded.feedForward(),
                    seeded.norm1(), seeded.norm2(), new Dropout(0.4, masks), new Dropout(0.4, masks));
            return b.forward(in[0]).output();
        }, inputsThenParameters(params, x));
    }

    @Test
    void evalModeIsDeterministicAndTrainingModeDrops() {
        Random rng = new Random(204);
        TransformerEncoderBlock block = randomBlock(8, 4, 16, 0.5, rng);
        Tensor x = random(6, 8, rng);
        assertTrue(block.isTraining());
        Tensor first = block.forward(x).output(), second = block.forward(x).output();
        assertTrue(maxDifference(first, second) > 1e-3, "two training-mode calls draw different dropout masks");
        block.eval();
        assertFalse(block.isTraining());
        assertClose(block.forward(x).output(), block.forward(x).output(), 0.0);
        TransformerEncoderBlock noDropout = new TransformerEncoderBlock(block.attention(), block.feedForward(),
                block.norm1(), block.norm2(), new Dropout(0, rng), new Dropout(0, rng));
        assertClose(noDropout.forward(x).output(), block.forward(x).output(), 0.0);
        assertTrue(block.train().isTraining());
    }

    @Test
    void paddingPositionsGetNoAttentionAndDoNotChangeTheValidRows() {
        Random rng = new Random(205);
        TransformerEncoderBlock block = randomBlock(6, 3, 8, 0.1, rng).eval();
        Tensor x = random(7, 6, rng);
        AttentionResult r = block.forward(x, 4);
        for (Tensor w : r.heads())
            for (int i = 0; i < 7; i++) {
                double rowSum = 0;
                for (int j = 0; j < 7; j++) {
                    if (j >= 4) assertEquals(0.0, w.get(i, j));
                    rowSum += w.get(i, j);
                }
                assertEquals(1.0, rowSum, CLOSE);
            }
        // the valid rows are exactly those of the sequence without its padding
        assertClose(block.forward(x.sliceRows(0, 4)).output(), r.output().sliceRows(0, 4), CLOSE);
    }

    @Test
    void withoutPositionsPermutingTheRowsPermutesTheOutput() {
        Random rng = new Random(206);
        TransformerEncoderBlock block = randomBlock(6, 2, 12, 0.1, rng).eval();
        Tensor x = random(5, 6, rng);
        int[] perm = {4, 2, 0, 3, 1};
        AttentionResult r = block.forward(x), p = block.forward(x.gatherRows(perm));
        assertClose(r.output().gatherRows(perm), p.output(), CLOSE);
        for (int h = 0; h < 2; h++)
            for (int i = 0; i < 5; i++)
                for (int j = 0; j < 5; j++)
                    assertEquals(r.head(h).get(perm[i], perm[j]), p.head(h).get(i, j), CLOSE);
    }

    @Test
    void aStackOfSequencesEqualsEachSequenceAlone() {
        Random rng = new Random(207);
        TransformerEncoderBlock block = randomBlock(4, 2, 8, 0.2, rng).eval();
        Tensor stacked = random(9, 4, rng);
        int[] validLens = {3, 1, 2};
        AttentionResult batch = block.forwardBatch(stacked, validLens);
        Tensor y = batch.output();
        for (int b = 0; b < 3; b++) {
            AttentionResult alone = block.forward(stacked.sliceRows(3 * b, 3 * b + 3), validLens[b]);
            assertClose(alone.output(), y.sliceRows(3 * b, 3 * b + 3), CLOSE);
            for (int h = 0; h < 2; h++) assertClose(alone.head(h), batch.head(h).sliceRows(3 * b, 3 * b + 3), CLOSE);
        }
        assertEquals("(9×3)", batch.head(0).shape());
        assertClose(block.forward(stacked).output(), block.forwardBatch(stacked, new int[]{9}).output(), CLOSE);
    }

    @Test
    void badShapesAreRejectedClearly() {
        Random rng = new Random(208);
        TransformerEncoderBlock block = new TransformerEncoderBlock(TransformerSettings.paper().withDModel(4).withHeads(2).withFeedForward(8).withDropout(0.1), rng);
        assertRejects(() -> block.forward(Tensor.zeros(5, 3)), "(5×3)", "(4×4)");
        assertRejects(() -> block.forwardBatch(Tensor.zeros(7, 4), new int[]{1, 2}), "(7×4)", "2 sequences");
        assertRejects(() -> block.forwardBatch(Tensor.zeros(6, 4), new int[]{1, 2, 4}), "valid length 4", "(2×2)");
        assertRejects(() -> block.forward(Tensor.zeros(3, 4), 5), "valid length 5", "(3×3)");
        assertRejects(() -> new TransformerEncoderBlock(TransformerSettings.paper().withDModel(6).withHeads(4).withFeedForward(8).withDropout(0.1), rng), "dModel 6", "nHeads 4");
        assertRejects(() -> new TransformerEncoderBlock(new MultiHeadAttention(new MultiHeadAttention.Settings(2, 4), rng), new PositionwiseFeedForward(4, 8, rng),
                new LayerNorm(4), new LayerNorm(5), new Dropout(0, rng), new Dropout(0, rng)), "(1×4)", "(1×5)");
        assertEquals(4, block.dModel());
        assertEquals(2, block.nHeads());
        assertEquals(4 * (16 + 4) + (32 + 8 + 32 + 4) + 4 * 4, block.parameterCount());
    }

    static double maxDifference(Tensor a, Tensor b) {
        double max = 0;
        for (int i = 0; i < a.value().data.length; i++) max = Math.max(max, Math.abs(a.value().data[i] - b.value().data[i]));
        return max;
    }
}
