package jattn.attention;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestScaledDotProductAttention {

    /** Fused and composed sums are taken in different orders: rounding only. */
    static final double ROUNDING = 1e-12;

    static final Mask[] MASKS = {null, Mask.causal(), Mask.validLen(3), Mask.validLensPerRow(0, 2, 5, 1, 4, 5)};

    /** Values of output and weights, and the gradients of Q, K, V through both, agree with the composed version. */
    static void assertSameAsComposed(Tensor q, Tensor k, Tensor v, Mask mask) {
        AttentionResult fused = ScaledDotProductAttention.apply(q, k, v, mask);
        AttentionResult composed = AttentionPooling.scaledDotProductReadable(q, k, v, mask);
        assertClose(composed.output(), fused.output(), ROUNDING);
        assertClose(composed.weights(), fused.weights(), ROUNDING);
        DMatrixRMaj[] viaComposed = gradients(q, k, v, composed), viaFused = gradients(q, k, v, fused);
        for (int i = 0; i < 3; i++) assertClose(viaComposed[i], viaFused[i], ROUNDING);
    }

    /** ∂/∂(Q, K, V) of Σ w⊙O + Σ w'⊙A, so that both outputs send a gradient back. */
    static DMatrixRMaj[] gradients(Tensor q, Tensor k, Tensor v, AttentionResult r) {
        for (Tensor t : new Tensor[]{q, k, v}) t.zeroGrad();
        weightedSum(r.output()).add(weightedSum(r.weights().scale(0.3))).backward();
        return new DMatrixRMaj[]{q.grad().copy(), k.grad().copy(), v.grad().copy()};
    }

    @Test
    void matchesTheComposedVersionWithEveryMask() {
        Random rng = new Random(311);
        for (Mask mask : MASKS) assertSameAsComposed(random(6, 4, rng), random(5, 4, rng), random(5, 3, rng), mask);
        // large enough for the rows to be split between the cores
        for (Mask mask : new Mask[]{null, Mask.causal(), Mask.validLen(70)})
            assertSameAsComposed(random(150, 16, rng), random(150, 16, rng), random(150, 8, rng), mask);
        // one query, one key, one column
        assertSameAsComposed(random(1, 1, rng), random(1, 1, rng), random(1, 1, rng), null);
    }

    @Test
    void gradientOfQueriesKeysAndValuesIsChecked() {
        Random rng = new Random(312);
        for (Mask mask : MASKS) {
            Tensor q = random(6, 3, rng), k = random(5, 3, rng), v = random(5, 2, rng);
            assertGrad(x -> ScaledDotProductAttention.apply(x[0], x[1], x[2], mask).output(), q, k, v);
            assertGrad(x -> ScaledDotProductAttention.apply(x[0], x[1], x[2], mask).weights(), q, k, v);
        }
        assertGrad(x -> ScaledDotProductAttention.apply(x[0], x[1], x[2], null).output(),
                random(1, 2, rng), random(3, 2, rng), random(3, 1, rng));
    }

    @Test
    void maskedWeightsAreExactlyZeroAndAFullyMaskedRowPoolsToZero() {
        Random rng = new Random(313);
        AttentionResult r = ScaledDotProductAttention.apply(random(3, 4, rng), random(5, 4, rng), random(5, 2, rng),
                Mask.validLensPerRow(0, 2, 5));
        for (int j = 0; j < 5; j++) assertEquals(0.0, r.weights().get(0, j));
        assertEquals(0.0, r.output().get(0, 0));
        for (int j = 2; j < 5; j++) assertEquals(0.0, r.weights().get(1, j));
        assertEquals(1.0, r.weights().get(1, 0) + r.weights().get(1, 1), ROUNDING);
    }

    @Test
    void attentionPoolingAndTheLayersUseIt() {
        Random rng = new Random(314);
        Tensor q = random(3, 4, rng), k = random(4, 4, rng), v = random(4, 2, rng);
        assertClose(ScaledDotProductAttention.apply(q, k, v, null).output(),
                AttentionPooling.scaledDotProduct(q, k, v, null).output(), 0.0);
        SelfAttention sa = new SelfAttention(4, 3, 2, rng);
        Tensor x = random(5, 4, rng);
        Tensor composed = AttentionPooling.scaledDotProductReadable(x.matmul(sa.wq()), x.matmul(sa.wk()), x.matmul(sa.wv()),
                Mask.causal()).output();
        assertClose(composed, sa.forward(x, Mask.causal()).output(), ROUNDING);
    }

    @Test
    void shapeErrorsNameBothShapes() {
        assertRejects(() -> ScaledDotProductAttention.apply(Tensor.zeros(2, 3), Tensor.zeros(4, 5), Tensor.zeros(4, 2), null),
                "(2×3)", "(4×5)");
        assertRejects(() -> ScaledDotProductAttention.apply(Tensor.zeros(2, 3), Tensor.zeros(4, 3), Tensor.zeros(5, 2), null),
                "(4×3)", "(5×2)");
        assertRejects(() -> ScaledDotProductAttention.apply(Tensor.zeros(2, 3), Tensor.zeros(4, 3), Tensor.zeros(4, 2),
                Mask.validLensPerRow(1, 2, 3)), "(2×4)");
    }
}
