package jattn.nn;

import jattn.testing.TensorAssert;
import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestLayerNorm {

    /** A layer with random γ and β, so that neither is the identity. */
    private static LayerNorm randomLayer(int d, Random rng) {
        return new LayerNorm(random(1, d, rng), random(1, d, rng), LayerNorm.DEFAULT_EPS);
    }

    @Test
    void handComputedRow() {
        // x = [1, 2, 3]: μ = 2, σ² = 2/3, x̂ = [−1, 0, 1]/√(2/3 + ε)
        LayerNorm ln = new LayerNorm(3);
        Tensor y = ln.forward(Tensor.row(1, 2, 3));
        double s = 1 / Math.sqrt(2.0 / 3 + 1e-5);
        assertClose(Tensor.row(-s, 0, s).value(), y.value(), CLOSE);
    }

    @Test
    void rowsComeOutWithMeanZeroAndUnitVariance() {
        Tensor x = random(5, 8, new Random(1)).scale(3).addScalar(2);
        Tensor y = new LayerNorm(8).forward(x);
        for (int i = 0; i < 5; i++) {
            double mean = 0, sq = 0, varX = 0, meanX = 0;
            for (int j = 0; j < 8; j++) { mean += y.get(i, j) / 8; meanX += x.get(i, j) / 8; }
            for (int j = 0; j < 8; j++) { sq += y.get(i, j) * y.get(i, j) / 8; varX += Math.pow(x.get(i, j) - meanX, 2) / 8; }
            assertEquals(0.0, mean, CLOSE);
            assertEquals(varX / (varX + 1e-5), sq - mean * mean, CLOSE);  // ε shrinks the variance slightly
        }
    }

    @Test
    void fusedMatchesComposedInValueAndGradients() {
        Random rng = new Random(2);
        LayerNorm ln = randomLayer(6, rng);
        Tensor x = random(4, 6, rng);
        Tensor fused = ln.forward(x), composed = ln.forwardReadable(x);
        assertClose(composed.value(), fused.value(), CLOSE);

        weightedSum(fused).backward();
        DMatrixRMaj gx = x.grad().copy(), gg = ln.gamma().grad().copy(), gb = ln.beta().grad().copy();
        x.zeroGrad();
        ln.zeroGrad();
        weightedSum(composed).backward();
        assertClose(x.grad(), gx, CLOSE);
        assertClose(ln.gamma().grad(), gg, CLOSE);
        assertClose(ln.beta().grad(), gb, CLOSE);
    }

    @Test
    void fusedGradientsAreChecked() {
        Random rng = new Random(3);
        LayerNorm ln = randomLayer(5, rng);
        assertGrad(p -> new LayerNorm(p[1], p[2], LayerNorm.DEFAULT_EPS).forward(p[0]),
                random(3, 5, rng), ln.gamma(), ln.beta());
        // degenerate: one row; a width of one (x̂ = 0, so y = β and ∂L/∂x = 0)
        assertGrad(p -> new LayerNorm(p[1], p[2], LayerNorm.DEFAULT_EPS).forward(p[0]),
                random(1, 5, rng), ln.gamma(), ln.beta());
        LayerNorm one = randomLayer(1, rng);
        Tensor x = random(4, 1, rng);
        assertGrad(p -> new LayerNorm(p[1], p[2], LayerNorm.DEFAULT_EPS).forward(p[0]), x, one.gamma(), one.beta());
        for (int i = 0; i < 4; i++) assertEquals(one.beta().get(0, 0), one.forward(x).get(i, 0), CLOSE);
    }

    @Test
    void constantRowsGiveBetaNotNaN() {
        DMatrixRMaj c = new DMatrixRMaj(2, 4);
        c.fill(7.0);
        LayerNorm ln = randomLayer(4, new Random(4));
        Tensor y = ln.forward(Tensor.constant(c));
        for (int j = 0; j < 4; j++) assertEquals(ln.beta().get(0, j), y.get(1, j), CLOSE);
    }

    @Test
    void badShapesAreRejected() {
        LayerNorm ln = new LayerNorm(4);
        assertRejects(() -> ln.forward(Tensor.zeros(2, 3)), "(2×3)", "(1×4)");
        assertRejects(() -> ln.forwardReadable(Tensor.zeros(2, 3)), "(2×3)", "(1×4)");
        assertRejects(() -> new LayerNorm(Tensor.zeros(1, 4), Tensor.zeros(1, 3), 1e-5), "(1×4)", "(1×3)");
        assertRejects(() -> new LayerNorm(Tensor.zeros(1, 4), Tensor.zeros(1, 4), 0), "ε");
        assertEquals(8, ln.parameterCount());
        assertEquals(4, ln.size());
    }
}
