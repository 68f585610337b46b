package jattn.nn;

import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestLinear {

    @Test
    void computesXTimesWPlusBOnEveryRow() {
        Random rng = new Random(11);
        Tensor x = random(3, 2, rng), w = random(2, 4, rng), b = random(1, 4, rng);
        Tensor y = new Linear(w, b).forward(x);
        assertEquals(3, y.rows());
        assertEquals(4, y.cols());
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++) {
                double want = b.get(0, j);
                for (int p = 0; p < 2; p++) want += x.get(i, p) * w.get(p, j);
                assertEquals(want, y.get(i, j), CLOSE);
            }
        assertClose(x.matmul(w), new Linear(w).forward(x), CLOSE);
    }

    @Test
    void gradientsOfInputWeightAndBiasAreChecked() {
        Random rng = new Random(12);
        Tensor w = random(5, 3, rng), b = random(1, 3, rng);
        assertGrad(p -> new Linear(p[1], p[2]).forward(p[0]), random(4, 5, rng), w, b);
        assertGrad(p -> new Linear(p[1], null).forward(p[0]), random(1, 5, rng), w);
    }

    @Test
    void seededXavierWeightsAndZeroBias() {
        Linear a = new Linear(6, 4, new Random(13)), b = new Linear(6, 4, new Random(13));
        assertClose(a.weight(), b.weight(), 0);
        double limit = Math.sqrt(6.0 / (6 + 4));
        for (double v : a.weight().value().data) assertTrue(Math.abs(v) <= limit, v + " outside ±" + limit);
        for (double v : a.bias().value().data) assertEquals(0.0, v);
        assertEquals(6, a.inputSize());
        assertEquals(4, a.outputSize());
        assertEquals(2, a.parameters().size());
        assertEquals(1, new Linear(6, 4, Bias.NONE, new Random(13)).parameters().size());
        assertNull(new Linear(6, 4, Bias.NONE, new Random(13)).bias());
    }

    @Test
    void badShapesNameBothShapes() {
        Random rng = new Random(14);
        Linear lin = new Linear(3, 2, rng);
        assertRejects(() -> lin.forward(Tensor.zeros(4, 5)), "(4×5)", "(3×2)");
        assertRejects(() -> new Linear(Tensor.zeros(3, 2), Tensor.zeros(1, 3)), "(1×3)", "(3×2)");
        assertRejects(() -> new Linear(Tensor.zeros(3, 2), Tensor.zeros(2, 2)), "(2×2)", "(3×2)");
    }
}
