package jattn.experiments;

import jattn.autograd.NoGrad;
import jattn.autograd.Tensor;
import jattn.data.SentencePair;
import jattn.seq2seq.Seq2SeqModel;
import jattn.train.Adam;
import jattn.train.GradientClipping;
import jattn.train.LearningRateSchedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains a Seq2Seq model until its greedy exact match on VALIDATION pairs meets a {@link StopRule}
 * (a target, or a flat curve) or the update budget runs out: the recipe of the date benchmark
 * (Adam, linear warm-up to a peak η, gradient clipping) as one reusable call. The test set plays
 * no part: score it once, after the run.
 * <pre>
 *   repeat: ηₛ = peak · min(1, (s+1)/warmup)  (then, optionally, a cosine decay to peak/10)
 *           one update on the next batch (teacher forcing, clipping, Adam)
 *           every evalEvery updates: greedy exact match on the validation pairs, inline,
 *                                    on the training thread; its time counts (as the PyTorch anchor's)
 *   stop:   the stop rule says so after an evaluation, or maxUpdates updates (evaluated there too)
 * </pre>
 * The model is modified (trained); the pair lists are not.
 */
public final class TrainToTarget {

    private TrainToTarget() {}

    /**
     * How to train. Presets with withers, e.g.
     * {@code Settings.dates().stopAt(ExactMatch.of(0.99)).withMaxUpdates(1000)}.
     *
     * @param peakLearningRate Adam's η after the warm-up
     * @param warmup           updates of linear warm-up from η/warmup to η (0: none)
     * @param decayUpdates     updates of cosine decay from η to η/10 after the warm-up (0: η stays at its peak)
     * @param batchSize        pairs per update
     * @param poolBatches      1: shuffled batches, as the anchor; k &gt; 1: similar lengths from sorted pools of k batches
     * @param maxGradNorm      global gradient-norm clipping
     * @param evalEvery        updates between two evaluations on the validation pairs
     * @param stop             when to stop, judged on the validation exact match
     * @param maxUpdates       the budget: give up after this many updates
     * @param seed             the seed of the batch shuffling
     */
    public record Settings(double peakLearningRate, int warmup, int decayUpdates, int batchSize, int poolBatches,
                           double maxGradNorm, int evalEvery, StopRule stop, int maxUpdates, long seed) {
        public Settings {
            if (batchSize < 1 || poolBatches < 1 || evalEvery < 1 || maxUpdates < 1 || warmup < 0 || decayUpdates < 0)
                throw new IllegalArgumentException("TrainToTarget: batchSize, poolBatches, evalEvery, maxUpdates must be ≥ 1 and "
                        + "warmup, decayUpdates ≥ 0, got " + batchSize + ", " + poolBatches + ", " + evalEvery + ", "
                        + maxUpdates + ", " + warmup + ", " + decayUpdates);
            if (!(peakLearningRate > 0) || !(maxGradNorm > 0))
                throw new IllegalArgumentException("TrainToTarget: η and the clipping norm must be > 0, got "
                        + peakLearningRate + " and " + maxGradNorm);
            if (stop == null) throw new IllegalArgumentException("TrainToTarget: a stop rule is needed (ExactMatch.of(…) or Plateau…)");
        }

        /**
         * The date benchmark's recipe (and lesson 05's): η 6e-3 after 20 warm-up updates, batches of 64
         * shuffled, clip 1.0, an evaluation every 25 updates, stop at 99 % validation exact match or
         * after 2000 updates, seed 0.
         */
        public static Settings dates() {
            return new Settings(6e-3, 20, 0, 64, 1, 1.0, 25, ExactMatch.of(0.99), 2000, 0);
        }

        /**
         * Lesson 04's date model WITHOUT attention: η 5e-2 after 20 warm-up updates (a plain decoder
         * tolerates a larger η than the attention model), then a cosine decay to 5e-3 over 450 updates
         * (so that the late updates settle), batches of similar length (pools of 16), an evaluation
         * every 50 updates; stop once three evaluations in a row lowered the validation loss by at most
         * 0.01, or after a budget of 1000 updates. On the shipped dates the rule, not the budget, ends the
         * run: at update 750 (validation loss 0.3527 at 700, 0.3548 at 750), a little after the decay.
         */
        public static Settings datesWithoutAttention() {
            return new Settings(5e-2, 20, 450, 64, 16, 1.0, 50, Plateau.lossDropAtMost(0.01).over(3), 1000, 0);
        }

        /**
         * Lesson 10's recipe for the date {@link jattn.transformer.Transformer}
         * ({@link DateTask#transformer()}), chosen on the validation dates: η 1e-2 after 50 warm-up
         * updates, then a cosine decay to 1e-3 over 900 updates, batches of 64 of similar length
         * (pools of 16: less padding, so faster updates), clip 1.0, an evaluation every 100 updates;
         * stop at 99 % validation exact match or after 1500 updates, seed 0.
         */
        public static Settings datesTransformer() {
            return new Settings(1e-2, 50, 900, 64, 16, 1.0, 100, ExactMatch.of(0.99), 1500, 0);
        }

        public Settings stopAt(StopRule rule) {
            return new Settings(peakLearningRate, warmup, decayUpdates, batchSize, poolBatches, maxGradNorm, evalEvery, rule, maxUpdates, seed);
        }

        public Settings withMaxUpdates(int n) {
            return new Settings(peakLearningRate, warmup, decayUpdates, batchSize, poolBatches, maxGradNorm, evalEvery, stop, n, seed);
        }

        /** The same settings with an evaluation every {@code n} updates. */
        public Settings withEvalEvery(int n) {
            return new Settings(peakLearningRate, warmup, decayUpdates, batchSize, poolBatches, maxGradNorm, n, stop, maxUpdates, seed);
        }

        public Settings withLearningRate(double peak) {
            return new Settings(peak, warmup, decayUpdates, batchSize, poolBatches, maxGradNorm, evalEvery, stop, maxUpdates, seed);
        }

        /** Linear warm-up over {@code updates} updates (0: none). */
        public Settings withWarmup(int updates) {
            return new Settings(peakLearningRate, updates, decayUpdates, batchSize, poolBatches, maxGradNorm, evalEvery, stop, maxUpdates, seed);
        }

        /** A cosine decay from the peak to peak/10 over {@code updates} updates after the warm-up (0: none). */
        public Settings withCosineDecayOver(int updates) {
            return new Settings(peakLearningRate, warmup, updates, batchSize, poolBatches, maxGradNorm, evalEvery, stop, maxUpdates, seed);
        }

        public Settings withBatchSize(int b) {
            return new Settings(peakLearningRate, warmup, decayUpdates, b, poolBatches, maxGradNorm, evalEvery, stop, maxUpdates, seed);
        }

        /** Batches of similar length from sorted pools of {@code k} batches (1: shuffled batches). */
        public Settings withPools(int k) {
            return new Settings(peakLearningRate, warmup, decayUpdates, batchSize, k, maxGradNorm, evalEvery, stop, maxUpdates, seed);
        }

        public Settings withSeed(long s) {
            return new Settings(peakLearningRate, warmup, decayUpdates, batchSize, poolBatches, maxGradNorm, evalEvery, stop, maxUpdates, s);
        }

        /** η at every update. */
        public LearningRateSchedule schedule() {
            if (decayUpdates > 0)
                return LearningRateSchedule.warmupCosine(peakLearningRate, warmup, warmup + decayUpdates, peakLearningRate / 10);
            return warmup > 0 ? LearningRateSchedule.warmupLinear(peakLearningRate, warmup, Integer.MAX_VALUE)
                              : LearningRateSchedule.constant(peakLearningRate);
        }
    }

    /** Why a run stopped. */
    public enum Stop {
        /** The stop rule was met at the last evaluation. */
        RULE,
        /** The update budget ran out first. */
        BUDGET
    }

    /**
     * What a run did.
     *
     * @param stepLosses      the training loss of every update
     * @param evalSteps       the updates after which the validation pairs were evaluated
     * @param validExactMatch the validation exact match at each of those
     * @param validLoss       the validation loss (teacher forcing, mean cross-entropy per token) at each of those
     *                        (NaN with {@link ValidationLoss#SKIPPED})
     * @param seconds         wall time from the first update to the end of the last evaluation, evaluations included
     * @param stoppedBy       the rule or the budget
     */
    public record Result(double[] stepLosses, int[] evalSteps, double[] validExactMatch, double[] validLoss, double seconds,
                         Stop stoppedBy) {
        /** The number of updates made. */
        public int steps() { return stepLosses.length; }

        /** The last measured validation exact match (0 if none). */
        public double finalValidExactMatch() { return validExactMatch.length == 0 ? 0 : validExactMatch[validExactMatch.length - 1]; }

        /** The last measured validation loss (NaN if none). */
        public double finalValidLoss() { return validLoss.length == 0 ? Double.NaN : validLoss[validLoss.length - 1]; }

        /** 1, 2, …, steps(): the x values of a loss-per-update plot. */
        public double[] updateNumbers() {
            double[] x = new double[stepLosses.length];
            for (int i = 0; i < x.length; i++) x[i] = i + 1;
            return x;
        }

        /** The evaluated updates as doubles: the x values of a validation curve. */
        public double[] evalUpdates() {
            return java.util.Arrays.stream(evalSteps).asDoubleStream().toArray();
        }

        /** Updates per second of wall time, evaluations included. */
        public double stepsPerSecond() { return steps() / seconds; }
    }

    /**
     * Trains {@code model} (modified) on {@code train} until the stop rule, judged on the exact
     * match on {@code valid}, says stop, or the budget runs out; prints one line per evaluation with
     * {@link Verbosity#PRINT_PROGRESS}.
     */
    public static Result train(Seq2SeqTask task, Seq2SeqModel model, List<SentencePair> train, List<SentencePair> valid,
                               Settings s, Verbosity verbosity) {
        return train(task, model, train, valid, s, verbosity, ValidationLoss.MEASURED);
    }

    /**
     * As {@link #train(Seq2SeqTask, Seq2SeqModel, List, List, Settings, Verbosity)}, measuring the
     * validation loss at each evaluation or not ({@link ValidationLoss#SKIPPED}: about half the cost
     * of an evaluation; the exact match, the stop and every update are the same).
     */
    public static Result train(Seq2SeqTask task, Seq2SeqModel model, List<SentencePair> train, List<SentencePair> valid,
                               Settings s, Verbosity verbosity, ValidationLoss validationLoss) {
        validationLoss.checkFor(s.stop());
        if (train.isEmpty() || valid.isEmpty())
            throw new IllegalArgumentException("TrainToTarget: " + train.size() + " training and " + valid.size()
                    + " validation pairs; both must be non-empty");
        List<Tensor> params = model.parameters();
        Adam adam = new Adam(params, s.peakLearningRate());
        LearningRateSchedule schedule = s.schedule();
        Iterable<List<SentencePair>> batches = new LengthBatches<>(train, s.batchSize(), s.poolBatches(), p -> p.source().length(), s.seed());
        List<Double> losses = new ArrayList<>(), exact = new ArrayList<>(), validLosses = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        long start = System.nanoTime();
        double windowLoss = 0;
        Stop stop = Stop.BUDGET;
        outer:
        for (int epoch = 1; ; epoch++) {
            for (List<SentencePair> batch : batches) {
                double loss = update(task, model, params, adam, schedule.at(losses.size()), batch, s.maxGradNorm());
                losses.add(loss);
                windowLoss += loss;
                int steps = losses.size();
                if (steps % s.evalEvery() == 0 || steps == s.maxUpdates()) {
                    double acc = task.exactMatch(task.predict(model, valid), valid);   // inline, counted in the time
                    double validLoss = validationLoss == ValidationLoss.MEASURED ? meanLoss(task, model, valid) : Double.NaN;
                    int previous = at.isEmpty() ? 0 : at.get(at.size() - 1);
                    at.add(steps);
                    exact.add(acc);
                    validLosses.add(validLoss);
                    if (verbosity.prints()) {
                        String measuredLoss = validationLoss == ValidationLoss.MEASURED ? String.format(Locale.ROOT, "  valid loss %.4f", validLoss) : "";
                        System.out.printf(Locale.ROOT, "epoch %d  update %4d  loss %.4f%s  valid exact match %.3f  (%.1f s)%n",
                                epoch, steps, windowLoss / (steps - previous), measuredLoss, acc, (System.nanoTime() - start) / 1e9);
                        System.out.flush();
                    }
                    windowLoss = 0;
                    if (s.stop().stop(new StopRule.Evaluations(toArray(exact), toArray(validLosses)))) { stop = Stop.RULE; break outer; }
                }
                if (steps >= s.maxUpdates()) break outer;
            }
        }
        return new Result(losses.stream().mapToDouble(Double::doubleValue).toArray(),
                at.stream().mapToInt(Integer::intValue).toArray(),
                toArray(exact), toArray(validLosses), (System.nanoTime() - start) / 1e9, stop);
    }

    private static double[] toArray(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The teacher-forced mean cross-entropy per target token over {@code pairs}, without gradients. */
    public static double meanLoss(Seq2SeqTask task, Seq2SeqModel model, List<SentencePair> pairs) {
        double sum = 0;
        long tokens = 0;
        try (NoGrad ignored = NoGrad.start()) {
            for (int from = 0; from < pairs.size(); from += Seq2SeqTask.EVAL_BATCH_SIZE) {
                List<SentencePair> chunk = pairs.subList(from, Math.min(from + Seq2SeqTask.EVAL_BATCH_SIZE, pairs.size()));
                long n = 0;
                for (int len : task.targets(chunk).validLens()) n += len;
                sum += task.loss(model, chunk).item() * n;                 // the chunk's mean · its tokens
                tokens += n;
            }
        }
        return sum / tokens;
    }

    /**
     * One update of the recipe, written out: η ← lr; zero the gradients; loss on the batch (teacher
     * forcing); backward; clip the gradients' global norm; Adam step. Modifies the model's parameters.
     *
     * @return the batch's loss before the update
     */
    public static double update(Seq2SeqTask task, Seq2SeqModel model, List<Tensor> params, Adam adam, double lr,
                                List<SentencePair> batch, double maxGradNorm) {
        adam.setLearningRate(lr);
        model.zeroGrad();
        Tensor loss = task.loss(model, batch);
        loss.backward();
        GradientClipping.clipGradNorm(params, maxGradNorm);
        adam.step();
        return loss.item();
    }
}
