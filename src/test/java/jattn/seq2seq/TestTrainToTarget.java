package jattn.seq2seq;

import jattn.data.SentencePair;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TestTrainToTarget {

    static final List<SentencePair> DIGITS = CopyTask.generate(1200, 2, 4, 3);
    static final List<SentencePair> TRAIN = DIGITS.subList(0, 1000), TEST = DIGITS.subList(1000, 1200);
    static final Seq2SeqTask TASK = CopyTask.of(TRAIN, 4);

    static TrainToTarget.Settings settings(double target, int maxSteps) {
        return new TrainToTarget.Settings(1e-2, 5, 32, 1.0, 10, target, maxSteps, 0);
    }

    @Test
    void stopsAtTheFirstEvaluationThatReachesTheTarget() {
        TrainToTarget.Result r = TrainToTarget.train(TASK, TASK.newModel(8, 16, true, 0), TRAIN, TEST, settings(0.0, 100), false);
        assertEquals(10, r.steps());
        assertArrayEquals(new int[]{10}, r.evalSteps());
    }

    @Test
    void givesUpAfterMaxStepsAndEvaluatesThere() {
        TrainToTarget.Result r = TrainToTarget.train(TASK, TASK.newModel(8, 16, true, 0), TRAIN, TEST, settings(1.01, 25), false);
        assertEquals(25, r.steps());
        assertArrayEquals(new int[]{10, 20, 25}, r.evalSteps());
        assertEquals(3, r.exactMatch().length);
    }

    @Test
    void learnsToCopyShortStringsWithAttention() {
        Seq2Seq model = TASK.newModel(8, 32, true, 0);
        double before = TASK.exactMatch(TASK.predict(model, TEST), TEST);
        TrainToTarget.Result r = TrainToTarget.train(TASK, model, TRAIN, TEST, settings(0.9, 400), false);
        assertTrue(before < 0.1, "untrained exact match " + before);
        assertTrue(r.finalExactMatch() >= 0.9, "exact match after " + r.steps() + " updates: " + r.finalExactMatch());
        assertEquals(r.finalExactMatch(), TASK.exactMatch(TASK.predict(model, TEST), TEST), 1e-12);   // the model was modified
        assertTrue(r.stepLosses()[r.steps() - 1] < r.stepLosses()[0]);
    }

    @Test
    void rejectsEmptyDataAndBadSettings() {
        assertThrows(IllegalArgumentException.class,
                () -> TrainToTarget.train(TASK, TASK.newModel(8, 16, true, 0), TRAIN, List.of(), settings(0.5, 10), false));
        assertThrows(IllegalArgumentException.class, () -> settings(0.5, 0));
    }

    @Test
    void dateSettingsAreTheBenchmarks() {
        TrainToTarget.Settings d = TrainToTarget.Settings.dates();
        assertEquals(6e-3, d.peakLearningRate());
        assertEquals(20, d.warmup());
        assertEquals(64, d.batchSize());
        assertEquals(0.99, d.target());
    }
}
