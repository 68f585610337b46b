package jattn.experiments;

import jattn.text.Batches;
import jattn.train.Adam;
import jattn.train.Trainer;
import jattn.train.TrainingListener;
import jattn.transformer.TransformerTagger;

import java.util.List;
import java.util.Locale;

/**
 * Trains a {@link TransformerTagger} epoch by epoch and stops on VALIDATION accuracy: after
 * every pass over the training examples the validation examples are tagged, and training
 * stops as soon as their per-position accuracy reaches the target, or after the epoch budget.
 * The test set plays no part: score it once, afterwards ({@link TaggerTraining#accuracy}).
 * <pre>
 *   for epoch = 1 … maxEpochs:
 *     one pass of Adam steps on shuffled batches (loss {@link TaggerTraining#loss}, gradients clipped to norm 1)
 *     a_epoch = accuracy on the validation examples;   stop if a_epoch ≥ target
 * </pre>
 * One Adam state for the whole run. The model is left in evaluation mode; the examples are not modified.
 */
public final class TaggerToTarget {

    /**
     * @param maxEpochs      the budget, in passes over the training examples (≥ 1)
     * @param batchSize      examples per update (≥ 1)
     * @param learningRate   Adam's η (&gt; 0)
     * @param targetAccuracy the validation accuracy at which training stops
     * @param seed           the seed of the batches' shuffles (epoch e shuffles with seed + e)
     */
    public record Settings(int maxEpochs, int batchSize, double learningRate, double targetAccuracy, long seed) {
        public Settings {
            if (maxEpochs < 1 || batchSize < 1 || !(learningRate > 0))
                throw new IllegalArgumentException("TaggerToTarget.Settings: need maxEpochs ≥ 1, batchSize ≥ 1, η > 0, got "
                        + maxEpochs + ", " + batchSize + ", " + learningRate);
        }

        /** Lesson 08's order task: at most 2 epochs, batches of 32, η = 6·10⁻³, stop at 99 % validation accuracy. */
        public static Settings orderTask() { return new Settings(2, 32, 6e-3, 0.99, 2); }

        public Settings withMaxEpochs(int n) { return new Settings(n, batchSize, learningRate, targetAccuracy, seed); }
        public Settings withBatchSize(int b) { return new Settings(maxEpochs, b, learningRate, targetAccuracy, seed); }
        public Settings withLearningRate(double lr) { return new Settings(maxEpochs, batchSize, lr, targetAccuracy, seed); }
        public Settings stopAtAccuracy(double target) { return new Settings(maxEpochs, batchSize, learningRate, target, seed); }
        public Settings withSeed(long s) { return new Settings(maxEpochs, batchSize, learningRate, targetAccuracy, s); }
    }

    /**
     * @param validAccuracy the validation accuracy after each epoch run
     * @param trainLoss     the mean training loss of each epoch run
     * @param seconds       the wall time of the run
     */
    public record Result(double[] validAccuracy, double[] trainLoss, double seconds) {
        /** The number of epochs run. */
        public int epochs() { return validAccuracy.length; }
        /** The validation accuracy after the last epoch. */
        public double finalValidAccuracy() { return validAccuracy[validAccuracy.length - 1]; }
        /** 1, 2, … epochs(), for plotting. */
        public double[] epochNumbers() {
            double[] x = new double[epochs()];
            for (int e = 0; e < x.length; e++) x[e] = e + 1;
            return x;
        }
    }

    private TaggerToTarget() {}

    /** Trains {@code model} on {@code train} until {@code valid} reaches the target or the budget ends. */
    public static Result train(TransformerTagger model, List<ReversalTask.Example> train, List<ReversalTask.Example> valid,
                               Settings settings, Verbosity verbosity) {
        if (train.isEmpty() || valid.isEmpty())
            throw new IllegalArgumentException("TaggerToTarget: " + train.size() + " training and " + valid.size()
                    + " validation examples; both must be non-empty");
        Trainer trainer = new Trainer(new Adam(model.parameters(), settings.learningRate()))
                .clipGradNorm(TaggerTraining.MAX_GRAD_NORM).listener(TrainingListener.silent());
        double[] acc = new double[settings.maxEpochs()], loss = new double[settings.maxEpochs()];
        long start = System.nanoTime();
        int epochs = 0;
        try {
            while (epochs < settings.maxEpochs()) {
                model.train();
                loss[epochs] = trainer.fit(new Batches<>(train, settings.batchSize(), settings.seed() + epochs), 1,
                        batch -> TaggerTraining.loss(model, batch)).finalLoss();
                acc[epochs] = TaggerTraining.accuracy(model, valid);
                epochs++;
                if (verbosity.prints()) {
                    System.out.println(String.format(Locale.ROOT, "epoch %d/%d  step %d  training loss %.4f  validation accuracy %.4f  %.1f s",
                            epochs, settings.maxEpochs(), trainer.steps(), loss[epochs - 1], acc[epochs - 1],
                            (System.nanoTime() - start) / 1e9));
                    System.out.flush();
                }
                if (acc[epochs - 1] >= settings.targetAccuracy()) break;
            }
        } finally {
            model.eval();
        }
        return new Result(java.util.Arrays.copyOf(acc, epochs), java.util.Arrays.copyOf(loss, epochs),
                (System.nanoTime() - start) / 1e9);
    }
}
