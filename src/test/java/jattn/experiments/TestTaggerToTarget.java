package jattn.experiments;

import jattn.position.LearnedPositionalEncoding;
import jattn.transformer.TransformerEncoder;
import jattn.transformer.TransformerSettings;
import jattn.transformer.TransformerTagger;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.CLOSE;
import static org.junit.jupiter.api.Assertions.*;

class TestTaggerToTarget {

    static final TransformerSettings SMALL = TransformerSettings.paper().withVocabSize(5).withDModel(16).withHeads(2)
            .withFeedForward(32).withLayers(1).withMaxLen(4).withDropout(0.0);

    static TransformerTagger tagger(TransformerSettings.Positions positions) {
        Random rng = new Random(7);
        return new TransformerTagger(new TransformerEncoder(SMALL.withPositions(positions), rng), 5, rng);
    }

    @Test
    void stopsAsSoonAsTheValidationTargetIsReached() {
        ReversalTask.Split split = new ReversalTask(4, 5).split(500, 100, 3);
        TransformerTagger model = tagger(TransformerSettings.Positions.SINUSOIDAL);
        TaggerToTarget.Settings settings = TaggerToTarget.Settings.orderTask().withMaxEpochs(30).withLearningRate(1e-2).stopAtAccuracy(0.95);
        TaggerToTarget.Result run = TaggerToTarget.train(model, split.train(), split.test(), settings, Verbosity.QUIET);
        assertTrue(run.epochs() < 30, "reached the target before the budget: " + run.epochs() + " epochs");
        assertTrue(run.finalValidAccuracy() >= 0.95);
        for (int e = 0; e < run.epochs() - 1; e++) assertTrue(run.validAccuracy()[e] < 0.95, "stopped at the first epoch at the target");
        assertEquals(TaggerTraining.accuracy(model, split.test()), run.finalValidAccuracy(), CLOSE, "the recorded accuracy is the model's");
        assertFalse(model.encoder().isTraining(), "left in evaluation mode");
        assertArrayEquals(new double[]{1, 2}, new TaggerToTarget.Result(new double[2], new double[2], 0).epochNumbers());
    }

    @Test
    void withoutPositionsItRunsTheWholeBudget() {
        ReversalTask task = new ReversalTask(4, 5);
        ReversalTask.Split split = task.split(300, 100, 4);
        TransformerTagger model = tagger(TransformerSettings.Positions.NONE);
        TaggerToTarget.Result run = TaggerToTarget.train(model, split.train(), split.test(),
                TaggerToTarget.Settings.orderTask().withMaxEpochs(3).withLearningRate(1e-2), Verbosity.QUIET);
        assertEquals(3, run.epochs());
        assertEquals(3, run.trainLoss().length);
        assertTrue(run.finalValidAccuracy() < OrderBlindCeiling.of(task) + 0.08, "order-blind: " + run.finalValidAccuracy());
    }

    @Test
    void aGivenPositionalEncodingIsUsedAndTrained() {
        Random rng = new Random(8);
        LearnedPositionalEncoding pe = LearnedPositionalEncoding.seeded(4, 16, 1.0, rng);
        TransformerEncoder encoder = new TransformerEncoder(SMALL, pe, rng);
        assertSame(pe, encoder.positions().orElseThrow());
        assertTrue(encoder.parameters().contains(pe.table()), "the table is trained with the model");
        double before = pe.table().get(0, 0);
        TransformerTagger model = new TransformerTagger(encoder, 5, rng).eval();
        List<ReversalTask.Example> few = new ReversalTask(4, 5).generate(3, new Random(9));
        jattn.testing.TensorAssert.assertGrad(t -> TaggerTraining.loss(model, few), pe.table());   // the loss's gradient reaches P
        TaggerToTarget.train(model, new ReversalTask(4, 5).generate(64, rng), new ReversalTask(4, 5).generate(8, rng),
                TaggerToTarget.Settings.orderTask().withMaxEpochs(1), Verbosity.QUIET);
        assertNotEquals(before, pe.table().get(0, 0), "Adam moved the table");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TaggerToTarget.train(model, List.of(), List.of(), TaggerToTarget.Settings.orderTask(), Verbosity.QUIET));
        assertTrue(e.getMessage().contains("validation"), e.getMessage());
    }
}
