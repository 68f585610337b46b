package jattn.grading;

import java.io.PrintStream;
import java.util.Locale;

/** A progress bar on one line of stderr: "[########------------]  12/100 graded, 1 could not be graded, 0:48". */
final class ProgressBar {
    private final PrintStream out;
    private final int total;
    private final long t0 = System.nanoTime();
    private int done, failed;

    ProgressBar(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    synchronized void step(boolean graded) {
        done++;
        if (!graded) failed++;
        int width = 30, filled = total == 0 ? width : done * width / total;
        long s = (System.nanoTime() - t0) / 1_000_000_000L;
        out.printf(Locale.ROOT, "\r[%s%s] %4d/%d graded%s, %d:%02d", "#".repeat(filled), "-".repeat(width - filled), done, total,
                failed == 0 ? "" : ", " + failed + " could not be graded", s / 60, s % 60);
        if (done == total) out.println();
        out.flush();
    }
}
