package jattn.train;

/**
 * Thrown by {@link Trainer} when the loss (or the gradient norm) becomes NaN or infinite: the
 * message says at which step, epoch and batch, so the run can be reproduced and fixed
 * (a smaller learning rate, gradient clipping, a masked row that should not be there).
 */
public final class TrainingDivergedException extends IllegalStateException {

    private final long step;
    private final int epoch;
    private final int batch;
    private final double value;

    TrainingDivergedException(String what, double value, long step, int epoch, int batch, String hint) {
        super("Training diverged: the " + what + " is " + value + " at step " + step + " (epoch " + epoch
                + ", batch " + batch + "). " + hint);
        this.step = step;
        this.epoch = epoch;
        this.batch = batch;
        this.value = value;
    }

    /** The trainer's update number at which it happened (1 for the first update). */
    public long step() { return step; }
    public int epoch() { return epoch; }
    public int batch() { return batch; }
    /** The NaN or infinite value. */
    public double value() { return value; }
}
