package jattn.viz;

import jattn.train.History;

/**
 * One named line of a {@link Lines} chart: y against x, the same number of points.
 *
 * @param name the legend entry
 * @param x    the x values
 * @param y    the y values (a non-finite value leaves a gap)
 * @param drawn a line through the points ({@link Drawn#AS_LINE}, the default) or the points alone
 *              ({@link Drawn#AS_POINTS}: data of a scatter plot, e.g. noisy training samples)
 */
public record Series(String name, double[] x, double[] y, Drawn drawn) {

    /** How a series is drawn. */
    public enum Drawn { AS_LINE, AS_POINTS }

    /** A line, y against x. */
    public Series(String name, double[] x, double[] y) {
        this(name, x, y, Drawn.AS_LINE);
    }

    public Series {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("Series: every line needs a name for the legend");
        if (x.length != y.length)
            throw new IllegalArgumentException("Series \"" + name + "\": " + x.length + " x values but " + y.length + " y values");
        if (drawn == null) throw new IllegalArgumentException("Series \"" + name + "\": say how it is drawn (Drawn.AS_LINE or AS_POINTS)");
        x = x.clone();
        y = y.clone();
    }

    /** y against x. */
    public static Series of(String name, double[] x, double[] y) {
        return new Series(name, x, y);
    }

    /** The points (x, y) alone, as markers without a line. */
    public static Series points(String name, double[] x, double[] y) {
        return new Series(name, x, y, Drawn.AS_POINTS);
    }

    /** values[i] against the step i + 1 (steps 1…n). */
    public static Series perStep(String name, double[] values) {
        double[] x = new double[values.length];
        for (int i = 0; i < x.length; i++) x[i] = i + 1;
        return new Series(name, x, values);
    }

    /**
     * The mean of every {@code window} consecutive values against the last step of its window
     * (window, 2·window, …, steps 1-based); a last incomplete window is dropped.
     */
    public static Series smoothed(String name, double[] values, int window) {
        if (window < 1) throw new IllegalArgumentException("Series \"" + name + "\": window = " + window + ", need ≥ 1");
        int points = values.length / window;
        double[] x = new double[points], y = new double[points];
        for (int p = 0; p < points; p++) {
            for (int k = 0; k < window; k++) y[p] += values[p * window + k] / window;
            x[p] = (p + 1) * window;
        }
        return new Series(name, x, y);
    }

    /** A training run's loss per update, as means of {@code window} updates ({@link #smoothed}). */
    public static Series loss(String name, History history, int window) {
        return smoothed(name, history.stepLosses(), window);
    }
}
