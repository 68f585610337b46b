package jattn.train;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TestSgd {

    static final double EXACT = 1e-12;

    /** L = ½ Σ θ², so g = θ. */
    static void backwardHalfSquare(Tensor theta) {
        theta.square().sum().scale(0.5).backward();
    }

    static double[] run(Optimizer opt, Tensor theta, int steps) {
        for (int s = 0; s < steps; s++) {
            opt.zeroGrad();
            backwardHalfSquare(theta);
            opt.step();
        }
        return theta.value().data.clone();
    }

    @Test
    void plainSgdByHand() {
        // g = θ, so θ ← θ − 0.1θ = 0.9θ: after 3 steps 0.729θ₀
        Tensor theta = Tensor.parameter(new DMatrixRMaj(new double[][]{{1, -2}}));
        assertArrayEquals(new double[]{0.729, -1.458}, run(new Sgd(List.of(theta), 0.1), theta, 3), EXACT);
    }

    @Test
    void momentumByHand() {
        // θ₀ = 1, η = 0.1, μ = 0.9, g = θ:
        // step 1: b = 1,               θ = 1 − 0.1    = 0.9
        // step 2: b = 0.9·1 + 0.9 = 1.8, θ = 0.9 − 0.18 = 0.72
        // step 3: b = 0.9·1.8 + 0.72 = 2.34, θ = 0.72 − 0.234 = 0.486   (θ₀ = −2 gives twice that, negated)
        Tensor theta = Tensor.parameter(new DMatrixRMaj(new double[][]{{1}, {-2}}));
        Sgd sgd = new Sgd(List.of(theta), 0.1, 0.9);
        assertArrayEquals(new double[]{0.9, -1.8}, run(sgd, theta, 1), EXACT);
        assertArrayEquals(new double[]{0.72, -1.44}, run(sgd, theta, 1), EXACT);
        assertArrayEquals(new double[]{0.486, -0.972}, run(sgd, theta, 1), EXACT);
    }

    @Test
    void convergesOnLeastSquares() {
        LeastSquares ls = new LeastSquares(21);
        Sgd sgd = new Sgd(List.of(ls.w), 0.1, 0.9);
        for (int s = 0; s < 300; s++) {
            sgd.zeroGrad();
            ls.loss().backward();
            sgd.step();
        }
        assertArrayEquals(ls.wTrue, ls.w.value().data, LeastSquares.TOL);
    }

    @Test
    void learningRateCanChangeAndParametersWithoutGradientAreSkipped() {
        Tensor a = Tensor.parameter(new DMatrixRMaj(new double[][]{{1}})), unused = Tensor.parameter(new DMatrixRMaj(new double[][]{{5}}));
        Sgd sgd = new Sgd(List.of(a, unused), 0.1);
        sgd.setLearningRate(0.5);
        assertEquals(0.5, sgd.learningRate());
        backwardHalfSquare(a);
        sgd.step();
        assertEquals(0.5, a.get(0, 0), EXACT);
        assertEquals(5.0, unused.get(0, 0), EXACT);
        assertNull(unused.grad());
        sgd.zeroGrad();
        assertEquals(0.0, a.grad().get(0, 0));
    }

    @Test
    void badArgumentsAreRejected() {
        Tensor a = Tensor.parameter(new DMatrixRMaj(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of(a, a), 0.1));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of(Tensor.zeros(1, 1)), 0.1));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of(a), -1));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of(a), 0.1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of(a), 0.1).setLearningRate(Double.NaN));
    }
}
