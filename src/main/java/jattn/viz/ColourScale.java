package jattn.viz;

import java.util.List;

/**
 * How a heatmap maps values to colours.
 *
 * <ul>
 *   <li>{@link #SEQUENTIAL}: white at 0 to dark blue at the largest value, for values ≥ 0
 *       (attention weights, probabilities, one-hot entries, cosines of one-hot vectors);</li>
 *   <li>{@link #DIVERGING}: blue for negative, white at 0, red for positive, symmetric
 *       (−m … m with m the largest |value|), for signed values (states, encodings);</li>
 *   <li>{@link #AUTO}: {@code SEQUENTIAL} if no value is negative, else {@code DIVERGING}.</li>
 * </ul>
 */
public enum ColourScale {
    AUTO, SEQUENTIAL, DIVERGING;

    /** ColorBrewer "Blues", white to dark blue. */
    static final List<List<Object>> BLUES = List.of(
            List.of(0.0, "#ffffff"), List.of(0.125, "#deebf7"), List.of(0.25, "#c6dbef"), List.of(0.375, "#9ecae1"),
            List.of(0.5, "#6baed6"), List.of(0.625, "#4292c6"), List.of(0.75, "#2171b5"), List.of(0.875, "#08519c"),
            List.of(1.0, "#08306b"));
    /** ColorBrewer "RdBu" reversed: blue (negative), white (0), red (positive). */
    static final List<List<Object>> BLUE_WHITE_RED = List.of(
            List.of(0.0, "#053061"), List.of(0.1, "#2166ac"), List.of(0.2, "#4393c3"), List.of(0.3, "#92c5de"),
            List.of(0.4, "#d1e5f0"), List.of(0.5, "#f7f7f7"), List.of(0.6, "#fddbc7"), List.of(0.7, "#f4a582"),
            List.of(0.8, "#d6604d"), List.of(0.9, "#b2182b"), List.of(1.0, "#67001f"));

    /** The scale for values between min and max: AUTO is resolved, the others stay. */
    ColourScale resolve(double min, double max) {
        if (this != AUTO) return this;
        return min < 0 ? DIVERGING : SEQUENTIAL;
    }

    /**
     * The colour range [zmin, zmax] for data in [min, max]: sequential from 0 (or from min if
     * min is negative) to max; diverging symmetric around 0. A constant 0 matrix gets [0, 1].
     */
    double[] range(double min, double max) {
        ColourScale s = resolve(min, max);
        if (s == DIVERGING) {
            double m = Math.max(Math.abs(min), Math.abs(max));
            if (m == 0) m = 1;
            return new double[]{-m, m};
        }
        double lo = Math.min(0, min), hi = max;
        if (hi <= lo) hi = lo + 1;
        return new double[]{lo, hi};
    }

    List<List<Object>> colours(double min, double max) {
        return resolve(min, max) == DIVERGING ? BLUE_WHITE_RED : BLUES;
    }
}
