package jattn.attention;

import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * {@link ScaledDotScore} against PyTorch's {@code Q @ K.T / math.sqrt(d)} with d = 4
 * ({@code scores.json}): scores and ∂L/∂Q, ∂L/∂K. A wrong scale (√2 instead of √d) is off by O(1).
 */
class TestScaledDotScoreAgainstTorch {

    /** O(1) scores (observed ≤ 2.3e-16). */
    static final double VALUE_TOL = 1e-14;
    /** Sums of 3–5 products, scaled (observed ≤ 1.2e-16). */
    static final double GRAD_TOL = 1e-14;

    @Test
    void matchesTorch() {
        ScoresFixture.check("scaledDot", new ScaledDotScore(), Map.of(), VALUE_TOL, GRAD_TOL);
    }
}
