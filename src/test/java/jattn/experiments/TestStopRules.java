package jattn.experiments;

import org.junit.jupiter.api.Test;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestStopRules {

    private static StopRule.Evaluations exact(double... em) { return new StopRule.Evaluations(em, new double[em.length]); }

    private static StopRule.Evaluations losses(double... loss) { return new StopRule.Evaluations(new double[loss.length], loss); }

    @Test
    void exactMatchStopsWhenTheLastEvaluationReachesTheTarget() {
        ExactMatch rule = ExactMatch.of(0.99);
        assertFalse(rule.stop(exact()));
        assertFalse(rule.stop(exact(0.995, 0.98)));                 // only the last one counts
        assertTrue(rule.stop(exact(0.5, 0.99)));
        assertRejects(() -> ExactMatch.of(-0.1), "≥ 0");
    }

    @Test
    void aPlateauWaitsForItsPatienceAndComparesTheLowestLosses() {
        Plateau rule = Plateau.lossDropAtMost(0.01).over(2);
        assertEquals(new Plateau(0.01, 2), rule);
        assertFalse(rule.stop(losses(1.0, 1.0)));                   // not more than k evaluations yet
        assertTrue(rule.stop(losses(1.0, 1.0, 0.995)));             // the last two lowered it by 0.005 ≤ 0.01
        assertFalse(rule.stop(losses(1.0, 1.0, 0.9)));              // by 0.1
        assertTrue(rule.stop(losses(1.0, 0.5, 0.6, 0.55)));         // lowest before 0.5, lowest since 0.55: no drop
        assertFalse(rule.stop(losses(1.0, 0.5, 0.6, 0.48)));        // 0.5 − 0.48 = 0.02 > 0.01
        assertFalse(rule.stop(new StopRule.Evaluations(new double[]{0, 0, 0, 0}, new double[]{2, 1.5, 1.2, 1.0})),
                "a flat exact match near 0 is no plateau while the loss falls");
        assertRejects(() -> Plateau.lossDropAtMost(-1).over(2), "δ ≥ 0");
        assertRejects(() -> Plateau.lossDropAtMost(0.01).over(0), "patience");
        assertRejects(() -> new StopRule.Evaluations(new double[1], new double[2]), "1 exact matches", "2 losses");
    }
}
