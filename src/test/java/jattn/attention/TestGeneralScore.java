package jattn.attention;

import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestGeneralScore {

    @Test
    void bilinearFormComputedByHand() {
        // q·W·kᵀ with q (1×2), W (2×3), k (2×3)
        Tensor w = Tensor.of(new double[][]{{1, 0, 2}, {0, 1, -1}}).asParameter();
        Tensor q = Tensor.of(new double[][]{{2, 3}});                        // q·W = [2, 3, 1]
        Tensor k = Tensor.of(new double[][]{{1, 1, 1}, {0, 2, 5}});
        GeneralScore s = new GeneralScore(w);
        assertArrayEquals(new double[]{6, 11}, s.scores(q, k).value().data, CLOSE);
        assertEquals(List.of(w), s.parameters());
    }

    @Test
    void identityWeightGivesTheDotScore() {
        Random rng = new Random(41);
        Tensor q = random(3, 4, rng), k = random(5, 4, rng);
        GeneralScore s = new GeneralScore(Tensor.of(org.ejml.simple.SimpleMatrix.identity(4)));
        assertClose(new DotScore().scores(q, k), s.scores(q, k), CLOSE);
    }

    @Test
    void gradientOfWeightQueriesAndKeysIsChecked() {
        Random rng = new Random(42);
        GeneralScore s = new GeneralScore(3, 5, rng);
        assertEquals(15, s.parameterCount());
        assertGrad(x -> s.scores(x[0], x[1]), random(2, 3, rng), random(4, 5, rng), s.weight());
        GeneralScore one = new GeneralScore(1, 1, rng);
        assertGrad(x -> one.scores(x[0], x[1]), random(1, 1, rng), random(3, 1, rng), one.weight());
    }

    @Test
    void shapesThatDoNotFitWAreRejected() {
        GeneralScore s = new GeneralScore(3, 5, new Random(43));
        assertRejects(() -> s.scores(Tensor.zeros(2, 4), Tensor.zeros(4, 5)), "(2×4)", "(4×5)", "(3×5)");
        assertRejects(() -> s.scores(Tensor.zeros(2, 3), Tensor.zeros(4, 3)), "(2×3)", "(4×3)", "(3×5)");
    }
}
