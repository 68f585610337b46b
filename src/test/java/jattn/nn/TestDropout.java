package jattn.nn;

import jattn.testing.TensorAssert;
import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestDropout {

    /** Three standard deviations of a drop fraction over 20 000 Bernoulli(½) draws is about 0.011. */
    static final double FRACTION_TOL = 0.02;

    @Test
    void trainingDropsAboutPAndScalesTheRestSoTheMeanIsKept() {
        double p = 0.3;
        Dropout drop = new Dropout(p, new Random(1));
        DMatrixRMaj ones = new DMatrixRMaj(200, 100);
        ones.fill(1.0);
        Tensor y = drop.forward(Tensor.constant(ones));
        int dropped = 0;
        double sum = 0;
        for (int i = 0; i < 200 * 100; i++) {
            double v = y.value().data[i];
            if (v == 0) dropped++;
            else assertEquals(1 / (1 - p), v, CLOSE);
            sum += v;
        }
        assertEquals(p, dropped / 20000.0, FRACTION_TOL);
        assertEquals(1.0, sum / 20000.0, FRACTION_TOL / (1 - p));
        assertClose(drop.lastMask(), y.value(), CLOSE);
    }

    @Test
    void evaluationIsTheIdentityAndTheExtremesBehave() {
        Tensor x = random(3, 4, new Random(2));
        Dropout drop = new Dropout(0.5, new Random(3)).eval();
        assertFalse(drop.isTraining());
        assertSame(x, drop.forward(x));
        assertTrue(drop.train().isTraining());
        assertClose(x.value(), new Dropout(0.0, new Random(4)).forward(x).value(), 0.0);
        assertClose(new DMatrixRMaj(3, 4), new Dropout(1.0, new Random(4)).forward(x).value(), 0.0);
        assertEquals(0, drop.parameterCount());
    }

    @Test
    void sameSeedSameMaskAndSuccessiveCallsDiffer() {
        Tensor x = random(5, 6, new Random(5));
        Dropout a = new Dropout(0.5, new Random(6)), b = new Dropout(0.5, new Random(6));
        Tensor first = a.forward(x);
        assertClose(first.value(), b.forward(x).value(), 0.0);
        assertFalse(java.util.Arrays.equals(first.value().data, a.forward(x).value().data));
    }

    @Test
    void gradientIsCheckedWithTheMaskHeldFixed() {
        Tensor x = random(4, 5, new Random(7));
        // 1. a fresh layer with the same seed inside the loss: every evaluation draws the same mask
        assertGrad(in -> new Dropout(0.4, new Random(8)).forward(in[0]), x);
        // 2. an explicit mask
        DMatrixRMaj mask = new Dropout(0.4, new Random(9)).sampleMask(4, 5);
        assertGrad(in -> Dropout.apply(in[0], mask), x);
        // the gradient is exactly the mask: zero where dropped
        x.zeroGrad();
        Dropout.apply(x, mask).sum().backward();
        assertClose(mask, x.grad(), 0.0);
        // degenerate shapes
        assertGrad(in -> new Dropout(0.5, new Random(10)).forward(in[0]), random(1, 7, new Random(11)));
        assertGrad(in -> new Dropout(0.5, new Random(10)).forward(in[0]), random(7, 1, new Random(12)));
    }

    @Test
    void badArgumentsAreRejected() {
        assertRejects(() -> new Dropout(1.5, new Random(1)), "1.5");
        assertRejects(() -> new Dropout(Double.NaN, new Random(1)), "NaN");
        assertRejects(() -> Dropout.apply(Tensor.zeros(2, 3), new DMatrixRMaj(3, 2)), "(2×3)", "(3×2)");
    }
}
