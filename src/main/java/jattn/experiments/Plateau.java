package jattn.experiments;

/**
 * Stop when the validation curve has flattened: the best exact match of the last
 * {@code evaluations} evaluations beats the best before them by no more than {@code minGain}.
 * <pre>
 *   after evaluation j (j = 1 … ; em₁ … em_j):   stop if j &gt; k  and  max(em_{j−k+1} … em_j) − max(em₁ … em_{j−k}) ≤ δ
 * </pre>
 * Written {@code Plateau.gainAtMost(0.005).over(4)}: "stop once 4 evaluations in a row have
 * gained at most 0.005".
 *
 * @param minGain     δ ≥ 0, the gain that still counts as progress if exceeded
 * @param evaluations k ≥ 1, the patience in evaluations
 */
public record Plateau(double minGain, int evaluations) implements StopRule {

    public Plateau {
        if (!(minGain >= 0) || evaluations < 1)
            throw new IllegalArgumentException("Plateau: need δ ≥ 0 and patience ≥ 1 evaluations, got δ = " + minGain
                    + ", patience " + evaluations);
    }

    /** The first half of the rule: the gain δ. */
    public static Gain gainAtMost(double minGain) { return new Gain(minGain); }

    /** δ, waiting for its patience. */
    public record Gain(double minGain) {
        /** The rule with a patience of {@code evaluations} evaluations. */
        public Plateau over(int evaluations) { return new Plateau(minGain, evaluations); }
    }

    @Override
    public boolean stop(double[] em) {
        int j = em.length, k = evaluations;
        if (j <= k) return false;
        double before = Double.NEGATIVE_INFINITY, recent = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < j - k; i++) before = Math.max(before, em[i]);
        for (int i = j - k; i < j; i++) recent = Math.max(recent, em[i]);
        return recent - before <= minGain;
    }
}
