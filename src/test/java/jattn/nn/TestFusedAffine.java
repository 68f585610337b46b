package jattn.nn;

import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestFusedAffine {

    /** Values and all three gradients of the fused op against x·W + b written out, for a random upstream gradient. */
    @Test
    void equalsTheCompositionInValuesAndGradients() {
        Random rng = new Random(21);
        for (int[] s : new int[][]{{7, 5, 3}, {1, 4, 6}, {130, 32, 96}}) {
            Tensor x1 = random(s[0], s[1], rng), w1 = random(s[1], s[2], rng), b1 = random(1, s[2], rng);
            Tensor x2 = Tensor.parameter(x1.value().copy()), w2 = Tensor.parameter(w1.value().copy()),
                    b2 = Tensor.parameter(b1.value().copy());
            Tensor seed = random(s[0], s[2], rng);
            Tensor fused = FusedAffine.apply(x1, w1, b1), composed = x2.matmul(w2).add(b2);
            assertClose(composed, fused, 1e-12);
            fused.backward(seed.value());
            composed.backward(seed.value());
            assertClose(Tensor.constant(x2.grad()), Tensor.constant(x1.grad()), 1e-12);
            assertClose(Tensor.constant(w2.grad()), Tensor.constant(w1.grad()), 1e-12);
            assertClose(Tensor.constant(b2.grad()), Tensor.constant(b1.grad()), 1e-12);
            assertNotEquals(0.0, b1.grad().get(0, 0));
        }
    }

    @Test
    void gradientsOfInputWeightAndBiasAreChecked() {
        Random rng = new Random(22);
        assertGrad(p -> FusedAffine.apply(p[0], p[1], p[2]), random(4, 5, rng), random(5, 3, rng), random(1, 3, rng));
    }

    @Test
    void linearForwardFusedEqualsForward() {
        Random rng = new Random(23);
        Linear layer = new Linear(random(5, 3, rng), random(1, 3, rng));
        Tensor x = random(6, 5, rng);
        assertClose(layer.forward(x), layer.forwardFused(x), 1e-12);
        assertClose(new Linear(layer.weight()).forward(x), new Linear(layer.weight()).forwardFused(x), 0);
    }

    @Test
    void badShapesAreNamed() {
        Random rng = new Random(24);
        var e = assertThrows(IllegalArgumentException.class,
                () -> FusedAffine.apply(random(4, 5, rng), random(6, 3, rng), random(1, 3, rng)));
        assertTrue(e.getMessage().contains("(4×5)") && e.getMessage().contains("(6×3)"), e.getMessage());
    }
}
