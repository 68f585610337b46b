package jattn.attention;

import jattn.autograd.Tensor;
import jattn.conv.Conv1d;
import jattn.nn.Linear;
import jattn.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static jattn.testing.TorchAssert.assertMatches;
import static org.junit.jupiter.api.Assertions.*;

class TestRelativePositionAttention {

    @Test
    void withOneSharpHeadPerOffsetItIsTheConvolution() {
        Random rng = new Random(1);
        for (int[] c : new int[][]{{1, 0}, {3, 1}, {5, 2}, {7, 3}}) {
            Conv1d conv = new Conv1d(random(c[0] * 3, 4, rng), random(1, 4, rng), c[0], c[1]);
            RelativePositionAttention attention = RelativePositionAttention.ofConv(conv, 50);
            for (int t : new int[]{1, 2, 9}) {
                Tensor x = random(t, 3, rng);
                assertClose(conv.forward(x), attention.forward(x).output(), CLOSE);
            }
            assertEquals(c[0], attention.heads());
        }
    }

    @Test
    void eachHeadLooksAtItsOffsetAndABluntHeadDoesNot() {
        Conv1d conv = new Conv1d(2, 2, 3, 1, new Random(2));
        Tensor x = random(6, 2, new Random(3));
        AttentionResult sharp = RelativePositionAttention.ofConv(conv, 50).forward(x);
        for (int h = 0; h < 3; h++) {
            Tensor a = sharp.head(h);                                    // (6 × 8): keys −1 … 6
            assertEquals(8, a.cols());
            for (int i = 0; i < 6; i++) {
                double sum = 0;
                for (int j = 0; j < 8; j++) sum += a.get(i, j);
                assertEquals(1.0, sum, 1e-12);
                assertEquals(1.0, a.get(i, i + h), 1e-12, "head " + h + " attends to offset " + (h - 1) + " (padded key i + h)");
            }
        }
        double blunt = jattn.autograd.Tensors.maxDifference(conv.forward(x), RelativePositionAttention.ofConv(conv, 1).forward(x).output());
        assertTrue(blunt > 1e-2, "with α = 1 the heads spread their weight and the layer is not the convolution: " + blunt);
    }

    @Test
    void gradientsOfInputSharpnessOffsetsAndWeightsAreChecked() {
        Random rng = new Random(4);
        Tensor alpha = Tensor.row(0.7, 0.4, 1.1).asParameter(), delta = Tensor.row(-1.3, 0.2, 0.9).asParameter();
        Tensor wv = random(3, 6, rng), wo = random(6, 2, rng), bo = random(1, 2, rng);
        assertGrad(p -> new RelativePositionAttention(p[1], p[2], p[3], new Linear(p[4], p[5]), 2).forward(p[0]).output(),
                random(5, 3, rng), alpha, delta, wv, wo, bo);
        assertGrad(p -> new RelativePositionAttention(p[1], p[2], p[3], new Linear(p[4], p[5]), 0).forward(p[0]).output(),
                random(4, 3, rng), alpha, delta, wv, wo, bo);
    }

    @Test
    void reproducesPyTorchsConv1d() {
        Fixtures f = Fixtures.load("cnn_vit.json");
        Conv1d conv = new Conv1d(f.parameter("inputs", "conv", "W"), f.parameter("inputs", "conv", "b"),
                f.integer("inputs", "conv", "kernelSize"), f.integer("inputs", "conv", "padding"));
        Tensor x = f.tensor("inputs", "conv", "x");
        assertMatches("attention as torch's Conv1d", f.matrix("outputs", "conv", "y"), RelativePositionAttention.ofConv(conv, 50).forward(x).output(), 1e-12);
        assertMatches("our Conv1d as torch's", f.matrix("outputs", "conv", "y"), conv.forward(x), 1e-12);
    }

    @Test
    void badSettingsAreNamed() {
        assertRejects(() -> RelativePositionAttention.ofConv(new Conv1d(2, 2, 3, 0, new Random(5)), 50), "kernel size 3", "padding 0");
        RelativePositionAttention a = RelativePositionAttention.ofConv(new Conv1d(2, 2, 3, 1, new Random(5)), 50);
        assertRejects(() -> a.forward(Tensor.zeros(4, 3)), "(4×3)", "(2×6)");
        assertRejects(() -> new RelativePositionAttention(Tensor.row(1, 1), Tensor.row(0), Tensor.zeros(2, 4), new Linear(Tensor.zeros(4, 1)), 1),
                "(1×2)", "(1×1)");
        assertRejects(() -> new RelativePositionAttention(Tensor.row(1, 1), Tensor.row(0, 1), Tensor.zeros(2, 5), new Linear(Tensor.zeros(5, 1)), 1),
                "(2×5)", "2 heads");
    }
}
