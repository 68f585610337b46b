package jattn.train;

/**
 * The learning rate as a function of the update number s = 0, 1, 2, … (s = 0 is the first
 * update). {@link Trainer} sets {@code optimizer.setLearningRate(schedule.at(s))} before update s.
 * <pre>
 *   constant:       η(s) = η
 *   stepDecay:      η(s) = η·γ^⌊s / stepSize⌋
 *   warm-up:        η(s) = η·(s + 1)/W                      for s &lt; W  (never 0, unlike some libraries)
 *   then, with p = (s − W)/(S − W) clamped to [0, 1]:
 *     cosine:       η(s) = ηmin + (η − ηmin)·½(1 + cos πp)
 *     linear:       η(s) = η·(1 − p)
 *   noam:           η(s) = f·dModel^(−½)·min((s+1)^(−½), (s+1)·W^(−3/2))   (Vaswani et al. 2017, §5.3)
 * </pre>
 * W is the number of warm-up updates and S the total number of updates; after S the rate
 * stays at its final value.
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /** The learning rate for update {@code step} (0-based). */
    double at(int step);

    /** η(s) = lr. */
    static LearningRateSchedule constant(double lr) {
        positive("constant: lr", lr);
        return s -> lr;
    }

    /** η(s) = lr·γ^⌊s / stepSize⌋: multiplied by γ every stepSize updates. */
    static LearningRateSchedule stepDecay(double lr, int stepSize, double gamma) {
        positive("stepDecay: lr", lr);
        if (stepSize < 1) throw new IllegalArgumentException("stepDecay: stepSize must be ≥ 1, got " + stepSize);
        if (!(gamma > 0 && gamma <= 1)) throw new IllegalArgumentException("stepDecay: gamma must be in (0, 1], got " + gamma);
        return s -> lr * Math.pow(gamma, Math.floorDiv(s, stepSize));
    }

    /** Linear warm-up to {@code peak} over {@code warmupSteps}, then cosine decay to {@code minLr} at {@code totalSteps}. */
    static LearningRateSchedule warmupCosine(double peak, int warmupSteps, int totalSteps, double minLr) {
        checkWarmup(peak, warmupSteps, totalSteps);
        if (!(minLr >= 0 && minLr <= peak)) throw new IllegalArgumentException("warmupCosine: minLr must be in [0, peak], got " + minLr);
        return s -> s < warmupSteps ? peak * (s + 1) / warmupSteps
                : minLr + (peak - minLr) * 0.5 * (1 + Math.cos(Math.PI * progress(s, warmupSteps, totalSteps)));
    }

    /** Linear warm-up to {@code peak} over {@code warmupSteps}, then linear decay to 0 at {@code totalSteps}. */
    static LearningRateSchedule warmupLinear(double peak, int warmupSteps, int totalSteps) {
        checkWarmup(peak, warmupSteps, totalSteps);
        return s -> s < warmupSteps ? peak * (s + 1) / warmupSteps
                : peak * (1 - progress(s, warmupSteps, totalSteps));
    }

    /** The Transformer paper's schedule: linear warm-up over {@code warmupSteps}, then ∝ 1/√(s+1); peak f/√(dModel·W). */
    static LearningRateSchedule noam(int dModel, int warmupSteps, double factor) {
        if (dModel < 1 || warmupSteps < 1)
            throw new IllegalArgumentException("noam: dModel and warmupSteps must be ≥ 1, got " + dModel + ", " + warmupSteps);
        positive("noam: factor", factor);
        return s -> factor / Math.sqrt(dModel) * Math.min(1 / Math.sqrt(s + 1.0), (s + 1.0) * Math.pow(warmupSteps, -1.5));
    }

    private static double progress(int s, int warmupSteps, int totalSteps) {
        if (totalSteps == warmupSteps) return 1;
        return Math.min(1, Math.max(0, (double) (s - warmupSteps) / (totalSteps - warmupSteps)));
    }

    private static void checkWarmup(double peak, int warmupSteps, int totalSteps) {
        positive("warm-up: peak", peak);
        if (warmupSteps < 0 || totalSteps < warmupSteps)
            throw new IllegalArgumentException("warm-up: need 0 ≤ warmupSteps ≤ totalSteps, got " + warmupSteps + ", " + totalSteps);
    }

    private static void positive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(what + " must be finite and > 0, got " + v);
    }
}
