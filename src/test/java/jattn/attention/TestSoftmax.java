package jattn.attention;

import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestSoftmax {

    @Test
    void matchesTheDefinitionComputedByHand() {
        Tensor y = Softmax.apply(Tensor.of(new double[][]{{1, 2, 3}, {0, 0, Math.log(2)}}));
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertArrayEquals(new double[]{Math.exp(1) / z, Math.exp(2) / z, Math.exp(3) / z,
                0.25, 0.25, 0.5}, y.value().data, CLOSE);
    }

    @Test
    void temperatureDividesTheLogits() {
        Tensor x = Tensor.of(new double[][]{{1, 3}});
        double tau = 2;
        double e1 = Math.exp(1 / tau), e3 = Math.exp(3 / tau);
        assertArrayEquals(new double[]{e1 / (e1 + e3), e3 / (e1 + e3)}, Softmax.apply(x, tau).value().data, CLOSE);
        // a high temperature flattens, a low one sharpens
        assertTrue(Softmax.apply(x, 100).get(0, 0) > 0.49);
        assertTrue(Softmax.apply(x, 0.01).get(0, 1) > 1 - 1e-12);
        assertRejects(() -> Softmax.apply(x, 0), "temperature", "0");
        assertRejects(() -> Softmax.apply(x, -1), "temperature");
    }

    @Test
    void hugeLogitsGiveFiniteExactWeights() {
        Tensor y = Softmax.apply(Tensor.of(new double[][]{{1e4, -1e4, 1e4 - 1}, {-1e4, -1e4, -1e4}}));
        double p = 1 / (1 + Math.exp(-1));
        assertArrayEquals(new double[]{p, 0, 1 - p, 1 / 3.0, 1 / 3.0, 1 / 3.0}, y.value().data, CLOSE);
        for (double v : y.value().data) assertTrue(Double.isFinite(v));
    }

    @Test
    void equalsTheComposedExpOverSumInValueAndGradient() {
        Random rng = new Random(11);
        Tensor x = random(4, 5, rng);
        Tensor fused = Softmax.apply(x, 0.7);
        Tensor composed = x.scale(1 / 0.7).exp().div(x.scale(1 / 0.7).exp().rowSums());
        assertClose(composed, fused, CLOSE);

        weightedSum(fused).backward();
        double[] gFused = x.grad().data.clone();
        x.zeroGrad();
        weightedSum(composed).backward();
        assertArrayEquals(x.grad().data, gFused, CLOSE);
    }

    @Test
    void gradientIsCheckedOnOrdinaryAndDegenerateShapes() {
        Random rng = new Random(12);
        assertGrad(x -> Softmax.apply(x[0]), random(3, 5, rng));
        assertGrad(x -> Softmax.apply(x[0], 0.5), random(3, 5, rng));
        assertGrad(x -> Softmax.apply(x[0], 2.5), random(1, 4, rng));
        // one column: every weight is 1 and nothing can change it
        Tensor col = random(4, 1, rng);
        assertArrayEquals(new double[]{1, 1, 1, 1}, Softmax.apply(col).value().data, CLOSE);
        assertGrad(x -> Softmax.apply(x[0]), col);
    }
}
