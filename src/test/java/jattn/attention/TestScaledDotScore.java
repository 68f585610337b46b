package jattn.attention;

import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestScaledDotScore {

    @Test
    void scaleIsTheSquareRootOfTheKeyWidthNotOfTwo() {
        // d = 4, so the scale is 1/√4 = 1/2 (√2 would give 1/√2 and 10/√2 ≈ 7.07 below)
        Tensor q = Tensor.of(new double[][]{{1, 2, 3, 4}});
        Tensor k = Tensor.of(new double[][]{{1, 0, 0, 0}, {1, 1, 1, 1}});
        assertArrayEquals(new double[]{0.5, 5.0}, new ScaledDotScore().scores(q, k).value().data, CLOSE);
        // d = 9: scale 1/3
        Tensor q9 = Tensor.of(new double[][]{{1, 1, 1, 1, 1, 1, 1, 1, 1}});
        assertEquals(3.0, new ScaledDotScore().scores(q9, q9).item(), CLOSE);
    }

    @Test
    void scalingKeepsTheVarianceOfRandomScoresNearOne() {
        Random rng = new Random(32);
        int d = 256;
        Tensor q = random(200, d, rng), k = random(200, d, rng);
        double[] e = new ScaledDotScore().scores(q, k).value().data;
        double sumSq = 0;
        for (double v : e) sumSq += v * v;
        assertEquals(1.0, sumSq / e.length, 0.05);
    }

    @Test
    void gradientOfQueriesAndKeysIsChecked() {
        Random rng = new Random(33);
        ScaledDotScore s = new ScaledDotScore();
        assertGrad(x -> s.scores(x[0], x[1]), random(3, 6, rng), random(4, 6, rng));
        assertGrad(x -> s.scores(x[0], x[1]), random(1, 3, rng), random(1, 3, rng));
    }

    @Test
    void differentWidthsAreRejectedWithBothShapes() {
        assertRejects(() -> new ScaledDotScore().scores(Tensor.zeros(2, 3), Tensor.zeros(2, 4)), "(2×3)", "(2×4)");
    }
}
