package jattn.experiments;

import jattn.data.DateDataset;
import jattn.data.SentencePair;
import jattn.transformer.Transformer;
import jattn.transformer.TransformerSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Lesson 10's recipe: the date Transformer's sizes fit the data, and TrainToTarget trains it (any Seq2SeqModel). */
class TestDateTransformerRecipe {

    @Test
    void thePositionalTablesCoverEveryDate() {
        DateDataset.Splits dates = DateDataset.load();
        int longest = 0;
        for (var split : List.of(dates.train(), dates.valid(), dates.test()))
            for (SentencePair p : DateTask.pairs(split)) longest = Math.max(longest, p.source().length());
        assertTrue(longest <= DateTask.MAX_SOURCE_LENGTH, "longest date " + longest);
        TransformerSettings s = DateTask.transformer();
        assertEquals(0, s.dModel() % s.nHeads());
        assertTrue(s.maxLen() >= DateTask.TARGET_LENGTH && s.maxLen() >= longest);
        TrainToTarget.Settings r = TrainToTarget.Settings.datesTransformer();
        assertTrue(r.stop() instanceof ExactMatch, "the lesson stops on validation exact match");
        assertTrue(r.maxUpdates() > r.warmup() + r.decayUpdates(), "the budget leaves room after the decay");
    }

    @Test
    void trainToTargetTrainsTheTransformerAndLeavesTheTestSetAlone() {
        DateDataset.Splits dates = DateDataset.load();
        List<SentencePair> train = DateTask.pairs(dates.train()).subList(0, 640), valid = DateTask.pairs(dates.valid()).subList(0, 50);
        Seq2SeqTask task = DateTask.of(dates.train());
        Transformer model = task.newTransformer(DateTask.transformer(), 0);
        TrainToTarget.Result r = TrainToTarget.train(task, model, train, valid,
                TrainToTarget.Settings.datesTransformer().withMaxUpdates(30).withEvalEvery(15), Verbosity.QUIET);
        assertEquals(30, r.steps());
        assertEquals(TrainToTarget.Stop.BUDGET, r.stoppedBy());
        assertArrayEquals(new int[]{15, 30}, r.evalSteps());
        assertTrue(r.validLoss()[1] < r.validLoss()[0], "the validation loss falls: " + java.util.Arrays.toString(r.validLoss()));
        assertTrue(r.stepLosses()[29] < r.stepLosses()[0]);
        assertEquals(10, task.predict(model, valid.subList(0, 3)).get(0).length(), "greedy writes ten characters");
    }
}
