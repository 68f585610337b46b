package jattn.experiments;

import org.junit.jupiter.api.Test;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestStopRules {

    @Test
    void exactMatchStopsWhenTheLastEvaluationReachesTheTarget() {
        ExactMatch rule = ExactMatch.of(0.99);
        assertFalse(rule.stop(new double[0]));
        assertFalse(rule.stop(new double[]{0.995, 0.98}));       // only the last one counts
        assertTrue(rule.stop(new double[]{0.5, 0.99}));
        assertRejects(() -> ExactMatch.of(-0.1), "≥ 0");
    }

    @Test
    void aPlateauWaitsForItsPatienceAndComparesTheBestValues() {
        Plateau rule = Plateau.gainAtMost(0.01).over(2);
        assertEquals(new Plateau(0.01, 2), rule);
        assertFalse(rule.stop(new double[]{0.1, 0.1}));          // not more than k evaluations yet
        assertTrue(rule.stop(new double[]{0.1, 0.1, 0.105}));    // best of the last two gained 0.005 ≤ 0.01
        assertFalse(rule.stop(new double[]{0.1, 0.1, 0.2}));     // gained 0.1
        assertTrue(rule.stop(new double[]{0.1, 0.3, 0.25, 0.2}));   // best before 0.3, best of the last two 0.25: no gain
        assertFalse(rule.stop(new double[]{0.1, 0.3, 0.25, 0.32})); // 0.32 − 0.3 = 0.02 > 0.01
        assertRejects(() -> Plateau.gainAtMost(-1).over(2), "δ ≥ 0");
        assertRejects(() -> Plateau.gainAtMost(0.01).over(0), "patience");
    }
}
