package jattn.graph;

import jattn.attention.AttentionPooling;
import jattn.attention.AttentionResult;
import jattn.attention.Mask;
import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestGraphAttention {

    /** A path 0 – 1 – 2 – 3 – 4 with self-loops. */
    private static boolean[][] path(int n) {
        boolean[][] a = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = true;
            if (i + 1 < n) a[i][i + 1] = a[i + 1][i] = true;
        }
        return a;
    }

    @Test
    void weightsAreZeroOffTheEdgesAndTheOutputIsTheReadableComposition() {
        Random rng = new Random(1);
        GraphAttention layer = new GraphAttention(new GraphAttention.Settings(3, 4, 2), rng);
        Tensor x = random(5, 3, rng);
        boolean[][] a = path(5);
        AttentionResult r = layer.forward(x, Mask.of(a));
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < 5; j++)
                if (!a[i][j]) assertEquals(0.0, r.weights().get(i, j), 0.0, "no edge " + i + "–" + j);
        AttentionResult readable = AttentionPooling.scaledDotProductReadable(x.matmul(layer.wq()), x.matmul(layer.wk()),
                x.matmul(layer.wv()), Mask.of(a));
        assertClose(readable.output(), r.output(), CLOSE);
        AttentionResult all = layer.forward(x, Mask.none());
        assertTrue(all.weights().get(0, 4) > 0, "without the mask node 0 attends to node 4");
    }

    @Test
    void gradientsAreCheckedWithAndWithoutTheMask() {
        Random rng = new Random(2);
        for (Mask m : new Mask[]{Mask.of(path(4)), Mask.none()})
            assertGrad(p -> new GraphAttention(p[1], p[2], p[3]).forward(p[0], m).output(), random(4, 3, rng).asParameter(),
                    random(3, 2, rng), random(3, 2, rng), random(3, 2, rng));
    }

    @Test
    void badShapesAreNamed() {
        assertRejects(() -> new GraphAttention(Tensor.zeros(3, 2), Tensor.zeros(3, 3), Tensor.zeros(3, 2)), "(3×2)", "(3×3)");
        GraphAttention layer = new GraphAttention(new GraphAttention.Settings(3, 2, 2), new Random(3));
        assertRejects(() -> layer.forward(Tensor.zeros(4, 5), Mask.none()), "(4×5)", "(3×2)");
    }
}
