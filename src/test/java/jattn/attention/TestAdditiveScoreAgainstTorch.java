package jattn.attention;

import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * {@link AdditiveScore} against PyTorch's {@code (tanh((Q @ Wq)[:, None] + (K @ Wk)[None] + b) @ v)}
 * ({@code scores.json}): scores and ∂L/∂Q, ∂L/∂K, ∂L/∂Wq, ∂L/∂Wk, ∂L/∂b, ∂L/∂v. The bias b belongs
 * to the key projection, as in our constructor {@code AdditiveScore(Wq, Wk, b, v)}.
 */
class TestAdditiveScoreAgainstTorch {

    /** Sums of 6 tanh values; our fast tanh is within 1e-15 of the exact one (observed ≤ 8.9e-16). */
    static final double VALUE_TOL = 1e-13;
    /** Gradients through tanh' and two products (observed ≤ 1.3e-15). */
    static final double GRAD_TOL = 1e-13;

    @Test
    void matchesTorch() {
        Tensor wq = ScoresFixture.param("Wq"), wk = ScoresFixture.param("Wk"),
               b = ScoresFixture.param("b"), v = ScoresFixture.param("v");
        ScoresFixture.check("additive", new AdditiveScore(wq, wk, b, v),
                Map.of("Wq", wq, "Wk", wk, "b", b, "v", v), VALUE_TOL, GRAD_TOL);
    }

    @Test
    void projectingTheKeysOnceGivesTheSameScores() {
        Tensor wq = ScoresFixture.param("Wq"), wk = ScoresFixture.param("Wk"),
               b = ScoresFixture.param("b"), v = ScoresFixture.param("v");
        AdditiveScore score = new AdditiveScore(wq, wk, b, v);
        Score viaProjectedKeys = (q, k) -> score.scoresWithProjectedKeys(q, score.projectKeys(k));
        ScoresFixture.check("additive", viaProjectedKeys, Map.of("Wq", wq, "Wk", wk, "b", b, "v", v), VALUE_TOL, GRAD_TOL);
    }
}
