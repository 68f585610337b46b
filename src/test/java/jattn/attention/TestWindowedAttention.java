package jattn.attention;

import jattn.autograd.Tensor;
import jattn.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static jattn.testing.TorchAssert.assertGradMatches;
import static jattn.testing.TorchAssert.assertMatches;
import static org.junit.jupiter.api.Assertions.*;

class TestWindowedAttention {

    @Test
    void equalsFullAttentionWithTheBandAsMask() {
        Random rng = new Random(1);
        for (int[] w : new int[][]{{0, 0}, {1, 1}, {2, 0}, {0, 3}, {3, 2}, {20, 20}}) {
            WindowMask window = WindowMask.of(w[0], w[1]);
            Tensor q = random(9, 4, rng), k = random(9, 4, rng), v = random(9, 3, rng);
            AttentionResult full = ScaledDotProductAttention.apply(q, k, v, window);
            assertClose(full.output(), WindowedAttention.apply(q, k, v, window), CLOSE);
            assertClose(full.weights().value(), WindowedAttention.weights(q, k, window), CLOSE);
        }
    }

    @Test
    void gradientsOfQueriesKeysAndValuesAreChecked() {
        Random rng = new Random(2);
        for (int[] w : new int[][]{{1, 1}, {2, 0}, {0, 0}, {6, 6}}) {
            WindowMask window = WindowMask.of(w[0], w[1]);
            assertGrad(p -> WindowedAttention.apply(p[0], p[1], p[2], window), random(6, 3, rng).asParameter(),
                    random(6, 3, rng).asParameter(), random(6, 2, rng).asParameter());
        }
        assertGrad(p -> WindowedAttention.apply(p[0], p[1], p[2], WindowMask.radius(1)), random(1, 2, rng).asParameter(),
                random(1, 2, rng).asParameter(), random(1, 1, rng).asParameter());
    }

    @Test
    void matchesPyTorch() {
        Fixtures f = Fixtures.load("cnn_vit.json");
        Tensor q = f.parameter("inputs", "windowed", "q"), k = f.parameter("inputs", "windowed", "k"),
                v = f.parameter("inputs", "windowed", "v");
        WindowMask window = WindowMask.of(f.integer("inputs", "windowed", "before"), f.integer("inputs", "windowed", "after"));
        Tensor out = WindowedAttention.apply(q, k, v, window);
        assertMatches("windowed out", f.matrix("outputs", "windowed", "out"), out, 1e-12);
        assertMatches("windowed weights", f.matrix("outputs", "windowed", "weights"), WindowedAttention.weights(q, k, window), 1e-12);
        jattn.testing.TorchAssert.weightedSum(out, f.matrix("inputs", "windowed", "C")).backward();
        assertGradMatches("∂q", f.matrix("grads", "windowed", "q"), q, 1e-12);
        assertGradMatches("∂k", f.matrix("grads", "windowed", "k"), k, 1e-12);
        assertGradMatches("∂v", f.matrix("grads", "windowed", "v"), v, 1e-12);
    }

    @Test
    void badShapesAreNamed() {
        assertRejects(() -> WindowedAttention.apply(Tensor.zeros(5, 4), Tensor.zeros(6, 4), Tensor.zeros(6, 2), WindowMask.radius(1)),
                "(5×4)", "(6×4)", "(6×2)");
    }
}
