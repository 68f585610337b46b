package jattn.grading;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Grades every submission of an assignment, in parallel, and writes under {@code out/}:
 * <pre>
 *   results/&lt;student&gt;.json             one per submission, written when it is graded (the resume points)
 *   gradebook.csv                     one row per submission: points per question, total, status
 *   feedback/&lt;student&gt;.html           what passed and failed, no hidden test code or output
 *   gradescope/&lt;student&gt;/results.json  Gradescope's format
 *   summary.html                      score distribution per question, and what could not be graded
 * </pre>
 * Each submission runs in its own agent JVM ({@link SubmissionGrader}); up to {@code jobs} at a
 * time. A run that is interrupted loses nothing: every finished submission's result is already on
 * disk, and the next run grades only what has no result or has changed (by SHA-256), unless
 * {@code regrade} is set.
 */
public final class Gradebook {

    /** What to grade and how. */
    public record Settings(int jobs, boolean regrade, SubmissionGrader.Settings grader) {
        public static Settings defaults(SubmissionGrader.Settings grader) {
            return new Settings(Runtime.getRuntime().availableProcessors(), false, grader);
        }
        public Settings withJobs(int n) { return new Settings(n, regrade, grader); }
        public Settings regradingEverything() { return new Settings(jobs, true, grader); }
    }

    /** The outcome of a run: every current submission's result, the superseded files, and how many were graded now. */
    public record Run(List<SubmissionResult> results, List<Submissions.Submission> superseded, int gradedNow, int reused, double seconds) {}

    private Gradebook() {}

    public static Run grade(Assignment assignment, Path submitted, Path out, Settings settings, PrintStream progress) throws IOException {
        long t0 = System.nanoTime();
        Submissions subs = Submissions.find(submitted, assignment.name());
        Path resultsDir = out.resolve("results");
        Files.createDirectories(resultsDir);
        List<SubmissionResult> results = new ArrayList<>();
        List<Submissions.Submission> todo = new ArrayList<>();
        for (Submissions.Submission s : subs.current()) {
            var before = settings.regrade() ? java.util.Optional.<SubmissionResult>empty() : Results.read(resultFile(resultsDir, s.student()));
            String sha = Files.isDirectory(s.file()) ? "none" : SubmissionGrader.sha256(s.file());
            if (before.isPresent() && before.get().sha256().equals(sha) && before.get().file().equals(s.file().toString())) results.add(before.get());
            else todo.add(s);
        }
        int reused = results.size();
        ProgressBar bar = new ProgressBar(progress, todo.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.jobs()));
        try {
            List<Future<SubmissionResult>> futures = new ArrayList<>();
            for (Submissions.Submission s : todo)
                futures.add(pool.submit(() -> {
                    SubmissionResult r = gradeOne(assignment, s, settings.grader());
                    Results.write(resultFile(resultsDir, s.student()), r);
                    bar.step(r.graded());
                    return r;
                }));
            for (Future<SubmissionResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IOException("grading failed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("grading interrupted; what was graded is kept in " + resultsDir);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        results.sort(Comparator.comparing(SubmissionResult::student));
        Run run = new Run(List.copyOf(results), subs.superseded(), todo.size(), reused, (System.nanoTime() - t0) / 1e9);
        Reports.write(assignment, run, out);
        return run;
    }

    /** One submission, in a work folder of its own; anything unexpected becomes an ungraded result, not a crash. */
    private static SubmissionResult gradeOne(Assignment a, Submissions.Submission s, SubmissionGrader.Settings g) {
        try {
            Path work = Files.createTempDirectory(g.workDir(), "sub-");
            AgentLauncher.readableByAll(work);
            try {
                return SubmissionGrader.grade(a, s.student(), s.file(), new SubmissionGrader.Settings(g.cellSeconds(), g.heapMegabytes(),
                        g.sandbox(), g.classpath(), work));
            } finally {
                deleteTree(work);
            }
        } catch (IOException | RuntimeException e) {
            return SubmissionGrader.failedResult(a, s.student(), s.file(), "the grader could not grade this submission: " + e, 0);
        }
    }

    static Path resultFile(Path dir, String student) {
        return dir.resolve(safe(student) + ".json");
    }

    /** A student id as a file name: letters, digits, '.', '-', '_' kept, the rest '_'. */
    static String safe(String id) {
        String s = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.startsWith(".") ? "_" + s : s;
    }

    static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    static String fmt(double points) {
        return points == Math.rint(points) ? Long.toString((long) points) : String.format(Locale.ROOT, "%.2f", points);
    }
}
