package jattn.experiments;

import jattn.transformer.*;

import jattn.autograd.Tensor;
import jattn.text.Batches;
import jattn.train.Adam;
import jattn.train.CrossEntropy;
import jattn.train.History;
import jattn.train.Trainer;
import jattn.train.TrainingListener;

import java.util.List;

/**
 * Trains a {@link TransformerTagger} on tagged sequences of one length T, and measures it.
 * <pre>
 *   for each epoch, for each shuffled mini-batch of B examples:
 *     Z = tagger.logits(tokens)                 (B·T×nTags)
 *     L = CrossEntropy(Z, tags flattened)       mean over the B·T positions
 *     Adam step on every parameter (gradients clipped to global norm 1)
 * </pre>
 * The model is put in training mode for the run and left in evaluation mode after it; the
 * examples are not modified.
 */
public final class TaggerTraining {

    /** Global gradient-norm bound during training. */
    public static final double MAX_GRAD_NORM = 1.0;

    private TaggerTraining() {}

    /** Epochs (fixed in advance: the reversal task has no validation split), batch size, Adam's learning rate, shuffling seed. */
    public record Settings(int epochs, int batchSize, double learningRate, long seed) {
        public Settings {
            if (epochs < 1 || batchSize < 1 || !(learningRate > 0))
                throw new IllegalArgumentException("TaggerTraining: epochs and batchSize must be ≥ 1 and η > 0, got "
                        + epochs + ", " + batchSize + ", " + learningRate);
        }

        /** Lesson 10's reversal run: 2 epochs of batches of 32 sequences, η = 3e-3, seed 2. */
        public static Settings reversal() { return new Settings(2, 32, 3e-3, 2); }

        public Settings withEpochs(int n) { return new Settings(n, batchSize, learningRate, seed); }
    }

    /**
     * Trains {@code model} for {@code s.epochs()} passes over {@code examples}, in batches of
     * {@code s.batchSize()} shuffled by {@code s.seed()}, with Adam at {@code s.learningRate()}.
     * Progress goes to {@code listener}. Returns the loss history.
     */
    public static History train(TransformerTagger model, List<ReversalTask.Example> examples, Settings s,
                                TrainingListener listener) {
        Trainer trainer = new Trainer(new Adam(model.parameters(), s.learningRate())).clipGradNorm(MAX_GRAD_NORM).listener(listener);
        model.train();
        try {
            return trainer.fit(new Batches<>(examples, s.batchSize(), s.seed()), s.epochs(), batch -> loss(model, batch));
        } finally {
            model.eval();
        }
    }

    /** L = mean cross-entropy of the tags of a batch of examples (one graph for the whole batch). */
    public static Tensor loss(TransformerTagger model, List<ReversalTask.Example> batch) {
        int[][] tokens = tokens(batch);
        return CrossEntropy.loss(model.logits(tokens), flatTags(batch));   // (B·T×nTags) vs (B·T)
    }

    /** The fraction of positions tagged correctly, in evaluation mode (the mode is left as eval). */
    public static double accuracy(TransformerTagger model, List<ReversalTask.Example> examples) {
        int[] right = count(model, examples);
        return right[0] / (double) right[1];
    }

    /** The fraction of sequences with every position tagged correctly, in evaluation mode. */
    public static double sequenceAccuracy(TransformerTagger model, List<ReversalTask.Example> examples) {
        int[] right = count(model, examples);
        return right[2] / (double) examples.size();
    }

    /** {correct positions, positions, fully correct sequences}. */
    private static int[] count(TransformerTagger model, List<ReversalTask.Example> examples) {
        model.eval();
        int positions = 0, correct = 0, sequences = 0;
        for (List<ReversalTask.Example> batch : Batches.inOrder(examples, 256)) {
            int[] predicted = model.predict(tokens(batch)), tags = flatTags(batch);
            int len = batch.get(0).tags().length;
            for (int b = 0; b < batch.size(); b++) {
                int ok = 0;
                for (int t = 0; t < len; t++) if (predicted[b * len + t] == tags[b * len + t]) ok++;
                correct += ok;
                positions += len;
                if (ok == len) sequences++;
            }
        }
        return new int[]{correct, positions, sequences};
    }

    private static int[][] tokens(List<ReversalTask.Example> batch) {
        int[][] tokens = new int[batch.size()][];
        for (int b = 0; b < tokens.length; b++) tokens[b] = batch.get(b).tokens();
        return tokens;
    }

    private static int[] flatTags(List<ReversalTask.Example> batch) {
        int len = batch.get(0).tags().length;
        int[] tags = new int[batch.size() * len];
        for (int b = 0; b < batch.size(); b++) System.arraycopy(batch.get(b).tags(), 0, tags, b * len, len);
        return tags;
    }
}
