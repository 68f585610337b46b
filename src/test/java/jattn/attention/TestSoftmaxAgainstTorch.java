package jattn.attention;

import jattn.autograd.Tensor;
import jattn.testing.Fixtures;
import org.junit.jupiter.api.Test;

import static jattn.testing.TorchAssert.*;

/**
 * {@link Softmax} against PyTorch ({@code masked_softmax.json}, outputs "plain*"):
 * {@code torch.softmax(logits / τ, -1)} for τ = 1, 0.5, 2, ignoring the cases' masks, and
 * ∂L/∂logits of L = Σ out ⊙ C. The "extreme" case has logits of ±1e4.
 */
class TestSoftmaxAgainstTorch {

    /** Weights in [0, 1]: a few ulps (observed ≤ 2.3e-16; Math.exp may differ from torch's exp by an ulp). */
    static final double WEIGHT_TOL = 1e-14;
    /** ∂L/∂logits, O(1) values (observed ≤ 8.8e-16). */
    static final double GRAD_TOL = 1e-14;

    static final Fixtures F = Fixtures.load("masked_softmax.json");

    @Test
    void plainSoftmaxWithAndWithoutTemperatureMatchesTorch() {
        for (String c : F.keys("inputs"))
            for (String key : F.keys("outputs", c)) {
                if (!key.startsWith("plain")) continue;
                double tau = TestMaskedSoftmaxAgainstTorch.tau(key);
                Tensor logits = F.parameter("inputs", c, "logits");
                Tensor y = tau == 1.0 ? Softmax.apply(logits) : Softmax.apply(logits, tau);
                weightedSum(y, F.matrix("loss", c, "C")).backward();
                assertMatches(c + "." + key, F.matrix("outputs", c, key), y, WEIGHT_TOL);
                assertGradMatches("logits " + c + "." + key, F.matrix("grads", c, key), logits, GRAD_TOL);
            }
    }
}
