package jattn.nn;

import jattn.autograd.Tensor;
import jattn.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.function.BiFunction;

import static jattn.testing.TorchAssert.*;

/**
 * {@link LayerNorm} against {@code torch.nn.LayerNorm(6, eps=1e-5)} with random γ, β
 * ({@code layer_norm.json}, x 4×6): y and the gradients of L = Σ y ⊙ C for x, γ, β, for both
 * the fused {@link LayerNorm#forward} and {@link LayerNorm#forwardReadable}.
 */
class TestLayerNormAgainstTorch {

    /** y = γ ⊙ x̂ + β, O(1) (observed ≤ 4.5e-16). */
    static final double VALUE_TOL = 1e-14;
    /** Gradients through the mean and variance (observed ≤ 1.4e-15). */
    static final double GRAD_TOL = 1e-14;

    static final Fixtures F = Fixtures.load("layer_norm.json");

    void check(String how, BiFunction<LayerNorm, Tensor, Tensor> forward) {
        Tensor gamma = F.parameter("params", "gamma"), beta = F.parameter("params", "beta"), x = F.parameter("inputs", "x");
        LayerNorm ln = new LayerNorm(gamma, beta, F.scalar("config", "eps"));
        Tensor y = forward.apply(ln, x);
        assertMatches("y (" + how + ")", F.matrix("outputs", "y"), y, VALUE_TOL);
        weightedSum(y, F.matrix("loss", "C")).backward();
        assertGradMatches("x (" + how + ")", F.matrix("grads", "x"), x, GRAD_TOL);
        assertGradMatches("gamma (" + how + ")", F.matrix("grads", "gamma"), gamma, GRAD_TOL);
        assertGradMatches("beta (" + how + ")", F.matrix("grads", "beta"), beta, GRAD_TOL);
    }

    @Test
    void fusedForwardMatchesTorch() {
        check("forward", LayerNorm::forward);
    }

    @Test
    void composedForwardMatchesTorch() {
        check("forwardReadable", LayerNorm::forwardReadable);
    }
}
