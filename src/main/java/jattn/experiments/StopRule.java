package jattn.experiments;

/**
 * When a training run that is evaluated on VALIDATION data stops (never on test data: the test
 * set is scored once, after the run). {@link ExactMatch}: a target exact match is reached;
 * {@link Plateau}: the validation loss has stopped falling. A run also stops at its update budget.
 */
public sealed interface StopRule permits ExactMatch, Plateau {

    /** Whether to stop after the validation evaluations so far (not modified). */
    boolean stop(Evaluations evaluations);

    /**
     * The validation measurements of a run so far, oldest first, one entry per evaluation.
     *
     * @param exactMatch the greedy exact match
     * @param loss       the teacher-forced mean cross-entropy per target token
     */
    record Evaluations(double[] exactMatch, double[] loss) {
        public Evaluations {
            if (exactMatch.length != loss.length)
                throw new IllegalArgumentException("StopRule.Evaluations: " + exactMatch.length + " exact matches but "
                        + loss.length + " losses; expected one of each per evaluation");
        }

        /** The number of evaluations. */
        public int count() { return exactMatch.length; }
    }
}
