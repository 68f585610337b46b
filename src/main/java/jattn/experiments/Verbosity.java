package jattn.experiments;

/** Whether a training run prints a progress line at each report (to the current System.out, flushed). */
public enum Verbosity {
    /** One line per epoch or evaluation, while the run goes on. */
    PRINT_PROGRESS,
    /** Nothing. */
    QUIET;

    public boolean prints() { return this == PRINT_PROGRESS; }
}
