package jattn.train;

import java.io.PrintStream;

/** Receives {@link Progress} reports from {@link Trainer}: prints them, plots them, or checks a validation set. */
@FunctionalInterface
public interface TrainingListener {

    void onProgress(Progress progress);

    /**
     * Prints each report as one line to the current {@code System.out}, looked up at every
     * report (notebook kernels swap System.out per cell), and flushes, so a long cell shows
     * its progress while it runs.
     */
    static TrainingListener printing() {
        return p -> {
            System.out.println(p.format());
            System.out.flush();
        };
    }

    /** Prints each report as one line to {@code out}. */
    static TrainingListener printing(PrintStream out) {
        return p -> {
            out.println(p.format());
            out.flush();
        };
    }

    /** Ignores every report. */
    static TrainingListener silent() {
        return p -> { };
    }
}
