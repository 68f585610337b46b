package jattn.experiments;

import jattn.seq2seq.Attention;
import jattn.data.SentencePair;
import jattn.seq2seq.Seq2Seq;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestTrainToTarget {

    static final List<SentencePair> DIGITS = CopyTask.generate(1400, 2, 4, 3);
    static final List<SentencePair> TRAIN = DIGITS.subList(0, 1000), VALID = DIGITS.subList(1000, 1200),
            TEST = DIGITS.subList(1200, 1400);
    static final Seq2SeqTask TASK = CopyTask.of(TRAIN, 4);
    static final Architecture SMALL = Architecture.copy().withEmbeddingSize(8).withHiddenSize(16).with(Attention.BAHDANAU);

    static TrainToTarget.Settings settings(StopRule stop, int maxUpdates) {
        return TrainToTarget.Settings.dates().withLearningRate(1e-2).withWarmup(5).withBatchSize(32).withEvalEvery(10)
                .stopAt(stop).withMaxUpdates(maxUpdates);
    }

    @Test
    void stopsAtTheFirstEvaluationThatReachesTheTarget() {
        TrainToTarget.Result r = TrainToTarget.train(TASK, TASK.newModel(SMALL), TRAIN, VALID, settings(ExactMatch.of(0.0), 100), Verbosity.QUIET);
        assertEquals(10, r.steps());
        assertArrayEquals(new int[]{10}, r.evalSteps());
        assertEquals(TrainToTarget.Stop.RULE, r.stoppedBy());
    }

    @Test
    void givesUpAfterTheBudgetAndEvaluatesThere() {
        TrainToTarget.Result r = TrainToTarget.train(TASK, TASK.newModel(SMALL), TRAIN, VALID, settings(ExactMatch.of(1.01), 25), Verbosity.QUIET);
        assertEquals(25, r.steps());
        assertArrayEquals(new int[]{10, 20, 25}, r.evalSteps());
        assertEquals(3, r.validExactMatch().length);
        assertEquals(TrainToTarget.Stop.BUDGET, r.stoppedBy());
    }

    @Test
    void learnsToCopyShortStringsWithAttentionJudgedOnValidation() {
        Seq2Seq model = TASK.newModel(SMALL.withHiddenSize(32));
        double before = TASK.exactMatch(TASK.predict(model, VALID), VALID);
        TrainToTarget.Result r = TrainToTarget.train(TASK, model, TRAIN, VALID, settings(ExactMatch.of(0.9), 400), Verbosity.QUIET);
        assertTrue(before < 0.1, "untrained exact match " + before);
        assertTrue(r.finalValidExactMatch() >= 0.9, "exact match after " + r.steps() + " updates: " + r.finalValidExactMatch());
        assertEquals(r.finalValidExactMatch(), TASK.exactMatch(TASK.predict(model, VALID), VALID), 1e-12);   // the model was modified
        assertEquals(r.finalValidLoss(), TrainToTarget.meanLoss(TASK, model, VALID), 1e-12);
        assertEquals(TASK.loss(model, VALID).item(), TrainToTarget.meanLoss(TASK, model, VALID), 1e-9);    // one batch: the same mean
        double test = TASK.exactMatch(TASK.predict(model, TEST), TEST);                                      // the test set, once
        assertTrue(test >= 0.8, "test exact match " + test);
        assertTrue(r.stepLosses()[r.steps() - 1] < r.stepLosses()[0]);
        assertEquals(r.steps(), r.updateNumbers()[r.steps() - 1]);
        assertEquals(r.evalSteps()[0], r.evalUpdates()[0]);
    }

    @Test
    void aPlateauStopsARunThatNoLongerImproves() {
        // a learning rate far too small: the validation loss stays at its start, so the curve is flat from the beginning
        TrainToTarget.Settings s = settings(Plateau.lossDropAtMost(0.01).over(3), 200).withLearningRate(1e-9);
        TrainToTarget.Result r = TrainToTarget.train(TASK, TASK.newModel(SMALL), TRAIN, VALID, s, Verbosity.QUIET);
        assertEquals(TrainToTarget.Stop.RULE, r.stoppedBy());
        assertEquals(40, r.steps(), "stops after the 4th evaluation: 3 evaluations without a drop after the first");
        assertEquals(4, r.validLoss().length);
        assertTrue(r.validLoss()[0] > 1, "an untrained model's loss is near ln |V|: " + r.validLoss()[0]);
    }

    @Test
    void skippingTheValidationLossChangesNothingElse() {
        TrainToTarget.Settings s = settings(ExactMatch.of(0.9), 60);
        TrainToTarget.Result measured = TrainToTarget.train(TASK, TASK.newModel(SMALL), TRAIN, VALID, s, Verbosity.QUIET);
        TrainToTarget.Result skipped = TrainToTarget.train(TASK, TASK.newModel(SMALL), TRAIN, VALID, s, Verbosity.QUIET, ValidationLoss.SKIPPED);
        assertArrayEquals(measured.stepLosses(), skipped.stepLosses(), "the same updates (the loss pass has no side effects)");
        assertArrayEquals(measured.evalSteps(), skipped.evalSteps());
        assertArrayEquals(measured.validExactMatch(), skipped.validExactMatch());
        assertEquals(measured.stoppedBy(), skipped.stoppedBy());
        assertTrue(measured.validLoss()[0] > 0, "measured: " + measured.validLoss()[0]);
        assertEquals(measured.validLoss().length, skipped.validLoss().length, "one entry per evaluation");
        for (double loss : skipped.validLoss()) assertTrue(Double.isNaN(loss), "skipped losses are NaN: " + loss);
    }

    @Test
    void aPlateauRuleNeedsTheValidationLoss() {
        assertRejects(() -> TrainToTarget.train(TASK, TASK.newModel(SMALL), TRAIN, VALID, settings(Plateau.lossDropAtMost(0.01).over(3), 40),
                Verbosity.QUIET, ValidationLoss.SKIPPED), "ValidationLoss.MEASURED");
    }

    @Test
    void rejectsEmptyDataAndBadSettings() {
        assertRejects(() -> TrainToTarget.train(TASK, TASK.newModel(SMALL), TRAIN, List.of(), settings(ExactMatch.of(0.5), 10), Verbosity.QUIET),
                "validation");
        assertRejects(() -> settings(ExactMatch.of(0.5), 0), "maxUpdates");
        assertRejects(() -> TrainToTarget.Settings.dates().stopAt(null), "stop rule");
    }

    @Test
    void dateSettingsAreTheBenchmarks() {
        TrainToTarget.Settings d = TrainToTarget.Settings.dates();
        assertEquals(6e-3, d.peakLearningRate());
        assertEquals(20, d.warmup());
        assertEquals(64, d.batchSize());
        assertEquals(25, d.evalEvery());
        assertEquals(ExactMatch.of(0.99), d.stop());
        assertEquals(6e-3 / 20, d.schedule().at(0), 1e-15);
        assertEquals(6e-3, d.schedule().at(500), 1e-8);                 // linear warm-up, then (almost) constant
    }

    @Test
    void lesson04SettingsWarmUpThenDecayToATenth() {
        TrainToTarget.Settings d = TrainToTarget.Settings.datesWithoutAttention();
        assertEquals(Plateau.lossDropAtMost(0.01).over(3), d.stop());
        assertEquals(1000, d.maxUpdates());
        assertEquals(5e-2 / 20, d.schedule().at(0), 1e-15);             // warm-up from η/20
        assertEquals(5e-2, d.schedule().at(20), 1e-12);                 // the peak after 20 updates
        assertEquals(5e-3, d.schedule().at(20 + 450), 1e-12);           // η/10 at the end of the decay
        assertEquals(5e-3, d.schedule().at(599), 1e-12);                // and there it stays
        assertTrue(d.schedule().at(200) < d.schedule().at(100), "η falls along the cosine");
    }
}
