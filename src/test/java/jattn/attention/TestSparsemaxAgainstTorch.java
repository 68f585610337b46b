package jattn.attention;

import jattn.autograd.Tensor;
import jattn.testing.Fixtures;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static jattn.testing.TorchAssert.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Sparsemax} against {@code sparsemax.json} (tools/fixtures/fixtures_sparsemax.py): PyTorch
 * has no sparsemax, so the fixture is the paper's sort-based algorithm written in torch, with
 * torch's autograd through the sort for the gradient, itself checked there against a brute force
 * over all supports and against the closed-form Jacobian (eq. 14). Weights, ∂L/∂scores for
 * L = Σ out ⊙ C, and the thresholds τ, for τ_temperature = 1, 0.5, 2.
 */
class TestSparsemaxAgainstTorch {

    /** Weights and thresholds, O(1) values from sums of a few scores. */
    static final double VALUE_TOL = 1e-14;
    /** ∂L/∂scores, O(1) values. */
    static final double GRAD_TOL = 1e-14;

    static final Fixtures F = Fixtures.load("sparsemax.json");

    static double temperature(String key) {
        return key.equals("tau0.5") ? 0.5 : key.equals("tau2") ? 2.0 : 1.0;
    }

    @Test
    void theTemperaturesAreTheFixtures() {
        assertArrayEquals(new double[]{0.5, 2.0}, F.doubles("config", "taus"));
    }

    @Test
    void weightsGradientsAndThresholdsMatchTorch() {
        int compared = 0;
        for (String c : F.keys("inputs"))
            for (String key : F.keys("grads", c)) {
                double t = temperature(key);
                Tensor scores = F.parameter("inputs", c, "scores");
                Tensor y = Sparsemax.apply(scores, t);
                weightedSum(y, F.matrix("loss", c, "C")).backward();
                String what = c + "." + key;
                assertMatches(what, F.matrix("outputs", c, key), y, VALUE_TOL);
                assertGradMatches("scores " + what, F.matrix("grads", c, key), scores, GRAD_TOL);
                assertArrayEquals(F.doubles("outputs", c, "thresholds", key), Sparsemax.thresholds(scores, t), VALUE_TOL, what);
                compared++;
            }
        assertEquals(9, compared, "three cases × three temperatures");
    }

    @Test
    void theZerosAreExactlyTorchsZeros() {
        for (String c : F.keys("inputs")) {
            DMatrixRMaj expected = F.matrix("outputs", c, "plain");
            DMatrixRMaj y = Sparsemax.apply(F.tensor("inputs", c, "scores")).value();
            int zeros = 0;
            for (int i = 0; i < expected.getNumElements(); i++)
                if (expected.data[i] == 0) {
                    assertExactlyZero(c, y, i / y.numCols, i % y.numCols);
                    zeros++;
                } else assertTrue(y.data[i] > 0, c + ": a positive torch weight is positive here");
            assertTrue(zeros > 0, c + " has exact zeros");
        }
    }
}
