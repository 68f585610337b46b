package jattn.attention;

import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestCosineScore {

    /** ε changes a cosine of ordinary vectors by about ε/‖x‖². */
    static final double EPS_EFFECT = 1e-10;

    @Test
    void cosinesOfKnownAngles() {
        Tensor q = Tensor.of(new double[][]{{3, 4}});
        Tensor k = Tensor.of(new double[][]{{6, 8}, {-0.3, -0.4}, {4, -3}, {1, 0}, {0, 0}});
        double[] e = new CosineScore().scores(q, k).value().data;
        assertArrayEquals(new double[]{1, -1, 0, 0.6, 0}, e, EPS_EFFECT);
    }

    @Test
    void scoresLieInMinusOneToOneAndIgnoreLengths() {
        Random rng = new Random(51);
        Tensor q = random(4, 6, rng), k = random(5, 6, rng);
        Tensor e = new CosineScore().scores(q, k);
        for (double v : e.value().data) assertTrue(Math.abs(v) <= 1);
        assertClose(e, new CosineScore().scores(q.scale(7), k.scale(0.2)), EPS_EFFECT);
        double dot = 0, nq = 0, nk = 0;
        for (int c = 0; c < 6; c++) {
            dot += q.get(2, c) * k.get(3, c);
            nq += q.get(2, c) * q.get(2, c);
            nk += k.get(3, c) * k.get(3, c);
        }
        assertEquals(dot / Math.sqrt(nq * nk), e.get(2, 3), EPS_EFFECT);
    }

    @Test
    void gradientOfQueriesAndKeysIsChecked() {
        Random rng = new Random(52);
        CosineScore s = new CosineScore();
        assertGrad(x -> s.scores(x[0], x[1]), random(3, 4, rng), random(2, 4, rng));
        assertGrad(x -> s.scores(x[0], x[1]), random(1, 2, rng), random(1, 2, rng));
        // a zero vector: ε keeps the gradient finite
        Tensor zero = Tensor.zeros(1, 3).asParameter();
        CosineScore smooth = new CosineScore(1e-2);
        assertGrad(x -> smooth.scores(x[0], x[1]), zero, random(2, 3, rng));
    }

    @Test
    void badArgumentsAreRejected() {
        assertRejects(() -> new CosineScore().scores(Tensor.zeros(2, 3), Tensor.zeros(2, 4)), "(2×3)", "(2×4)");
        assertRejects(() -> new CosineScore(-1), "epsilon");
    }
}
