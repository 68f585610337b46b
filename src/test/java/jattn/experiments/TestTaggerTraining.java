package jattn.experiments;

import jattn.transformer.*;

import jattn.autograd.Tensor;
import jattn.train.History;
import jattn.train.TrainingListener;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.CLOSE;
import static org.junit.jupiter.api.Assertions.*;

class TestTaggerTraining {

    /** The capstone's target: held-out positions tagged correctly. */
    static final double TARGET_ACCURACY = 0.95;

    /** The lesson's recipe: T = 10 tokens of 10 ids, dModel 32, 2 heads, dFF 64, 2 layers, dropout 0.1. */
    static TransformerTagger capstoneModel() {
        Random rng = new Random(1);
        return new TransformerTagger(new TransformerEncoder(TransformerSettings.paper().withVocabSize(10).withDModel(32).withHeads(2).withFeedForward(64).withLayers(2).withMaxLen(10).withDropout(0.1), rng), 10, rng);
    }

    @Test
    void learnsToReverseHeldOutSequences() {
        ReversalTask.Split split = new ReversalTask(10, 10).split(4000, 1000, 10);
        TransformerTagger model = capstoneModel();
        double before = TaggerTraining.accuracy(model, split.test());
        long start = System.nanoTime();
        History history = TaggerTraining.train(model, split.train(), TaggerTraining.Settings.reversal().withEpochs(4), TrainingListener.silent());
        double seconds = (System.nanoTime() - start) / 1e9;
        double accuracy = TaggerTraining.accuracy(model, split.test());
        System.out.printf("reversal: held-out accuracy %.4f (before %.4f), %d steps in %.1f s%n",
                accuracy, before, history.stepLosses().length, seconds);
        assertTrue(before < 0.3, "an untrained model is near chance (0.1): " + before);
        assertTrue(accuracy >= TARGET_ACCURACY, "held-out accuracy " + accuracy);
        assertTrue(history.finalLoss() < history.epochLosses()[0]);
        assertFalse(model.encoder().isTraining(), "training leaves the model in evaluation mode");
        // the heads of the last layer look at the mirrored position: the anti-diagonal carries most weight
        List<Tensor> heads = model.encoder().forward(split.test().get(0).tokens()).layer(1);
        double best = 0;
        for (Tensor w : heads) {
            double anti = 0;
            for (int t = 0; t < 10; t++) anti += w.get(t, 9 - t) / 10;
            best = Math.max(best, anti);
        }
        assertTrue(best > 0.5, "mean weight on the mirrored position " + best);
    }

    @Test
    void lossAndAccuracyAreMeasuredPerPosition() {
        ReversalTask task = new ReversalTask(3, 4);
        Random rng = new Random(3);
        TransformerTagger model = new TransformerTagger(new TransformerEncoder(TransformerSettings.paper().withVocabSize(4).withDModel(8).withHeads(2).withFeedForward(8).withLayers(1).withMaxLen(3).withDropout(0.0), rng), 4, rng).eval();
        List<ReversalTask.Example> examples = task.generate(7, rng);
        int correct = 0, sequences = 0;
        for (ReversalTask.Example e : examples) {
            int[] p = model.predict(e.tokens());
            int ok = 0;
            for (int t = 0; t < 3; t++) if (p[t] == e.tags()[t]) ok++;
            correct += ok;
            if (ok == 3) sequences++;
        }
        assertEquals(correct / 21.0, TaggerTraining.accuracy(model, examples), CLOSE);
        assertEquals(sequences / 7.0, TaggerTraining.sequenceAccuracy(model, examples), CLOSE);
        double expected = 0;
        for (ReversalTask.Example e : examples)
            expected += jattn.train.CrossEntropy.loss(model.logits(e.tokens()), e.tags()).item() / 7;
        assertEquals(expected, TaggerTraining.loss(model, examples).item(), CLOSE);
    }
}
