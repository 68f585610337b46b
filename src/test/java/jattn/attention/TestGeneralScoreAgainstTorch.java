package jattn.attention;

import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * {@link GeneralScore} against PyTorch's {@code Q @ W @ K.T} ({@code scores.json}): scores and
 * ∂L/∂Q, ∂L/∂K, ∂L/∂W. W (4×4) is used as stored (our layout is torch's, no transpose).
 */
class TestGeneralScoreAgainstTorch {

    /** O(1) scores, two chained products (observed ≤ 1.2e-16). */
    static final double VALUE_TOL = 1e-13;
    /** Gradients through two products (observed ≤ 5.6e-16). */
    static final double GRAD_TOL = 1e-13;

    @Test
    void matchesTorch() {
        Tensor w = ScoresFixture.param("W");
        ScoresFixture.check("general", new GeneralScore(w), Map.of("W", w), VALUE_TOL, GRAD_TOL);
    }
}
