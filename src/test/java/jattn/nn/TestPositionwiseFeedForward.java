package jattn.nn;

import jattn.testing.TensorAssert;
import jattn.autograd.Tensor;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestPositionwiseFeedForward {

    /** A network with random weights and biases (the default biases are zero). */
    private static PositionwiseFeedForward randomFfn(int dModel, int dFF, Random rng) {
        return new PositionwiseFeedForward(new Linear(random(dModel, dFF, rng), random(1, dFF, rng)),
                new Linear(random(dFF, dModel, rng), random(1, dModel, rng)));
    }

    @Test
    void matchesTheFormulaComputedWithSimpleMatrix() {
        Random rng = new Random(1);
        PositionwiseFeedForward ffn = randomFfn(4, 6, rng);
        Tensor x = random(3, 4, rng);
        SimpleMatrix ones = new SimpleMatrix(3, 1).plus(1);
        SimpleMatrix h = x.toSimple().mult(ffn.first().weight().toSimple())
                .plus(ones.mult(ffn.first().bias().toSimple()));
        for (int i = 0; i < h.getNumElements(); i++) h.set(i, Math.max(0, h.get(i)));
        SimpleMatrix y = h.mult(ffn.second().weight().toSimple()).plus(ones.mult(ffn.second().bias().toSimple()));
        assertClose(y.getDDRM(), ffn.forward(x).value(), CLOSE);
    }

    @Test
    void gradientsOfInputAndParametersAreChecked() {
        Random rng = new Random(2);
        PositionwiseFeedForward ffn = randomFfn(4, 6, rng);
        Tensor[] all = new Tensor[5];
        all[0] = random(3, 4, rng);
        for (int k = 0; k < 4; k++) all[k + 1] = ffn.parameters().get(k);
        assertGrad(p -> ffn.forward(p[0]), all);
        // degenerate: one position; dModel = dFF = 1
        assertGrad(p -> ffn.forward(p[0]), random(1, 4, rng));
        PositionwiseFeedForward tiny = randomFfn(1, 1, rng);
        Tensor[] tinyAll = {random(5, 1, rng), tiny.parameters().get(0), tiny.parameters().get(1),
                tiny.parameters().get(2), tiny.parameters().get(3)};
        assertGrad(p -> tiny.forward(p[0]), tinyAll);
    }

    @Test
    void sizesAndMismatchesAreReported() {
        PositionwiseFeedForward ffn = new PositionwiseFeedForward(8, 32, new Random(3));
        assertEquals(8, ffn.dModel());
        assertEquals(32, ffn.dFF());
        assertEquals(8 * 32 + 32 + 32 * 8 + 8, ffn.parameterCount());
        assertEquals(0.0, ffn.first().bias().get(0, 5));
        assertRejects(() -> ffn.forward(Tensor.zeros(2, 7)), "(2×7)", "(8×32)");
        Random rng = new Random(4);
        assertRejects(() -> new PositionwiseFeedForward(new Linear(8, 32, rng), new Linear(32, 6, rng)), "(8×32)", "(32×6)");
    }
}
