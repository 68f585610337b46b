package jattn.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TestLearningRateSchedule {

    static final double EXACT = 1e-12;

    @Test
    void constantAndStepDecay() {
        LearningRateSchedule c = LearningRateSchedule.constant(0.1);
        assertEquals(0.1, c.at(0));
        assertEquals(0.1, c.at(1_000_000));
        // halved every 10 updates: s = 0…9 → 1, 10…19 → 0.5, 25 → 0.25
        LearningRateSchedule d = LearningRateSchedule.stepDecay(1.0, 10, 0.5);
        assertEquals(1.0, d.at(0), EXACT);
        assertEquals(1.0, d.at(9), EXACT);
        assertEquals(0.5, d.at(10), EXACT);
        assertEquals(0.25, d.at(25), EXACT);
    }

    @Test
    void warmupThenCosine() {
        // W = 4, S = 14: warm-up 0.25, 0.5, 0.75, 1; then p = (s − 4)/10
        LearningRateSchedule w = LearningRateSchedule.warmupCosine(1.0, 4, 14, 0.1);
        assertEquals(0.25, w.at(0), EXACT);
        assertEquals(1.0, w.at(3), EXACT);
        assertEquals(1.0, w.at(4), EXACT);                 // p = 0: cos 0 = 1
        assertEquals(0.1 + 0.9 * 0.5, w.at(9), EXACT);     // p = ½: cos(π/2) = 0
        assertEquals(0.1, w.at(14), EXACT);                // p = 1: cos π = −1
        assertEquals(0.1, w.at(500), EXACT);
        // no warm-up: starts at the peak
        assertEquals(2.0, LearningRateSchedule.warmupCosine(2.0, 0, 10, 0).at(0), EXACT);
    }

    @Test
    void warmupThenLinear() {
        LearningRateSchedule w = LearningRateSchedule.warmupLinear(1.0, 2, 6);
        assertEquals(0.5, w.at(0), EXACT);
        assertEquals(1.0, w.at(1), EXACT);
        assertEquals(1.0, w.at(2), EXACT);
        assertEquals(0.5, w.at(4), EXACT);                 // p = (4 − 2)/4
        assertEquals(0.0, w.at(6), EXACT);
        assertEquals(0.0, w.at(7), EXACT);
        assertEquals(1.0, LearningRateSchedule.warmupLinear(1.0, 3, 3).at(2), EXACT);
        assertEquals(0.0, LearningRateSchedule.warmupLinear(1.0, 3, 3).at(3), EXACT);
    }

    @Test
    void noamPeaksAtTheEndOfWarmup() {
        // dModel = 512, W = 4000: the peak at s + 1 = 4000 is 512^(−½)·4000^(−½) = 1/√2 048 000
        LearningRateSchedule n = LearningRateSchedule.noam(512, 4000, 1.0);
        assertEquals(1 / Math.sqrt(2_048_000), n.at(3999), EXACT);
        assertEquals(1 / Math.sqrt(512) * Math.pow(4000, -1.5), n.at(0), EXACT);
        assertTrue(n.at(1999) < n.at(3999) && n.at(7999) < n.at(3999));
        assertEquals(n.at(3999) / Math.sqrt(4), n.at(15999), EXACT);   // then ∝ 1/√(s+1)
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant(0));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.stepDecay(1, 0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.stepDecay(1, 5, 1.5));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.warmupCosine(1, 5, 4, 0));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.warmupCosine(1, 1, 4, 2));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.noam(0, 10, 1));
    }
}
