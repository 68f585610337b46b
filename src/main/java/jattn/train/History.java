package jattn.train;

/**
 * What one {@link Trainer} run did: the loss of every update and the mean loss of every
 * epoch, for a training-curve plot.
 *
 * @param stepLosses  the loss of each update of the run, in order
 * @param epochLosses the mean loss of each epoch
 * @param seconds     the run's wall-clock time
 */
public record History(double[] stepLosses, double[] epochLosses, double seconds) {

    /** The mean loss of the last epoch (NaN if there was none). */
    public double finalLoss() {
        return epochLosses.length == 0 ? Double.NaN : epochLosses[epochLosses.length - 1];
    }
}
