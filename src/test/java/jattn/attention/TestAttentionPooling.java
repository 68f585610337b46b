package jattn.attention;

import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestAttentionPooling {

    @Test
    void weightedSumOfValuesComputedByHand() {
        Tensor q = Tensor.of(new double[][]{{1, 0}});
        Tensor k = Tensor.of(new double[][]{{1, 0}, {0, 1}});        // dot scores 1, 0
        Tensor v = Tensor.of(new double[][]{{10, 0}, {20, 1}});
        AttentionResult r = new AttentionPooling(new DotScore()).forward(q, k, v);
        double a = Math.E / (1 + Math.E);
        assertArrayEquals(new double[]{a, 1 - a}, r.weights().value().data, CLOSE);
        assertArrayEquals(new double[]{10 * a + 20 * (1 - a), 1 - a}, r.output().value().data, CLOSE);
    }

    @Test
    void validLengthsOnANonSquareMatrixPoolOnlyTheValidKeys() {
        Random rng = new Random(71);
        Tensor q = random(2, 3, rng), k = random(5, 3, rng), v = random(5, 2, rng);
        AttentionPooling pooling = new AttentionPooling(new ScaledDotScore());
        AttentionResult r = pooling.forward(q, k, v, Mask.validLensPerRow(2, 4));
        int[] lens = {2, 4};
        for (int i = 0; i < 2; i++) {
            for (int j = lens[i]; j < 5; j++) assertEquals(0.0, r.weights().get(i, j));
            AttentionResult alone = pooling.forward(q.sliceRows(i, i + 1), k.sliceRows(0, lens[i]), v.sliceRows(0, lens[i]));
            assertClose(alone.output(), r.output().sliceRows(i, i + 1), CLOSE);
        }
    }

    @Test
    void aFullyMaskedQueryPoolsToZero() {
        Random rng = new Random(72);
        AttentionResult r = new AttentionPooling(new DotScore())
                .forward(random(2, 3, rng), random(4, 3, rng), random(4, 2, rng), Mask.validLensPerRow(0, 3));
        assertArrayEquals(new double[]{0, 0}, r.output().sliceRows(0, 1).value().data, 0.0);
    }

    @Test
    void scaledDotProductIsSoftmaxOfQKtOverRootDTimesV() {
        Random rng = new Random(73);
        Tensor q = random(3, 4, rng), k = random(5, 4, rng), v = random(5, 2, rng);
        Tensor expected = Softmax.apply(q.matmul(k.transpose()).scale(0.5)).matmul(v);   // √4 = 2
        assertClose(expected, AttentionPooling.scaledDotProduct(q, k, v, null).output(), CLOSE);
    }

    @Test
    void gradientIsCheckedForEveryScoreWithAndWithoutMask() {
        Random rng = new Random(3);
        List<Score> scores = List.of(new DotScore(), new ScaledDotScore(), new GeneralScore(3, 3, rng),
                new AdditiveScore(3, 3, 4, rng), new CosineScore());
        for (Score s : scores) {
            AttentionPooling pooling = new AttentionPooling(s);
            assertEquals(s.parameters(), pooling.parameters());
            for (Mask mask : new Mask[]{null, Mask.validLensPerRow(3, 1), Mask.causal()}) {
                List<Tensor> in = new ArrayList<>(List.of(random(2, 3, rng), random(4, 3, rng), random(4, 2, rng)));
                in.addAll(s.parameters());
                assertGrad(x -> pooling.forward(x[0], x[1], x[2], mask).output(), in.toArray(new Tensor[0]));
                assertGrad(x -> pooling.forward(x[0], x[1], x[2], mask).weights(), in.toArray(new Tensor[0]));
            }
        }
        // one query, one key
        assertGrad(x -> AttentionPooling.scaledDotProduct(x[0], x[1], x[2], null).output(),
                random(1, 1, rng), random(1, 1, rng), random(1, 3, rng));
    }

    @Test
    void shapeErrorsNameBothShapes() {
        AttentionPooling p = new AttentionPooling(new DotScore());
        assertRejects(() -> p.forward(Tensor.zeros(2, 3), Tensor.zeros(4, 3), Tensor.zeros(5, 2)), "(4×3)", "(5×2)");
        assertRejects(() -> AttentionPooling.pool(Tensor.zeros(2, 4), Tensor.zeros(3, 2), null), "(2×4)", "(3×2)");
        assertRejects(() -> p.forward(Tensor.zeros(2, 3), Tensor.zeros(4, 3), Tensor.zeros(4, 2), Mask.validLensPerRow(1, 2, 3)),
                "(2×4)");
    }
}
