package jattn.train;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TestAdam {

    static final double TOL = 1e-12;

    /** θ = (1, −2) as a (1×2) parameter, L = ½ Σ θ² (so g = θ) unless {@code zeroLoss}. */
    static double[][] run(Adam adam, Tensor theta, int steps, boolean zeroLoss) {
        double[][] out = new double[steps][];
        for (int s = 0; s < steps; s++) {
            adam.zeroGrad();
            theta.square().sum().scale(zeroLoss ? 0 : 0.5).backward();
            adam.step();
            out[s] = theta.value().data.clone();
        }
        return out;
    }

    static Tensor theta() {
        return Tensor.parameter(new DMatrixRMaj(new double[][]{{1, -2}}));
    }

    /*
     * Expected values: step 1 by hand; all steps evaluated with 40-digit decimals from the
     * paper's form θ ← θ − η·m̂/(√v̂ + ε), m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ) (the code uses PyTorch's
     * algebraically equal form η/(1−β₁ᵗ)·m/(√v/√(1−β₂ᵗ) + ε)).
     *
     * Defaults, θ₀ = 1, g = 1: m = 0.1, v = 0.001, m̂ = 1, v̂ = 1 → θ₁ = 1 − 0.1/(1 + 1e-8) ≈ 0.9 + 1e-9.
     * Step 2, g = 0.9: m = 0.09 + 0.09 = 0.18, v = 0.000999 + 0.00081 = 0.001809,
     * m̂ = 0.18/0.19, v̂ = 0.001809/0.001999, θ₂ = 0.9 − 0.1·0.947368/0.951290 ≈ 0.800412.
     */
    @Test
    void defaultsMatchHandComputedUpdates() {
        Tensor theta = theta();
        Adam adam = new Adam(List.of(theta), 0.1);
        double[][] got = run(adam, theta, 3, false);
        assertArrayEquals(new double[]{0.90000000099999999, -1.9000000004999999975}, got[0], TOL);
        assertArrayEquals(new double[]{0.80041222971233739111, -1.8001664866210921364}, got[1], TOL);
        assertArrayEquals(new double[]{0.70158627450441421423, -1.7006233928121131843}, got[2], TOL);
        assertEquals(3, adam.stepCount(0));
    }

    /*
     * β₁ = 0.5, β₂ = 0.9, ε = 0.1 make every term visible. Step 1: m̂ = g, v̂ = g², so
     * θ₁ = θ₀ − 0.1·g/(|g| + 0.1): 1 − 0.1/1.1 = 0.909090…, −2 + 0.2/2.1 = −1.904761…
     */
    @Test
    void customBetasAndEpsMatchHandComputedUpdates() {
        Tensor theta = theta();
        double[][] got = run(new Adam(List.of(theta), 0.1, 0.5, 0.9, 0.1, 0), theta, 3, false);
        assertArrayEquals(new double[]{1 - 0.1 / 1.1, -2 + 0.2 / 2.1}, got[0], TOL);
        assertArrayEquals(new double[]{0.81989956810210769846, -1.8103190396435256604}, got[1], TOL);
        assertArrayEquals(new double[]{0.73333550444107821393, -1.7170966008631875493}, got[2], TOL);
    }

    /* λ = 0.5 with a zero loss: g = 0.5·θ, so step 1 moves by 0.1·g/(|g| + 1e-8) ≈ 0.1·sign(θ). */
    @Test
    void weightDecayIsAnL2TermAddedToTheGradient() {
        Tensor theta = theta();
        double[][] got = run(new Adam(List.of(theta), 0.1, 0.9, 0.999, 1e-8, 0.5), theta, 3, true);
        assertArrayEquals(new double[]{0.90000000199999996, -1.90000000099999999}, got[0], TOL);
        assertArrayEquals(new double[]{0.80041223175342785076, -1.8001664876318755351}, got[1], TOL);
        assertArrayEquals(new double[]{0.70158627762118350113, -1.7006233943434106074}, got[2], TOL);
        assertArrayEquals(new double[2], theta.grad().data, 0.0);   // the gradient itself is not modified
    }

    @Test
    void convergesOnLeastSquares() {
        LeastSquares ls = new LeastSquares(22);
        Adam adam = new Adam(List.of(ls.w), 0.05);
        for (int s = 0; s < 2000; s++) {
            adam.zeroGrad();
            ls.loss().backward();
            adam.step();
        }
        assertArrayEquals(ls.wTrue, ls.w.value().data, LeastSquares.TOL);
    }

    @Test
    void eachParameterCountsItsOwnSteps() {
        Tensor a = theta(), b = theta();
        Adam adam = new Adam(List.of(a, b));
        assertEquals(Adam.DEFAULT_LR, adam.learningRate());
        a.square().sum().backward();
        adam.step();                       // b has no gradient yet: skipped, t stays 0
        assertEquals(1, adam.stepCount(0));
        assertEquals(0, adam.stepCount(1));
        assertArrayEquals(new double[]{1, -2}, b.value().data, 0.0);
        // b's first update is a first step (bias corrections with t = 1): moves by ≈ η·sign(g)
        b.square().sum().backward();
        adam.step();
        assertEquals(1, adam.stepCount(1));
        assertArrayEquals(new double[]{1 - 1e-3, -2 + 1e-3}, b.value().data, 1e-9);
    }

    @Test
    void badArgumentsAreRejected() {
        Tensor a = theta();
        assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(a), 0.1, 1.0, 0.999, 1e-8, 0));
        assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(a), 0.1, 0.9, 0.999, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(a), 0.1, 0.9, 0.999, 1e-8, -1));
        assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(a, a)));
    }
}
