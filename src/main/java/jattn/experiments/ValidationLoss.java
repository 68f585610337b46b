package jattn.experiments;

/**
 * Whether {@link TrainToTarget} also measures the teacher-forced validation loss at each
 * evaluation, beside the greedy validation exact match.
 *
 * <p>The loss is a second pass over every validation pair (teacher forcing, no gradients), about
 * as costly as the greedy decoding itself: on the dates an evaluation of both costs as much as
 * some 40 updates. A run whose stop rule reads only the exact match ({@link ExactMatch}) and whose
 * loss curve nobody plots can skip it; a {@link Plateau} rule needs it.
 */
public enum ValidationLoss {
    /** Measure the loss at every evaluation (needed by {@link Plateau}, and for a plot of the validation loss). */
    MEASURED,
    /** Skip it: {@link TrainToTarget.Result#validLoss()} holds NaN at every evaluation. */
    SKIPPED;

    /** Checks that {@code rule} can judge without the loss when it is skipped. */
    void checkFor(StopRule rule) {
        if (this == SKIPPED && rule instanceof Plateau)
            throw new IllegalArgumentException("TrainToTarget: the stop rule " + rule + " judges the validation loss, "
                    + "which ValidationLoss.SKIPPED does not measure; use ValidationLoss.MEASURED");
    }
}
