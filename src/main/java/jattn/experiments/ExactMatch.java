package jattn.experiments;

/**
 * Stop as soon as the validation exact match reaches a target: {@code ExactMatch.of(0.99)}.
 *
 * @param target the exact match to reach, in [0, 1] (a target above 1 is never reached)
 */
public record ExactMatch(double target) implements StopRule {

    public ExactMatch {
        if (!(target >= 0)) throw new IllegalArgumentException("ExactMatch: the target must be ≥ 0, got " + target);
    }

    public static ExactMatch of(double target) { return new ExactMatch(target); }

    /** The last evaluation reached the target. */
    @Override
    public boolean stop(Evaluations e) {
        double[] em = e.exactMatch();
        return em.length > 0 && em[em.length - 1] >= target;
    }
}
