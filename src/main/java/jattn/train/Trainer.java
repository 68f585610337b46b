package jattn.train;

import jattn.autograd.Tensor;

import java.util.Arrays;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A small training loop: epochs over batches, one update per batch, progress reports, and a
 * clear stop when the loss stops being a number.
 *
 * <p>{@link #fit} does the usual update for each batch:
 * <pre>
 *   η ← schedule(s)                   (if a schedule is set; s = updates done so far)
 *   zeroGrad();  L = loss(batch)      the caller builds L, a (1×1) tensor
 *   stop if L is NaN or ±∞            (before backward, so the parameters keep their last finite values)
 *   L.backward()
 *   clip to maxGradNorm               (if set; stop if the gradient norm is not finite)
 *   optimizer.step()
 * </pre>
 * {@link #run} takes a step function that does all of that itself and returns the loss value;
 * the trainer then only sets the scheduled rate, checks the value and reports.
 *
 * <p>Reports go to the listener at the end of every epoch and, if {@link #reportEvery} is set,
 * every N updates; the default listener prints one line each ({@link TrainingListener#printing()}).
 * The update counter (and so the schedule and the step numbers in messages) continues across
 * runs of the same trainer; epochs are counted per run. The batches may be a
 * {@link jattn.text.Batches} (reshuffled every epoch) or any Iterable, iterated once per epoch.
 */
public final class Trainer {

    private final Optimizer optimizer;
    private double maxGradNorm;                       // 0: no clipping
    private LearningRateSchedule schedule;            // null: keep the optimiser's rate
    private TrainingListener listener = TrainingListener.printing();
    private int reportEvery;                          // 0: only at the end of each epoch
    private long step;                                // updates done so far

    /** A trainer that updates with {@code optimizer}; its parameters are the ones clipped. */
    public Trainer(Optimizer optimizer) {
        this.optimizer = optimizer;
    }

    /** Clips the gradients to this global L2 norm before every update ({@link GradientClipping}). */
    public Trainer clipGradNorm(double maxNorm) {
        if (!(maxNorm > 0)) throw new IllegalArgumentException("Trainer: maxNorm must be > 0, got " + maxNorm);
        this.maxGradNorm = maxNorm;
        return this;
    }

    /** Sets the learning rate from {@code schedule} before every update. */
    public Trainer schedule(LearningRateSchedule schedule) {
        this.schedule = schedule;
        return this;
    }

    /** Where progress reports go (default: one printed line each). */
    public Trainer listener(TrainingListener listener) {
        this.listener = listener;
        return this;
    }

    /** Also reports every {@code steps} updates (0: only at the end of each epoch). */
    public Trainer reportEvery(int steps) {
        if (steps < 0) throw new IllegalArgumentException("Trainer: reportEvery must be ≥ 0, got " + steps);
        this.reportEvery = steps;
        return this;
    }

    /** The number of updates done so far by this trainer. */
    public long steps() { return step; }

    public Optimizer optimizer() { return optimizer; }

    /**
     * Trains for {@code epochs} passes over {@code batches}; {@code loss} builds the (1×1) loss of a batch.
     *
     * @throws TrainingDivergedException if the loss or the gradient norm is NaN or infinite
     */
    public <B> History fit(Iterable<B> batches, int epochs, Function<? super B, Tensor> loss) {
        String kept = "The parameters keep the values of the previous step; try a smaller learning rate or clipGradNorm.";
        return loop(batches, epochs, (batch, epoch, index) -> {
            optimizer.zeroGrad();
            Tensor l = loss.apply(batch);
            double value = l.item();
            if (!Double.isFinite(value))
                throw diverged("loss", value, epoch, index, kept);
            l.backward();
            if (maxGradNorm > 0) {
                double norm = GradientClipping.clipGradNorm(optimizer.parameters(), maxGradNorm);
                if (!Double.isFinite(norm))
                    throw diverged("gradient norm", norm, epoch, index, kept);
            }
            optimizer.step();
            return value;
        });
    }

    /**
     * Trains for {@code epochs} passes over {@code batches} with a step function that does the
     * whole update (zeroGrad, loss, backward, clipping, optimizer.step()) and returns the loss.
     *
     * @throws TrainingDivergedException if a returned loss is NaN or infinite
     */
    public <B> History run(Iterable<B> batches, int epochs, ToDoubleFunction<? super B> stepFunction) {
        return loop(batches, epochs, (batch, epoch, index) -> {
            double value = stepFunction.applyAsDouble(batch);
            if (!Double.isFinite(value))
                throw diverged("loss", value, epoch, index, "It was returned after the step function's update.");
            return value;
        });
    }

    @FunctionalInterface
    private interface Update<B> {
        double apply(B batch, int epoch, int index);
    }

    private <B> History loop(Iterable<B> batches, int epochs, Update<B> update) {
        if (epochs < 0) throw new IllegalArgumentException("Trainer: epochs must be ≥ 0, got " + epochs);
        long start = System.nanoTime(), firstStep = step;
        double[] stepLosses = new double[16];
        double[] epochLosses = new double[epochs];
        int n = 0, window = 0;
        double windowSum = 0;                         // the updates since the last every-N report
        for (int epoch = 1; epoch <= epochs; epoch++) {
            double epochSum = 0;
            int index = 0;
            for (B batch : batches) {
                index++;
                if (schedule != null) optimizer.setLearningRate(schedule.at((int) step));
                double value = update.apply(batch, epoch, index);
                step++;
                if (n == stepLosses.length) stepLosses = Arrays.copyOf(stepLosses, 2 * n);
                stepLosses[n++] = value;
                epochSum += value;
                windowSum += value;
                window++;
                if (reportEvery > 0 && step % reportEvery == 0) {
                    listener.onProgress(progress(epoch, epochs, index, windowSum / window, start, firstStep, false));
                    windowSum = 0;
                    window = 0;
                }
            }
            if (index == 0) throw new IllegalArgumentException("Trainer: the batches of epoch " + epoch + " are empty");
            epochLosses[epoch - 1] = epochSum / index;
            listener.onProgress(progress(epoch, epochs, index, epochLosses[epoch - 1], start, firstStep, true));
        }
        return new History(Arrays.copyOf(stepLosses, n), epochLosses, seconds(start));
    }

    private Progress progress(int epoch, int epochs, int batch, double loss, long start, long firstStep, boolean endOfEpoch) {
        double seconds = seconds(start);
        double rate = seconds > 0 ? (step - firstStep) / seconds : 0;
        return new Progress(epoch, epochs, batch, step, loss, optimizer.learningRate(), seconds, rate, endOfEpoch);
    }

    private TrainingDivergedException diverged(String what, double value, int epoch, int index, String hint) {
        return new TrainingDivergedException(what, value, step + 1, epoch, index, hint);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
