package jattn.experiments;

/**
 * When a training run that is evaluated on VALIDATION data stops (never on test data: the test
 * set is scored once, after the run). {@link ExactMatch}: a target is reached; {@link Plateau}:
 * the validation curve has flattened. A run also stops at its update budget.
 */
public sealed interface StopRule permits ExactMatch, Plateau {

    /**
     * Whether to stop after the evaluations so far.
     *
     * @param validExactMatch the validation exact match of every evaluation, oldest first (not modified)
     */
    boolean stop(double[] validExactMatch);
}
