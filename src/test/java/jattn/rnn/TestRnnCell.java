package jattn.rnn;

import jattn.testing.TensorAssert;
import jattn.autograd.Tensor;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestRnnCell {

    @Test
    void stepIsTanhOfTheAffineSum() {
        Random rng = new Random(1);
        RnnCell cell = new RnnCell(3, 4, rng);
        Tensor x = random(2, 3, rng), h = random(2, 4, rng);
        SimpleMatrix pre = x.toSimple().mult(cell.wx().toSimple()).plus(h.toSimple().mult(cell.wh().toSimple()));
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 4; j++)
                assertEquals(Math.tanh(pre.get(i, j) + cell.b().get(0, j)), cell.step(x, h).get(i, j), CLOSE);
    }

    @Test
    void gradientsOfInputsAndParametersAreChecked() {
        Random rng = new Random(2);
        RnnCell cell = new RnnCell(3, 4, rng);
        assertGrad(p -> new RnnCell(p[2], p[3], p[4]).step(p[0], p[1]),
                random(2, 3, rng), random(2, 4, rng), cell.wx(), cell.wh(), cell.b());
        RnnCell tiny = new RnnCell(1, 1, rng);
        assertGrad(p -> new RnnCell(p[2], p[3], p[4]).step(p[0], p[1]),
                random(1, 1, rng), random(1, 1, rng), tiny.wx(), tiny.wh(), tiny.b());
    }

    @Test
    void initialisationIsBoundedByOneOverRootH() {
        RnnCell cell = new RnnCell(5, 16, new Random(3));
        for (Tensor p : cell.parameters())
            for (int i = 0; i < p.value().getNumElements(); i++) assertTrue(Math.abs(p.value().data[i]) <= 0.25);
        assertEquals(5 * 16 + 16 * 16 + 16, cell.parameterCount());
        assertEquals(5, cell.inputSize());
        assertEquals(16, cell.hiddenSize());
        assertClose(new SimpleMatrix(3, 16).getDDRM(), cell.zeroState(3).value(), 0.0);
    }

    @Test
    void badShapesAreRejected() {
        RnnCell cell = new RnnCell(3, 4, new Random(4));
        assertRejects(() -> cell.step(Tensor.zeros(2, 5), Tensor.zeros(2, 4)), "(2×5)", "(2×4)", "RnnCell");
        assertRejects(() -> cell.step(Tensor.zeros(2, 3), Tensor.zeros(3, 4)), "(2×3)", "(3×4)");
        assertRejects(() -> new RnnCell(Tensor.zeros(3, 4), Tensor.zeros(4, 5), Tensor.zeros(1, 4)), "(3×4)", "(4×5)");
    }
}
