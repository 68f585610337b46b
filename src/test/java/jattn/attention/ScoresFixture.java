package jattn.attention;

import jattn.autograd.Tensor;
import jattn.testing.Fixtures;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import static jattn.testing.TorchAssert.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shared check of the five {@code Test*ScoreAgainstTorch} classes against
 * {@code scores.json}: queries Q (3×4), keys K (5×4), outputs.&lt;score&gt; (3×5) and
 * grads.&lt;score&gt; of L = Σ score ⊙ C (the same C for every score).
 */
final class ScoresFixture {

    static final Fixtures F = Fixtures.load("scores.json");

    private ScoresFixture() {}

    /** The fixture's parameter {@code name} (e.g. "Wq") as a fresh leaf. */
    static Tensor param(String name) {
        return F.parameter("params", name);
    }

    /**
     * Scores the fixture's Q and K (fresh leaves) with {@code score}, compares the (m×n) scores
     * with outputs.&lt;name&gt;, back-propagates L = Σ scores ⊙ C and compares ∂L/∂Q, ∂L/∂K and
     * ∂L/∂p for every parameter p in {@code params} (fixture name → the leaf the score uses),
     * which must be exactly the parameters torch has gradients for.
     */
    static void check(String name, Score score, Map<String, Tensor> params, double valueTol, double gradTol) {
        Set<String> torchParams = new LinkedHashSet<>(F.keys("grads", name));
        torchParams.removeAll(Set.of("Q", "K"));
        assertEquals(torchParams, params.keySet(), name + ": the parameters compared are the ones torch differentiated");

        Tensor q = F.parameter("inputs", "Q"), k = F.parameter("inputs", "K");
        Tensor e = score.scores(q, k);                                   // (3×4), (5×4) → (3×5)
        assertMatches("scores." + name, F.matrix("outputs", name), e, valueTol);
        weightedSum(e, F.matrix("loss", "C")).backward();
        assertGradMatches("Q (" + name + ")", F.matrix("grads", name, "Q"), q, gradTol);
        assertGradMatches("K (" + name + ")", F.matrix("grads", name, "K"), k, gradTol);
        for (var p : params.entrySet())
            assertGradMatches(p.getKey() + " (" + name + ")", F.matrix("grads", name, p.getKey()), p.getValue(), gradTol);
    }
}
