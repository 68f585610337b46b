package jattn.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Grades one submission of an {@link Assignment}, fail-closed:
 * <ol>
 *   <li>the notebook that runs is rebuilt from the source: test cells and locked cells come from
 *       the source (a deleted or edited test still runs as the instructor wrote it, with the
 *       source's points); solution cells come from the submission by {@code grade_id}, with any
 *       cells the student added before them; a missing solution cell runs as empty;</li>
 *   <li>its code cells run in order in a sandboxed agent JVM ({@link CellRunner});</li>
 *   <li>a test cell earns its points only if its visible part and then its hidden part ran without
 *       a compile error or exception, as decided on the host from JShell's events. A timeout, a
 *       dead agent or anything else abnormal gives 0 for what it affected, with the reason.</li>
 * </ol>
 * Nothing a submission prints is read as a result.
 */
public final class SubmissionGrader {

    /** Limits for one submission. */
    public record Settings(double cellSeconds, int heapMegabytes, Sandbox sandbox, List<Path> classpath, Path workDir) {
        public Settings withCellSeconds(double s) { return new Settings(s, heapMegabytes, sandbox, classpath, workDir); }
        public Settings withHeapMegabytes(int mb) { return new Settings(cellSeconds, mb, sandbox, classpath, workDir); }
    }

    private SubmissionGrader() {}

    /** Grades {@code file} as {@code student}'s submission. Never throws for a bad submission: the result says what was wrong. */
    public static SubmissionResult grade(Assignment assignment, String student, Path file, Settings settings) {
        long t0 = System.nanoTime();
        if (Files.isDirectory(file))
            return failed(assignment, student, file, "none", "nothing submitted: no .ipynb file in " + file, t0);
        String sha = sha256(file);
        Notebook submitted;
        try {
            submitted = Notebook.read(file);
        } catch (NotebookFormatException e) {
            return failed(assignment, student, file, sha, e.getMessage(), t0);
        }
        List<Cell> cells = merge(assignment.source(), submitted);
        List<TestResult> tests = new ArrayList<>();
        List<String> notes = new ArrayList<>(), cellProblems = new ArrayList<>();
        AgentLauncher.Settings agent = new AgentLauncher.Settings(Path.of(System.getProperty("java.home"), "bin", "java"),
                settings.classpath(), settings.heapMegabytes(), settings.sandbox(), Sandbox.Limits.defaults(), settings.workDir());
        try (CellRunner runner = new CellRunner(agent, settings.cellSeconds())) {
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                if (!c.isCode()) continue;
                Optional<NbgraderCell> n = c.nbgrader();
                if (n.isPresent() && n.get().isTest()) {
                    tests.add(runTest(runner, c, n.get(), !usedLater(runner.declaredVariables(c.source()), cells.subList(i + 1, cells.size()))));
                } else {
                    CellRunner.Owner who = n.isPresent() && n.get().isSolution() ? CellRunner.Owner.STUDENT : CellRunner.Owner.SOURCE;
                    CellOutcome o = runner.run(c.number(), c.source(), who); // setup and solutions: their failures also show in the tests
                    if (!o.ok()) cellProblems.add((n.isPresent() ? n.get().gradeId() + ", " : "") + o.problem());
                }
            }
            notes.addAll(runner.redefinitions());
            notes.addAll(cellProblems);
        }
        double total = tests.stream().mapToDouble(TestResult::points).sum();
        return new SubmissionResult(student, assignment.name(), file.toString(), sha, tests, total, assignment.maxPoints(),
                "", notes, seconds(t0), Instant.now().toString());
    }

    /** Whether a later cell's source names one of {@code variables} (then the cell that declares them must not run as a block). */
    static boolean usedLater(List<String> variables, List<Cell> later) {
        for (String v : variables) {
            java.util.regex.Pattern word = java.util.regex.Pattern.compile("(?<![\\w$])" + java.util.regex.Pattern.quote(v) + "(?![\\w$])");
            for (Cell c : later) if (c.isCode() && word.matcher(c.source()).find()) return true;
        }
        return false;
    }

    private static TestResult runTest(CellRunner runner, Cell c, NbgraderCell n, boolean asBlock) {
        Markers.TestParts parts = Markers.splitTests("cell " + c.number(), c.source());
        String q = Assignment.question(n.gradeId());
        if (!asBlock) return runTestAsSnippets(runner, c, n, parts, q);
        CellOutcome visible = runAsBlock(runner, c.number(), parts.visible());
        if (!visible.ok())
            return new TestResult(n.gradeId(), q, 0, n.points(), false, parts.hasHidden(), visible.problem(), visible.output());
        if (parts.hasHidden()) {
            CellOutcome hidden = runAsBlock(runner, c.number(), parts.visible() + parts.hidden());
            if (!hidden.ok())
                return new TestResult(n.gradeId(), q, 0, n.points(), false, true, "cell " + c.number() + ": " + hiddenFailure(hidden), visible.output());
        }
        return new TestResult(n.gradeId(), q, n.points(), n.points(), true, parts.hasHidden(), "", visible.output());
    }

    /** A test cell whose variables later cells use: run as the kernel runs it, its variables kept. */
    private static TestResult runTestAsSnippets(CellRunner runner, Cell c, NbgraderCell n, Markers.TestParts parts, String q) {
        CellOutcome visible = runner.run(c.number(), parts.visible());
        if (!visible.ok())
            return new TestResult(n.gradeId(), q, 0, n.points(), false, parts.hasHidden(), visible.problem(), visible.output());
        if (parts.hasHidden()) {
            CellOutcome hidden = runner.run(c.number(), parts.hidden());
            if (!hidden.ok())
                return new TestResult(n.gradeId(), q, 0, n.points(), false, true, "cell " + c.number() + ": " + hiddenFailure(hidden), visible.output());
        }
        return new TestResult(n.gradeId(), q, n.points(), n.points(), true, parts.hasHidden(), "", visible.output());
    }

    private static String hiddenFailure(CellOutcome hidden) {
        return switch (hidden.status()) {
            case TIMEOUT -> "a hidden test ran out of time";
            case AGENT_DIED -> "the code stopped the JVM during a hidden test";
            default -> "a hidden test failed";
        };
    }

    /**
     * A test cell's code as one block statement, so that JShell compiles it once rather than once
     * per statement (a test cell is a run of statements and asserts). The hidden part runs as a
     * second block after the visible one, which it may use. A cell whose variables a later cell uses is
 * not wrapped (see {@link #usedLater}), since a block's variables end with it. A cell that is not a run of statements
     * (it declares a method, say) does not compile as a block; it then runs as the kernel runs it,
     * snippet by snippet, and so does any block that does not compile, so that its message is the
     * kernel's.
     */
    private static CellOutcome runAsBlock(CellRunner runner, int cell, String code) {
        CellOutcome block = runner.run(cell, "{\n" + code + "\n}\n");
        if (block.status() != CellOutcome.Status.COMPILE_ERROR) return block;
        return runner.run(cell, code);
    }

    /**
     * The cells to run: the source's cells in order, except that each solution cell is the
     * submission's (found by grade_id), preceded by the code cells the student added just before it.
     */
    static List<Cell> merge(Notebook source, Notebook submitted) {
        List<Cell> out = new ArrayList<>();
        for (Cell c : source.cells()) {
            Optional<NbgraderCell> n = c.nbgrader();
            if (n.isEmpty() || !n.get().isSolution()) { out.add(c); continue; }
            String id = n.get().gradeId();
            List<Cell> sub = submitted.cells();
            int at = -1;
            for (int i = 0; i < sub.size(); i++)
                if (sub.get(i).nbgrader().map(x -> x.gradeId().equals(id)).orElse(false) && sub.get(i).isCode()) { at = i; break; }
            if (at < 0) { out.add(c.withSource("")); continue; }                   // deleted: runs as empty, its tests fail
            int from = at;
            while (from > 0 && sub.get(from - 1).nbgrader().isEmpty()) from--;     // the student's own cells before it
            for (int i = from; i < at; i++)
                if (sub.get(i).isCode())                                            // the student's: runs as a solution cell
                    out.add(new Cell(c.number(), "code", sub.get(i).source(),
                            Optional.of(new NbgraderCell(id + "-added", 0, true, false, false, NbgraderCell.SCHEMA_VERSION))));
            out.add(c.withSource(sub.get(at).source()));
        }
        return out;
    }

    /** A submission that could not be graded at all: every test at 0, with the reason. */
    static SubmissionResult failedResult(Assignment a, String student, Path file, String why, double seconds) {
        return failed(a, student, file, Files.isRegularFile(file) ? sha256(file) : "none", why, System.nanoTime() - (long) (seconds * 1e9));
    }

    private static SubmissionResult failed(Assignment a, String student, Path file, String sha, String why, long t0) {
        List<TestResult> zero = new ArrayList<>();
        for (Cell c : a.source().testCells()) {
            NbgraderCell n = c.nbgrader().orElseThrow();
            zero.add(new TestResult(n.gradeId(), Assignment.question(n.gradeId()), 0, n.points(), false,
                    Markers.splitTests("cell " + c.number(), c.source()).hasHidden(), why, ""));
        }
        return new SubmissionResult(student, a.name(), file.toString(), sha, zero, 0, a.maxPoints(), why, List.of(), seconds(t0), Instant.now().toString());
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            return "unreadable";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long t0) { return (System.nanoTime() - t0) / 1e9; }
}
