package jattn.experiments;

/**
 * Stop when the validation curve has flattened: the lowest validation LOSS of the last
 * {@code evaluations} evaluations is below the lowest before them by no more than {@code minDrop}.
 * <pre>
 *   after evaluation j (losses L₁ … L_j):   stop if j &gt; k  and  min(L₁ … L_{j−k}) − min(L_{j−k+1} … L_j) ≤ δ
 * </pre>
 * The loss, not the exact match, because the exact match of a sequence model stays near 0 for
 * a long time before it rises (every token must be right), so an early flat stretch of exact
 * match is no plateau; the cross-entropy falls from the first update on. Written
 * {@code Plateau.lossDropAtMost(0.01).over(3)}: "stop once 3 evaluations in a row lowered the
 * validation loss by at most 0.01".
 *
 * @param minDrop     δ ≥ 0 (nats per token), the drop that still counts as progress if exceeded
 * @param evaluations k ≥ 1, the patience in evaluations
 */
public record Plateau(double minDrop, int evaluations) implements StopRule {

    public Plateau {
        if (!(minDrop >= 0) || evaluations < 1)
            throw new IllegalArgumentException("Plateau: need δ ≥ 0 and patience ≥ 1 evaluations, got δ = " + minDrop
                    + ", patience " + evaluations);
    }

    /** The first half of the rule: the drop δ. */
    public static Drop lossDropAtMost(double minDrop) { return new Drop(minDrop); }

    /** δ, waiting for its patience. */
    public record Drop(double minDrop) {
        /** The rule with a patience of {@code evaluations} evaluations. */
        public Plateau over(int evaluations) { return new Plateau(minDrop, evaluations); }
    }

    @Override
    public boolean stop(Evaluations e) {
        double[] loss = e.loss();
        int j = loss.length, k = evaluations;
        if (j <= k) return false;
        double before = Double.POSITIVE_INFINITY, recent = Double.POSITIVE_INFINITY;
        for (int i = 0; i < j - k; i++) before = Math.min(before, loss[i]);
        for (int i = j - k; i < j; i++) recent = Math.min(recent, loss[i]);
        return before - recent <= minDrop;
    }
}
