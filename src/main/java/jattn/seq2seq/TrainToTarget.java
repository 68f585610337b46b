package jattn.seq2seq;

import jattn.autograd.Tensor;
import jattn.data.SentencePair;
import jattn.train.Adam;
import jattn.train.GradientClipping;
import jattn.train.LearningRateSchedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains a Seq2Seq model until its greedy exact match on a test set reaches a target: the
 * recipe of {@link DateBenchmark} (Adam, linear warm-up to a peak η, gradient clipping, shuffled
 * batches) as one reusable call, evaluated inline on one thread.
 * <pre>
 *   repeat: ηₛ = peak · min(1, (s+1)/warmup); one update on the next batch (teacher forcing)
 *           every evalEvery updates: greedy exact match on the whole test set
 *   stop:   exact match ≥ target, or maxSteps updates
 * </pre>
 * The model is modified (trained); the pair lists are not.
 */
public final class TrainToTarget {

    private TrainToTarget() {}

    /**
     * How to train.
     *
     * @param peakLearningRate Adam's η after the warm-up
     * @param warmup           updates of linear warm-up from η/warmup to η (0: none)
     * @param batchSize        pairs per update
     * @param maxGradNorm      global gradient-norm clipping
     * @param evalEvery        updates between two evaluations on the test set
     * @param target           the exact match to reach
     * @param maxSteps         give up after this many updates
     * @param seed             the seed of the batch shuffling
     */
    public record Settings(double peakLearningRate, int warmup, int batchSize, double maxGradNorm,
                           int evalEvery, double target, int maxSteps, long seed) {
        public Settings {
            if (batchSize < 1 || evalEvery < 1 || maxSteps < 1 || warmup < 0)
                throw new IllegalArgumentException("TrainToTarget: batchSize, evalEvery, maxSteps must be ≥ 1 and warmup ≥ 0, got "
                        + batchSize + ", " + evalEvery + ", " + maxSteps + ", " + warmup);
        }

        /** DateBenchmark's defaults: η 6e-3 after 20 warm-up updates, batches of 64, clip 1.0, evaluation every 25, target 0.99. */
        public static Settings dates() {
            return new Settings(6e-3, 20, 64, 1.0, 25, 0.99, 2000, 0);
        }

        /** The same settings with an evaluation every {@code evalEvery} updates. */
        public Settings withEvalEvery(int evalEvery) {
            return new Settings(peakLearningRate, warmup, batchSize, maxGradNorm, evalEvery, target, maxSteps, seed);
        }

        /** The same settings with another target and step limit. */
        public Settings withTarget(double target, int maxSteps) {
            return new Settings(peakLearningRate, warmup, batchSize, maxGradNorm, evalEvery, target, maxSteps, seed);
        }
    }

    /**
     * What a run did.
     *
     * @param stepLosses the training loss of every update
     * @param evalSteps  the updates after which the test set was evaluated
     * @param exactMatch the test exact match at each of those
     * @param seconds    wall time, evaluations included
     */
    public record Result(double[] stepLosses, int[] evalSteps, double[] exactMatch, double seconds) {
        /** The number of updates made. */
        public int steps() { return stepLosses.length; }

        /** The last measured exact match (0 if none). */
        public double finalExactMatch() { return exactMatch.length == 0 ? 0 : exactMatch[exactMatch.length - 1]; }
    }

    /** Trains {@code model} (modified) on {@code train} until its exact match on {@code test} reaches the target; prints progress if asked. */
    public static Result train(Seq2SeqTask task, Seq2Seq model, List<SentencePair> train, List<SentencePair> test,
                               Settings s, boolean print) {
        if (train.isEmpty() || test.isEmpty())
            throw new IllegalArgumentException("TrainToTarget: " + train.size() + " training and " + test.size() + " test pairs");
        List<Tensor> params = model.parameters();
        Adam adam = new Adam(params, s.peakLearningRate());
        LearningRateSchedule schedule = warmup(s.peakLearningRate(), s.warmup());
        Iterable<List<SentencePair>> batches = new LengthBatches<>(train, s.batchSize(), 1, p -> p.source().length(), s.seed());
        List<Double> losses = new ArrayList<>(), exact = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        long start = System.nanoTime();
        double windowLoss = 0;
        outer:
        for (int epoch = 1; ; epoch++) {
            for (List<SentencePair> batch : batches) {
                double loss = update(task, model, params, adam, schedule.at(losses.size()), batch, s.maxGradNorm());
                losses.add(loss);
                windowLoss += loss;
                int steps = losses.size();
                if (steps % s.evalEvery() == 0 || steps == s.maxSteps()) {
                    double acc = task.exactMatch(task.predict(model, test), test);
                    at.add(steps);
                    exact.add(acc);
                    if (print) {
                        System.out.printf(Locale.ROOT, "epoch %d  update %4d  loss %.4f  test exact match %.3f  (%.1f s)%n",
                                epoch, steps, windowLoss / (steps - (at.size() > 1 ? at.get(at.size() - 2) : 0)), acc,
                                (System.nanoTime() - start) / 1e9);
                        System.out.flush();
                    }
                    windowLoss = 0;
                    if (acc >= s.target()) break outer;
                }
                if (steps >= s.maxSteps()) break outer;
            }
        }
        return new Result(losses.stream().mapToDouble(Double::doubleValue).toArray(),
                at.stream().mapToInt(Integer::intValue).toArray(),
                exact.stream().mapToDouble(Double::doubleValue).toArray(), (System.nanoTime() - start) / 1e9);
    }

    /** Linear warm-up to {@code peak} over {@code warmup} updates, then constant (0 updates: constant). */
    static LearningRateSchedule warmup(double peak, int warmup) {
        return warmup > 0 ? LearningRateSchedule.warmupLinear(peak, warmup, Integer.MAX_VALUE)
                          : LearningRateSchedule.constant(peak);
    }

    /**
     * One update of the recipe: η ← lr; zero the gradients; loss on the batch (teacher forcing);
     * backward; clip the gradients' global norm; Adam step. Modifies the model's parameters.
     *
     * @return the batch's loss before the update
     */
    static double update(Seq2SeqTask task, Seq2Seq model, List<Tensor> params, Adam adam, double lr,
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
