package jattn.attention;

import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * {@link CosineScore} against PyTorch's {@code (Q @ K.T) / (Q.norm(dim=1)[:, None] * K.norm(dim=1)[None, :])}
 * ({@code scores.json}): scores and ∂L/∂Q, ∂L/∂K.
 *
 * <p>Torch's formula has no ε; ours puts ε under each square root, ‖x‖ε = √(Σx² + ε). With
 * ε = 0 the two are the same function. With the default ε = 1e-12 each norm grows by a factor
 * of about 1 + ε/(2‖x‖²); the fixture's smallest row has ‖k‖² = 0.545, so scores and gradients
 * (entries up to ≈ 1.4) move by up to ≈ 2e-12, which the looser tolerance covers.
 */
class TestCosineScoreAgainstTorch {

    /** Scores in [−1, 1], ε = 0 (observed ≤ 1.2e-16). */
    static final double VALUE_TOL = 1e-14;
    /** Gradients through the norms, ε = 0 (observed ≤ 6.7e-16). */
    static final double GRAD_TOL = 1e-14;
    /** With the default ε = 1e-12: relative changes of about ε/(2‖x‖²) (observed ≤ 1.9e-12). */
    static final double DEFAULT_EPSILON_TOL = 1e-11;

    @Test
    void withoutEpsilonMatchesTorch() {
        ScoresFixture.check("cosine", new CosineScore(0), Map.of(), VALUE_TOL, GRAD_TOL);
    }

    @Test
    void withTheDefaultEpsilonMatchesTorchToTheSizeOfEpsilon() {
        ScoresFixture.check("cosine", new CosineScore(), Map.of(), DEFAULT_EPSILON_TOL, DEFAULT_EPSILON_TOL);
    }
}
