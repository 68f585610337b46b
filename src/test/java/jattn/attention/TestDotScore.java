package jattn.attention;

import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestDotScore {

    @Test
    void scoresAreDotProductsComputedByHand() {
        Tensor q = Tensor.of(new double[][]{{1, 2}, {3, 4}});
        Tensor k = Tensor.of(new double[][]{{5, 6}, {7, 8}, {1, 0}});
        assertArrayEquals(new double[]{17, 23, 1, 39, 53, 3}, new DotScore().scores(q, k).value().data, CLOSE);
        assertTrue(new DotScore().parameters().isEmpty());
    }

    @Test
    void gradientOfQueriesAndKeysIsChecked() {
        Random rng = new Random(31);
        DotScore s = new DotScore();
        assertGrad(x -> s.scores(x[0], x[1]), random(3, 4, rng), random(5, 4, rng));
        assertGrad(x -> s.scores(x[0], x[1]), random(1, 1, rng), random(1, 1, rng));
    }

    @Test
    void differentWidthsAreRejectedWithBothShapes() {
        assertRejects(() -> new DotScore().scores(Tensor.zeros(3, 4), Tensor.zeros(5, 2)), "(3×4)", "(5×2)");
    }
}
