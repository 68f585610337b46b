package jattn.attention;

import org.junit.jupiter.api.Test;

import java.util.Map;

/** {@link DotScore} against PyTorch's {@code Q @ K.T} ({@code scores.json}): scores and ∂L/∂Q, ∂L/∂K. */
class TestDotScoreAgainstTorch {

    /** O(1) scores, sums of 4 products (observed ≤ 4.5e-16). */
    static final double VALUE_TOL = 1e-14;
    /** ∂L/∂Q = C·K, ∂L/∂K = Cᵀ·Q, sums of 3–5 products (observed ≤ 2.3e-16). */
    static final double GRAD_TOL = 1e-14;

    @Test
    void matchesTorch() {
        ScoresFixture.check("dot", new DotScore(), Map.of(), VALUE_TOL, GRAD_TOL);
    }
}
