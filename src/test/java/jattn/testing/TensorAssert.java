package jattn.testing;

import jattn.autograd.GradCheck;
import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shared helpers for the unit tests of every package:
 * random inputs from a seeded {@link Random}, a weighted sum as the loss so that every output
 * element gets a different gradient, and a finite-difference check with a named tolerance.
 */
public final class TensorAssert {

    /** Largest relative error allowed between analytic and numerical gradients. */
    public static final double GRAD_TOL = 1e-6;
    /** Two computations of the same value in a different order. */
    public static final double CLOSE = 1e-12;

    private TensorAssert() {}

    /** A (r×c) parameter with N(0, 1) entries. */
    public static Tensor random(int r, int c, Random rng) {
        DMatrixRMaj m = new DMatrixRMaj(r, c);
        for (int i = 0; i < m.data.length; i++) m.data[i] = rng.nextGaussian();
        return Tensor.parameter(m);
    }

    /** L = Σ wᵢⱼ yᵢⱼ with fixed, distinct weights wᵢⱼ = sin(1.3·k + 0.7). */
    public static Tensor weightedSum(Tensor y) {
        return y.mul(Tensor.constant(weights(y.rows(), y.cols()))).sum();
    }

    /** The weights of {@link #weightedSum}, i.e. ∂L/∂y. */
    public static DMatrixRMaj weights(int rows, int cols) {
        DMatrixRMaj w = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < w.data.length; i++) w.data[i] = Math.sin(1.3 * i + 0.7);
        return w;
    }

    /** Gradient-checks the weighted sum of {@code f}'s output with respect to every input. */
    public static void assertGrad(Function<Tensor[], Tensor> f, Tensor... in) {
        GradCheck.Result r = GradCheck.check(x -> weightedSum(f.apply(x)), in);
        assertTrue(r.maxRelativeError() <= GRAD_TOL, r.toString());
    }

    /**
     * A fast path against its readable twin: {@code fast} runs on the given inputs, {@code readable}
     * on parameter copies of them; their values agree within {@code tol}, and so does every input's
     * gradient after both pass {@code seed} (the upstream gradient) backward.
     */
    public static void assertTwins(Function<Tensor[], Tensor> fast, Function<Tensor[], Tensor> readable, Tensor seed,
                                   double tol, Tensor... inputs) {
        Tensor[] copies = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) copies[i] = Tensor.parameter(inputs[i].value().copy());
        Tensor f = fast.apply(inputs), r = readable.apply(copies);
        assertClose(r, f, tol);
        f.backward(seed.value());
        r.backward(seed.value());
        for (int i = 0; i < inputs.length; i++)
            assertClose(Tensor.constant(copies[i].grad()), Tensor.constant(inputs[i].grad()), tol);
    }

    /** The inputs of a gradient check: the given tensors first (x[0], x[1], ...), then the parameters. */
    public static Tensor[] inputsThenParameters(List<Tensor> params, Tensor... inputs) {
        List<Tensor> all = new ArrayList<>(List.of(inputs));
        all.addAll(params);
        return all.toArray(new Tensor[0]);
    }

    /** Same shape and values within {@code tol}. */
    public static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, double tol) {
        assertTrue(expected.numRows == actual.numRows && expected.numCols == actual.numCols,
                "shapes " + Tensor.shape(expected) + " and " + Tensor.shape(actual) + " differ");
        int n = expected.getNumElements();
        assertArrayEquals(java.util.Arrays.copyOf(expected.data, n), java.util.Arrays.copyOf(actual.data, n), tol);
    }

    /** Same shape and values within {@code tol}. */
    public static void assertClose(Tensor expected, Tensor actual, double tol) {
        assertClose(expected.value(), actual.value(), tol);
    }

    /** The call throws IllegalArgumentException whose message contains every given fragment. */
    public static void assertRejects(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments)
            assertTrue(e.getMessage().contains(f), "message lacks '" + f + "': " + e.getMessage());
    }
}
