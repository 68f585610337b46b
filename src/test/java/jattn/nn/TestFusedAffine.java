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
            Tensor x = random(s[0], s[1], rng), w = random(s[1], s[2], rng), b = random(1, s[2], rng);
            Tensor seed = random(s[0], s[2], rng);
            assertTwins(in -> FusedAffine.apply(in[0], in[1], in[2]), in -> in[0].matmul(in[1]).add(in[2]), seed, 1e-12, x, w, b);
            assertNotEquals(0.0, b.grad().get(0, 0));
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
