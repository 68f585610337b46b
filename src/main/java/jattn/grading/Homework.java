package jattn.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The instructor's and the student's command line ({@code ./course homework ...}):
 * <pre>
 *   jar      COURSE_JAR OUT_JAR                         the homework jar (the course jar without the answers)
 *   release  SOURCE.ipynb... [--out DIR]                student notebooks, after checking each source
 *   check    NOTEBOOK.ipynb                             a student's visible tests, per question with points
 *   grade    SOURCE.ipynb --submitted DIR --out DIR [--regrade] [--jobs N] [--timeout S] [--memory MB]
 *   bench    SOURCE.ipynb [--count N]                  grade a made-up class of N submissions, print per minute
 *   autograder SOURCE.ipynb [--out DIR]                a Gradescope autograder bundle (zip)
 *   gradescope SOURCE.ipynb SUBMISSION_DIR RESULTS_JSON  what the bundle's run_autograder calls
 * </pre>
 * Every command that runs code runs it in sandboxed agent JVMs on the homework jar
 * ({@code --jar}, default target/homework.jar).
 */
public final class Homework {

    private Homework() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) usage("no command");
        Options o = Options.parse(List.of(args).subList(1, args.length));
        try {
            switch (args[0]) {
                case "jar" -> {
                    if (o.files.size() != 2) usage("jar COURSE_JAR OUT_JAR");
                    int left = HomeworkJar.write(Path.of(o.files.get(0)), Path.of(o.files.get(1)));
                    System.out.println("wrote " + o.files.get(1) + " (" + left + " answer classes left out)");
                }
                case "release" -> release(o);
                case "check" -> System.exit(check(o));
                case "grade" -> grade(o);
                case "bench" -> bench(o);
                case "autograder" -> autograder(o);
                case "gradescope" -> gradescope(o);
                default -> usage("unknown command " + args[0]);
            }
        } catch (NotebookFormatException | Release.RefusedException e) {
            System.err.println("homework " + args[0] + ": " + e.getMessage());
            System.exit(1);
        }
    }

    private static void release(Options o) throws IOException {
        if (o.files.isEmpty()) usage("release SOURCE.ipynb... [--out DIR]");
        Path out = Path.of(o.out == null ? "target/homework/release" : o.out);
        int refused = 0;
        for (String f : o.files) {
            Assignment a = Assignment.read(Path.of(f));
            try {
                Release.Check c = Release.release(a, out.resolve(a.name() + ".ipynb"), settings(o));
                System.out.printf(Locale.ROOT, "%s: released to %s (solutions %s/%s points, stubs %s)%n", a.name(), out.resolve(a.name() + ".ipynb"),
                        Gradebook.fmt(c.solutions().total()), Gradebook.fmt(a.maxPoints()), Gradebook.fmt(c.stubs().total()));
            } catch (Release.RefusedException e) {
                System.err.println("refused: " + e.getMessage());
                refused++;
            }
        }
        if (refused > 0) System.exit(1);
    }

    /** The student's own check: the notebook's visible tests, graded against the notebook itself. */
    static int check(Options o) throws IOException {
        if (o.files.size() != 1) usage("check NOTEBOOK.ipynb");
        Path nb = Path.of(o.files.get(0));
        Assignment a = Assignment.read(nb);
        SubmissionResult r = SubmissionGrader.grade(a, "you", nb, settings(o));
        System.out.print(report(a, r));
        return r.total() == r.maxPoints() ? 0 : 1;
    }

    /**
     * The check cell of a homework notebook: grades the saved {@code notebook} (a path relative to
     * the notebook's folder, the kernel's working directory) against its own visible tests, in a
     * fresh sandboxed JVM on the jar this class came from, and prints the result per question.
     * Under the grader (a SecurityManager is set) it does nothing.
     */
    @SuppressWarnings("removal")
    public static void checkInNotebook(String notebook) throws IOException {
        if (System.getSecurityManager() != null) {
            System.out.println("(the check cell does not run while grading)");
            return;
        }
        Path nb = Path.of(notebook).toAbsolutePath();
        if (!Files.isRegularFile(nb)) throw new IOException(nb + " not found: save the notebook, and give its file name");
        Options o = new Options();
        try {
            o.jar = Path.of(Homework.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        Assignment a = Assignment.read(nb);
        System.out.println("checking the saved " + nb.getFileName() + " (" + Files.getLastModifiedTime(nb) + ") ...");
        System.out.print(report(a, SubmissionGrader.grade(a, "you", nb, settings(o))));
    }

    /** Per question: points, and each visible test passed or failed with its message. */
    static String report(Assignment a, SubmissionResult r) {
        StringBuilder sb = new StringBuilder();
        if (!r.graded()) sb.append("could not be checked: ").append(r.error()).append('\n');
        for (String q : a.questionOrder()) {
            sb.append(String.format(Locale.ROOT, "%-4s %s / %s points%n", q, Gradebook.fmt(r.points(q)), Gradebook.fmt(a.questions().get(q))));
            for (TestResult t : r.tests())
                if (t.question().equals(q))
                    sb.append("     ").append(t.passed() ? "passed  " : "FAILED  ").append(t.gradeId())
                            .append(t.passed() ? "" : ": " + t.message()).append('\n');
        }
        for (String n : r.notes()) sb.append("note: ").append(n).append('\n');
        boolean hidden = r.tests().stream().anyMatch(TestResult::hasHidden);
        sb.append(String.format(Locale.ROOT, "total %s / %s points (%s)%n", Gradebook.fmt(r.total()), Gradebook.fmt(r.maxPoints()),
                hidden ? "hidden tests included: this is the instructor's source" : "visible tests only; the grade also runs hidden tests"));
        return sb.toString();
    }

    private static void grade(Options o) throws IOException {
        if (o.files.size() != 1 || o.submitted == null || o.out == null) usage("grade SOURCE.ipynb --submitted DIR --out DIR");
        Assignment a = Assignment.read(Path.of(o.files.get(0)));
        Gradebook.Settings s = Gradebook.Settings.defaults(settings(o));
        if (o.jobs > 0) s = s.withJobs(o.jobs);
        if (o.regrade) s = s.regradingEverything();
        Gradebook.Run run = Gradebook.grade(a, Path.of(o.submitted), Path.of(o.out), s, System.err);
        long failed = run.results().stream().filter(r -> !r.graded()).count();
        System.out.printf(Locale.ROOT, "%s: %d submissions (%d graded now, %d kept from before, %d could not be graded, %d superseded) in %.1f s: %.1f per minute%n"
                        + "gradebook: %s%nsummary:   %s%n", a.name(), run.results().size(), run.gradedNow(), run.reused(), failed,
                run.superseded().size(), run.seconds(), run.gradedNow() == 0 ? 0 : run.gradedNow() * 60 / run.seconds(),
                Path.of(o.out).resolve("gradebook.csv"), Path.of(o.out).resolve("summary.html"));
    }

    /**
     * The grading benchmark: a class of {@code --count} submissions (default 100) made from the
     * source and its common mistakes (homework/mistakes/): 40 % correct, 40 % with one mistake, 10 %
     * the released stubs, and the rest broken (not a notebook, a cell that does not compile, an
     * endless loop). Graded in one run, like {@code grade}; prints submissions per minute.
     */
    private static void bench(Options o) throws IOException {
        if (o.files.size() != 1) usage("bench SOURCE.ipynb [--count N] [--jobs N]");
        Path src = Path.of(o.files.get(0));
        Assignment a = Assignment.read(src);
        String hw = a.name().contains("_") ? a.name().substring(0, a.name().indexOf('_')) : a.name();
        Mistakes mistakes = Mistakes.read(src.toAbsolutePath().getParent().resolve("mistakes").resolve(hw + ".json"));
        Path root = Files.createTempDirectory("jattn-grading-bench");
        Path submitted = root.resolve("submitted");
        Notebook stubs = Release.studentNotebook(a);
        String firstSolution = a.source().cells().stream().filter(c -> c.nbgrader().map(NbgraderCell::isSolution).orElse(false))
                .findFirst().flatMap(Cell::nbgrader).map(NbgraderCell::gradeId).orElseThrow();
        int n = o.count;
        for (int i = 0; i < n; i++) {
            Path f = submitted.resolve(String.format(Locale.ROOT, "student%03d", i)).resolve(a.name()).resolve(a.name() + ".ipynb");
            Files.createDirectories(f.getParent());
            int kind = i % 10;
            if (kind < 4) a.source().write(f);
            else if (kind < 8) { Mistakes.Mistake m = mistakes.all().get(i % mistakes.all().size()); Mistakes.apply(a.source(), m.cell(), m.source()).write(f); }
            else if (kind == 8) stubs.write(f);
            else switch ((i / 10) % 5) {
                case 0 -> Files.writeString(f, "{\"cells\": [");
                case 1, 2 -> Mistakes.apply(a.source(), firstSolution, "int broken( {").write(f);
                case 3 -> Files.writeString(f, "");
                default -> Mistakes.apply(a.source(), firstSolution, "while (true) { }").write(f);
            }
        }
        Gradebook.Settings s = Gradebook.Settings.defaults(settings(o));
        if (o.jobs > 0) s = s.withJobs(o.jobs);
        Gradebook.Run run = Gradebook.grade(a, submitted, root.resolve("graded"), s, System.err);
        long failed = run.results().stream().filter(r -> !r.graded()).count();
        System.out.printf(Locale.ROOT, "grading benchmark, %s: %d submissions (%d could not be graded) in %.1f s with %d jobs on %d cores: %.1f submissions per minute%n",
                a.name(), run.results().size(), failed, run.seconds(), s.jobs(), Runtime.getRuntime().availableProcessors(),
                run.results().size() * 60 / run.seconds());
        Gradebook.deleteTree(root);
    }

    /**
     * Gradescope's autograder bundle for one assignment, {@code DIR/<assignment>-autograder.zip}:
     * setup.sh and run_autograder (homework/gradescope/), the source notebook with its hidden tests,
     * the course jar (the grader) and the homework jar (what submissions run on).
     */
    private static void autograder(Options o) throws IOException {
        if (o.files.size() != 1) usage("autograder SOURCE.ipynb [--out DIR]");
        Path src = Path.of(o.files.get(0));
        Assignment a = Assignment.read(src);
        Path out = Path.of(o.out == null ? "target/homework/gradescope" : o.out).resolve(a.name() + "-autograder.zip");
        Path jar = Path.of(o.jar == null ? "target/homework.jar" : o.jar);
        Path grader = Path.of(Homework.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path scripts = src.toAbsolutePath().getParent().resolve("gradescope");
        Files.createDirectories(out.getParent());
        Path tmp = Files.createTempFile(out.getParent(), ".bundle-", ".zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(tmp))) {
            for (String script : List.of("setup.sh", "run_autograder")) add(zip, script, scripts.resolve(script));
            add(zip, src.getFileName().toString(), src);
            add(zip, "attention-course.jar", grader);
            add(zip, "homework.jar", jar);
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.println("wrote " + out + " (upload it as the assignment's autograder on Gradescope)");
    }

    private static void add(java.util.zip.ZipOutputStream zip, String name, Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + " is missing");
        zip.putNextEntry(new java.util.zip.ZipEntry(name));
        Files.copy(file, zip);
        zip.closeEntry();
    }

    /**
     * One Gradescope submission: the newest .ipynb in {@code SUBMISSION_DIR} (none: 0 points, said
     * so), graded as {@code grade} grades, written as Gradescope's results.json, atomically.
     */
    private static void gradescope(Options o) throws IOException {
        if (o.files.size() != 3) usage("gradescope SOURCE.ipynb SUBMISSION_DIR RESULTS_JSON");
        Assignment a = Assignment.read(Path.of(o.files.get(0)));
        Path dir = Path.of(o.files.get(1)), results = Path.of(o.files.get(2));
        Path nb;
        try (var s = Files.walk(dir)) {
            nb = s.filter(p -> p.toString().endsWith(".ipynb") && !p.toString().contains(".ipynb_checkpoints") && Files.isRegularFile(p))
                    .max(java.util.Comparator.comparing((Path p) -> {
                        try { return Files.getLastModifiedTime(p); } catch (IOException e) { return java.nio.file.attribute.FileTime.fromMillis(0); }
                    }).thenComparing(Path::toString)).orElse(dir);
        }
        SubmissionResult r;
        try {
            r = SubmissionGrader.grade(a, "submission", nb, settings(o));
        } catch (IOException | RuntimeException e) {
            r = SubmissionGrader.failedResult(a, "submission", nb, "the autograder could not grade this submission: " + e, 0);
        }
        Results.writeAtomically(results, Results.GSON.toJson(Reports.gradescope(r)) + "\n");
        System.out.printf(Locale.ROOT, "%s: %s / %s points%n", nb.getFileName(), Gradebook.fmt(r.total()), Gradebook.fmt(r.maxPoints()));
    }

    static SubmissionGrader.Settings settings(Options o) throws IOException {
        Path jar = Path.of(o.jar == null ? "target/homework.jar" : o.jar);
        if (!Files.isRegularFile(jar)) throw new IOException(jar + " is missing: build it with ./course homework jar (or mvn package)");
        Path work = Files.createTempDirectory("jattn-grading-");
        AgentLauncher.readableByAll(work);
        Path copy = work.resolve("homework.jar");                        // readable by the agent's user, wherever the repository is
        Files.copy(jar, copy);
        AgentLauncher.readableByAll(copy);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Gradebook.deleteTree(work)));
        return new SubmissionGrader.Settings(o.timeout, o.memory, Sandbox.best(), List.of(copy), work);
    }

    private static void usage(String why) {
        System.err.println("""
                homework: %s
                usage: ./course homework jar COURSE_JAR OUT_JAR
                       ./course homework release SOURCE.ipynb... [--out DIR]
                       ./course homework check NOTEBOOK.ipynb
                       ./course homework grade SOURCE.ipynb --submitted DIR --out DIR [--regrade] [--jobs N] [--timeout SECONDS] [--memory MB]
                       ./course homework bench SOURCE.ipynb [--count N]
                       ./course homework autograder SOURCE.ipynb [--out DIR]
                options: --jar JAR (the homework jar, default target/homework.jar), --timeout per cell (30 s), --memory per submission (512 MB)""".formatted(why));
        System.exit(2);
    }

    /** The parsed options. */
    static final class Options {
        final List<String> files = new ArrayList<>();
        String out, submitted, jar;
        boolean regrade;
        int jobs, count = 100;
        double timeout = 30;
        int memory = 512;

        static Options parse(List<String> args) {
            Options o = new Options();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (!a.startsWith("--")) { o.files.add(a); continue; }
                if (a.equals("--regrade")) { o.regrade = true; continue; }
                if (i + 1 >= args.size()) usage(a + " needs a value");
                String v = args.get(++i);
                try {
                    switch (a) {
                        case "--out" -> o.out = v;
                        case "--submitted" -> o.submitted = v;
                        case "--jar" -> o.jar = v;
                        case "--jobs" -> o.jobs = Integer.parseInt(v);
                        case "--timeout" -> o.timeout = Double.parseDouble(v);
                        case "--memory" -> o.memory = Integer.parseInt(v);
                        case "--count" -> o.count = Integer.parseInt(v);
                        default -> usage("unknown option " + a);
                    }
                } catch (NumberFormatException e) {
                    usage(a + " needs a number, got " + v);
                }
            }
            return o;
        }
    }
}
