package jattn.transformer;

import jattn.attention.Mask;
import jattn.autograd.Tensor;
import jattn.nn.Dropout;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestTransformerDecoderBlock {

    /** A block whose biases, gains and shifts are random too, so that no term is an identity. */
    static TransformerDecoderBlock randomBlock(int d, int heads, int dFF, double p, Random rng) {
        TransformerDecoderBlock block = new TransformerDecoderBlock(
                TransformerSettings.paper().withDModel(d).withHeads(heads).withFeedForward(dFF).withDropout(p), rng);
        for (Tensor t : block.parameters()) if (t.rows() == 1) t.value().setTo(random(1, t.cols(), rng).value());
        return block;
    }

    /** Every parameter but the two key biases: bk adds one constant to a whole row of scores, which softmax ignores (∂L/∂bk = 0). */
    static List<Tensor> checkedParameters(TransformerDecoderBlock block) {
        List<Tensor> params = new ArrayList<>(block.parameters());
        params.remove(block.selfAttention().keyProjection().bias());
        params.remove(block.crossAttention().keyProjection().bias());
        return params;
    }

    @Test
    void isThePostNormFormulaWithCausalSelfAttentionAndCrossAttention() {
        Random rng = new Random(1101);
        TransformerDecoderBlock block = randomBlock(6, 2, 10, 0.3, rng).eval();
        Tensor y = random(4, 6, rng), mem = random(5, 6, rng);
        Tensor a = block.selfAttention().forward(y, y, y, Mask.causal()).output();
        Tensor y1 = block.norms().get(0).forwardReadable(y.add(a));                               // LN(Y + SelfAttn(Y))
        Tensor c = block.crossAttention().forward(y1, mem, mem, Mask.validLen(3)).output();
        Tensor y2 = block.norms().get(1).forwardReadable(y1.add(c));                              // LN(Y₁ + CrossAttn(Y₁, M))
        Tensor z = block.norms().get(2).forwardReadable(y2.add(block.feedForward().forward(y2))); // LN(Y₂ + FFN(Y₂))
        TransformerDecoderBlock.Output out = block.forward(y, mem, 3);
        assertClose(z, out.output(), CLOSE);
        assertEquals(2, out.selfWeights().size());
        assertEquals(0.0, out.selfWeights().get(0).get(1, 2));          // causal: no future
        assertEquals(0.0, out.crossWeights().get(1).get(2, 4));         // source padding
        assertEquals("(4×5)", out.crossWeights().get(1).shape());
    }

    @Test
    void theOutputAtPositionTIgnoresLaterTargets() {
        Random rng = new Random(1102);
        TransformerDecoderBlock block = randomBlock(4, 2, 6, 0, rng).eval();
        Tensor y = random(3, 4, rng), mem = random(2, 4, rng);
        Tensor changed = Tensor.constant(y.value().copy());
        for (int c = 0; c < 4; c++) changed.value().add(2, c, 1.0);    // change the last target only
        Tensor z1 = block.forward(y, mem).output(), z2 = block.forward(changed, mem).output();
        assertClose(z1.sliceRows(0, 2), z2.sliceRows(0, 2), CLOSE);
        assertTrue(Math.abs(z1.get(2, 0) - z2.get(2, 0)) > 1e-6);
    }

    @Test
    void theStackedPathEqualsTheSequenceBySequencePath() {
        Random rng = new Random(1103);
        TransformerDecoderBlock block = randomBlock(4, 2, 6, 0, rng).eval();
        Tensor y = random(6, 4, rng), mem = random(8, 4, rng);
        int[] lens = {4, 2};
        TransformerDecoderBlock.Output stacked = block.forwardStacked(y, mem, lens);
        for (int b = 0; b < 2; b++) {
            TransformerDecoderBlock.Output one = block.forward(y.sliceRows(3 * b, 3 * b + 3), mem.sliceRows(4 * b, 4 * b + 4), lens[b]);
            assertClose(one.output(), stacked.output().sliceRows(3 * b, 3 * b + 3), CLOSE);
            for (int h = 0; h < 2; h++) {
                assertClose(one.selfWeights().get(h), stacked.selfWeights().get(h).sliceRows(3 * b, 3 * b + 3), CLOSE);
                assertClose(one.crossWeights().get(h), stacked.crossWeights().get(h).sliceRows(3 * b, 3 * b + 3), CLOSE);
            }
        }
    }

    @Test
    void gradientOfTargetMemoryAndParametersIsChecked() {
        Random rng = new Random(1104);
        TransformerDecoderBlock block = randomBlock(4, 2, 6, 0, rng).eval();
        List<Tensor> params = checkedParameters(block);
        assertGrad(x -> block.forward(x[0], x[1], 2).output(), inputsThenParameters(params, random(3, 4, rng), random(3, 4, rng)));
        assertGrad(x -> block.forwardStacked(x[0], x[1], new int[]{3, 1}).output(), inputsThenParameters(params, random(4, 4, rng), random(6, 4, rng)));
    }

    @Test
    void gradientIsCheckedInTrainingModeWithAFixedDropoutMask() {
        Random rng = new Random(1105);
        TransformerDecoderBlock seeded = randomBlock(4, 2, 6, 0, rng);
        List<Tensor> params = checkedParameters(seeded);
        assertGrad(in -> {
            Random masks = new Random(7);
            TransformerDecoderBlock b = new TransformerDecoderBlock(seeded.selfAttention(), seeded.crossAttention(), seeded.feedForward(),
                    seeded.norms(), List.of(new Dropout(0.4, masks), new Dropout(0.4, masks), new Dropout(0.4, masks)));
            return b.forwardStacked(in[0], in[1], new int[]{2, 3}).output();
        }, inputsThenParameters(params, random(4, 4, rng), random(6, 4, rng)));
    }

    @Test
    void badShapesAreNamed() {
        Random rng = new Random(1106);
        TransformerDecoderBlock block = randomBlock(4, 2, 6, 0, rng);
        assertRejects(() -> block.forward(random(3, 5, rng), random(2, 4, rng)), "(3×5)", "dModel = 4");
        assertRejects(() -> block.forwardStacked(random(5, 4, rng), random(6, 4, rng), new int[]{2, 3}), "(5×4)", "2 sequences");
    }
}
