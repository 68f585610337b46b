package jattn.train;

import java.util.Locale;

/**
 * A progress report of {@link Trainer}: where training is and how it goes.
 *
 * @param epoch          the epoch of this run, from 1
 * @param epochs         the number of epochs of this run
 * @param batch          the batch within the epoch, from 1 (the epoch's batch count at its end)
 * @param step           the number of updates done by the trainer so far (over all runs)
 * @param loss           the mean loss since the previous report of the same kind (the epoch's mean at its end)
 * @param learningRate   the learning rate of the last update
 * @param elapsedSeconds seconds since this run started
 * @param stepsPerSecond updates per second in this run
 * @param endOfEpoch     true for the report at the end of an epoch, false for an every-N-steps report
 */
public record Progress(int epoch, int epochs, int batch, long step, double loss, double learningRate,
                       double elapsedSeconds, double stepsPerSecond, boolean endOfEpoch) {

    /** One compact line, e.g. {@code epoch 3/10  step 360  loss 0.4321  lr 1.00e-03  4.2 s  85.7 steps/s}. */
    public String format() {
        String where = endOfEpoch ? String.format(Locale.ROOT, "epoch %d/%d  step %d", epoch, epochs, step)
                                  : String.format(Locale.ROOT, "  step %d (epoch %d/%d, batch %d)", step, epoch, epochs, batch);
        return String.format(Locale.ROOT, "%s  loss %.4f  lr %.2e  %.1f s  %.1f steps/s", where, loss, learningRate, elapsedSeconds, stepsPerSecond);
    }
}
