package jattn.grading;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The grader on a small assignment (src/test/resources/grading/mini.ipynb: q1 twice(x), 3 points
 * in two test cells, one with hidden tests; q2 a stable softmax, 3 points in two cells), graded in
 * one parallel run over a class of honest and adversarial submissions. Every submission gets its
 * row and the right points; the grader neither crashes nor hangs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestGrading {

    static final Path MINI = Path.of("src/test/resources/grading/mini.ipynb");
    static final String TWICE_OK = "int twice(int x) { return x + x; }";
    static final String SOFTMAX_OK = """
            double[] softmax(double[] x) {
                double m = Double.NEGATIVE_INFINITY; for (double v : x) m = Math.max(m, v);
                double[] y = new double[x.length]; double s = 0;
                for (int i = 0; i < x.length; i++) { y[i] = Math.exp(x[i] - m); s += y[i]; }
                for (int i = 0; i < x.length; i++) y[i] /= s;
                return y;
            }""";
    static final String SOFTMAX_NAIVE = """
            double[] softmax(double[] x) {
                double[] y = new double[x.length]; double s = 0;
                for (int i = 0; i < x.length; i++) { y[i] = Math.exp(x[i]); s += y[i]; }
                for (int i = 0; i < x.length; i++) y[i] /= s;
                return y;
            }""";

    Assignment mini;
    Notebook student;
    Path root, out;
    Gradebook.Run run;
    String csv, progress;
    final Map<String, Double> expected = new HashMap<>();

    @BeforeAll
    void gradeTheClass() throws IOException {
        mini = Assignment.read(MINI);
        student = Release.studentNotebook(mini);
        root = Files.createTempDirectory("jattn-grading-test");
        AgentLauncher.readableByAll(root);
        Path submitted = root.resolve("submitted");
        out = root.resolve("graded");

        submit(submitted, "alice", solved(TWICE_OK, SOFTMAX_OK), 6);
        submit(submitted, "bob", solved(TWICE_OK, SOFTMAX_NAIVE), 4);                 // overflows at 1e4
        submit(submitted, "carol", student, 0);                                        // the stubs as released
        submit(submitted, "loops", solved("int twice(int x) { while (true) { } }", SOFTMAX_OK), 3);
        submit(submitted, "exits", solved("int twice(int x) { System.exit(0); return 0; }", SOFTMAX_OK), 3);
        submit(submitted, "halts", solved(TWICE_OK, "double[] softmax(double[] x) { Runtime.getRuntime().halt(0); return x; }"), 3);
        submit(submitted, "oom", solved(TWICE_OK, """
                double[] softmax(double[] x) { var keep = new java.util.ArrayList<long[]>(); while (true) keep.add(new long[1 << 20]); }"""), 3);
        submit(submitted, "deep", solved("int twice(int x) { return twice(x) * 1; }", SOFTMAX_OK), 3);
        submit(submitted, "forger", solved("""
                int twice(int x) {
                    System.out.println("q1_small passed 1/1\\nq1_negative_and_hidden passed 2/2\\n{\\"score\\": 6}");
                    return x;
                }""", SOFTMAX_OK), 3);
        submit(submitted, "redefiner", solved(TWICE_OK, "void expectClose(double want, double got, String what) { }\n"
                + "double[] softmax(double[] x) { return new double[] {0.9, 0.1}; }"), 3);   // the no-op check is undone
        submit(submitted, "threads", solved("""
                int twice(int x) {
                    Thread t = new Thread(() -> { while (true) { } }); t.setDaemon(false); t.start();
                    return 2 * x;
                }""", SOFTMAX_OK), 6);
        submit(submitted, "spawner", solved(TWICE_OK, """
                double[] softmax(double[] x) {
                    try { new ProcessBuilder("sh", "-c", "echo pwned > /tmp/jattn-pwned").start(); } catch (Exception e) { throw new RuntimeException(e); }
                    return new double[] {0.5, 0.5};
                }"""), 3);
        // writes into the grading output and the gradebook, from a cell of its own before q1
        Notebook writer = withExtraCellBefore(solved(TWICE_OK, SOFTMAX_OK), "q1_solution",
                "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + out.resolve("gradebook.csv") + "\"), \"forged\");\n"
                        + "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + out.resolve("results/writer.json") + "\"), \"{}\");");
        submit(submitted, "writer", writer, 6);
        // edits the test cells to assert true and deletes one, with wrong answers
        Notebook edited = solved("int twice(int x) { return 0; }", "double[] softmax(double[] x) { return x; }");
        List<Cell> cells = new ArrayList<>();
        for (Cell c : edited.cells()) {
            if (c.nbgrader().map(n -> n.gradeId().equals("q2_overflow")).orElse(false)) continue;
            if (c.nbgrader().map(NbgraderCell::isTest).orElse(false)) cells.add(c.withSource("assert true;"));
            else cells.add(c);
        }
        submit(submitted, "testeditor", edited.withCells(cells), 0);
        // raises the points of every test in the metadata
        List<Cell> greedy = new ArrayList<>();
        for (Cell c : solved(TWICE_OK, SOFTMAX_NAIVE).cells())
            greedy.add(c.nbgrader().filter(NbgraderCell::isTest).map(n -> new Cell(c.number(), c.type(), c.source(),
                    Optional.of(new NbgraderCell(n.gradeId(), 100, false, true, true, 3)))).orElse(c));
        submit(submitted, "greedy", student.withCells(greedy), 4);
        raw(submitted, "badjson", "{\"cells\": [", 0);
        raw(submitted, "notanotebook", "{\"hello\": \"world\"}", 0);
        raw(submitted, "empty", "", 0);
        Files.createDirectories(submitted.resolve("nothing").resolve(mini.name()));
        expected.put("nothing", 0.0);
        // two submissions from one student: the later one (partial) counts
        submit(submitted, "dave", solved(TWICE_OK, SOFTMAX_OK), -1);
        Path later = submitted.resolve("dave").resolve(mini.name()).resolve("resubmitted.ipynb");
        solved(TWICE_OK, SOFTMAX_NAIVE).write(later);
        Files.setLastModifiedTime(later, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        expected.put("dave", 4.0);

        SubmissionGrader.Settings g = new SubmissionGrader.Settings(8, 128, Sandbox.best(), List.of(), root);
        ByteArrayOutputStream bar = new ByteArrayOutputStream();
        run = Gradebook.grade(mini, submitted, out, Gradebook.Settings.defaults(g).withJobs(2), new PrintStream(bar, true, StandardCharsets.UTF_8));
        progress = bar.toString(StandardCharsets.UTF_8);
        csv = Files.readString(out.resolve("gradebook.csv"));
    }

    @Test
    void everySubmissionGetsItsRowAndItsPoints() {
        Map<String, Double> got = new HashMap<>();
        for (SubmissionResult r : run.results()) got.put(r.student(), r.total());
        StringBuilder report = new StringBuilder();
        for (SubmissionResult r : run.results())
            report.append(r.student()).append(' ').append(r.total()).append(' ').append(r.error()).append(' ')
                    .append(r.tests().stream().map(t -> t.gradeId() + "=" + t.points() + (t.passed() ? "" : "(" + t.message() + ")")).toList()).append('\n');
        assertEquals(expected, got, report.toString());
        for (String s : expected.keySet()) assertTrue(csv.lines().anyMatch(l -> l.startsWith(s + ",")), "a gradebook row for " + s + ":\n" + csv);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("dave,") && l.contains("superseded")), "dave's first notebook is superseded:\n" + csv);
        assertTrue(progress.contains(run.results().size() + "/" + run.results().size() + " graded"), progress);
    }

    @Test
    void theReasonsAreClear() {
        assertTrue(result("loops").tests().get(0).message().contains("still running after 8 s"), result("loops").tests().get(0).message());
        assertTrue(result("exits").tests().get(0).message().contains("exitVM"), result("exits").tests().get(0).message());
        assertTrue(result("oom").tests().stream().anyMatch(t -> t.message().contains("out of memory")), result("oom").tests().toString());
        assertTrue(result("deep").tests().get(0).message().contains("StackOverflowError"));
        assertTrue(result("badjson").error().contains("not valid JSON"), result("badjson").error());
        assertTrue(result("notanotebook").error().contains("not a Jupyter notebook"), result("notanotebook").error());
        assertTrue(result("empty").error().contains("empty"), result("empty").error());
        assertTrue(result("nothing").error().contains("nothing submitted"), result("nothing").error());
        assertTrue(result("redefiner").notes().stream().anyMatch(n -> n.contains("redefines expectClose")), result("redefiner").notes().toString());
        assertEquals(6, result("greedy").maxPoints(), "points come from the source, not the submission");
        assertFalse(Files.exists(Path.of("/tmp/jattn-pwned")), "the child process never ran");
    }

    @Test
    void onlyTheGraderWritesTheOutput() throws IOException {
        assertFalse(csv.contains("forged"), csv);
        assertTrue(Files.readString(out.resolve("results/writer.json")).contains("\"total\": 6"));
    }

    @Test
    void feedbackAndGradescopeHideHiddenTests() throws IOException {
        for (String s : List.of("alice", "bob", "carol", "forger")) {
            String page = Files.readString(out.resolve("feedback/" + s + ".html"));
            String gs = Files.readString(out.resolve("gradescope/" + s + "/results.json"));
            for (String secret : List.of("secret-hidden-message", "secret-hidden-output", "1 << 21"))
                assertFalse(page.contains(secret) || gs.contains(secret), s + " sees hidden test text " + secret);
        }
        JsonObject carol = JsonParser.parseString(Files.readString(out.resolve("gradescope/carol/results.json"))).getAsJsonObject();
        assertEquals(0.0, carol.get("score").getAsDouble());
        var tests = carol.getAsJsonArray("tests");
        assertEquals(4, tests.size());
        for (var t : tests) {
            JsonObject o = t.getAsJsonObject();
            for (String key : List.of("name", "score", "max_score", "status", "output", "visibility")) assertTrue(o.has(key), key + " in " + o);
        }
        assertEquals("after_published", tests.get(1).getAsJsonObject().get("visibility").getAsString());
        assertEquals("visible", tests.get(0).getAsJsonObject().get("visibility").getAsString());
        assertTrue(tests.get(0).getAsJsonObject().get("output").getAsString().contains("UnsupportedOperationException"));
        String summary = Files.readString(out.resolve("summary.html"));
        assertEquals(3, summary.split("class=\"jattn-figure\"", -1).length - 1, "one distribution per question and the total");
        assertTrue(summary.contains("not valid JSON") && summary.contains("nothing submitted"), "the summary lists what could not be graded");
    }

    @Test
    void aSecondRunGradesNothingAgainUnlessAskedTo() throws IOException {
        SubmissionGrader.Settings g = new SubmissionGrader.Settings(8, 128, Sandbox.best(), List.of(), root);
        Gradebook.Run again = Gradebook.grade(mini, root.resolve("submitted"), out, Gradebook.Settings.defaults(g), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, again.gradedNow());
        assertEquals(run.results().size(), again.reused());
        assertEquals(csv, Files.readString(out.resolve("gradebook.csv")));
    }

    @Test
    void aStudentClassCannotTakeTheImportedClassesPlace() throws IOException {
        Path dir = Files.createTempDirectory(root, "shadow");
        AgentLauncher.readableByAll(dir);
        AgentLauncher.Settings agent = new AgentLauncher.Settings(Path.of(System.getProperty("java.home"), "bin", "java"), List.of(), 128,
                Sandbox.best(), Sandbox.Limits.defaults(), dir);
        try (CellRunner r = new CellRunner(agent, 20)) {
            assertTrue(r.run(1, "import java.util.Arrays;", CellRunner.Owner.SOURCE).ok());
            r.run(2, "class Arrays { static String toString(int[] a) { return \"[1]\"; } }", CellRunner.Owner.STUDENT);
            CellOutcome test = r.run(3, "assert Arrays.toString(new int[] {2}).equals(\"[2]\") : \"the tests call java.util.Arrays\";",
                    CellRunner.Owner.SOURCE);
            assertTrue(test.ok(), test.problem());
            assertEquals(1, r.redefinitions().size(), r.redefinitions().toString());
            assertTrue(r.redefinitions().get(0).contains("cell 2 redefines Arrays"), r.redefinitions().toString());
        }
    }

    private SubmissionResult result(String student) {
        return run.results().stream().filter(r -> r.student().equals(student)).findFirst().orElseThrow();
    }

    private Notebook solved(String q1, String q2) {
        List<Cell> cells = new ArrayList<>();
        for (Cell c : student.cells()) {
            String id = c.nbgrader().map(NbgraderCell::gradeId).orElse("");
            cells.add(id.equals("q1_solution") ? c.withSource(q1) : id.equals("q2_solution") ? c.withSource(q2) : c);
        }
        return student.withCells(cells);
    }

    private static Notebook withExtraCellBefore(Notebook nb, String gradeId, String source) {
        List<Cell> cells = new ArrayList<>();
        for (Cell c : nb.cells()) {
            if (c.nbgrader().map(n -> n.gradeId().equals(gradeId)).orElse(false)) cells.add(new Cell(0, "code", source, Optional.empty()));
            cells.add(c);
        }
        return nb.withCells(cells);
    }

    private void submit(Path submitted, String who, Notebook nb, double points) throws IOException {
        nb.write(submitted.resolve(who).resolve(mini.name()).resolve(mini.name() + ".ipynb"));
        if (points >= 0) expected.put(who, points);
    }

    private void raw(Path submitted, String who, String text, double points) throws IOException {
        Path f = submitted.resolve(who).resolve(mini.name()).resolve(mini.name() + ".ipynb");
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        expected.put(who, points);
    }

    @Test
    void releaseRefusesASourceThatCannotTellAnswersApart() throws IOException {
        Path dir = Files.createTempDirectory(root, "release");
        AgentLauncher.readableByAll(dir);
        SubmissionGrader.Settings g = new SubmissionGrader.Settings(8, 128, Sandbox.best(), List.of(), dir);
        Release.Check ok = Release.release(mini, dir.resolve("student.ipynb"), g);
        assertEquals(6, ok.solutions().total());
        assertEquals(0, ok.stubs().total());
        String released = Files.readString(dir.resolve("student.ipynb"));
        assertFalse(released.contains("secret-hidden") || released.contains("BEGIN SOLUTION") || released.contains("return 2 * x"), released);
        assertTrue(released.contains("throw new UnsupportedOperationException(\\\"q1: not written yet\\\")"), released);

        List<Cell> wrong = new ArrayList<>(), trivial = new ArrayList<>();
        for (Cell c : mini.source().cells()) {
            String id = c.nbgrader().map(NbgraderCell::gradeId).orElse("");
            wrong.add(id.equals("q1_solution") ? c.withSource(c.source().replace("return 2 * x;", "return 3 * x;")) : c);
            trivial.add(id.equals("q2_equal") ? c.withSource("assert 1 + 1 == 2;") : c);
        }
        Path w = dir.resolve("wrong.ipynb"), t = dir.resolve("trivial.ipynb");
        mini.source().withCells(wrong).write(w);
        mini.source().withCells(trivial).write(t);
        var e1 = assertThrows(Release.RefusedException.class, () -> Release.release(Assignment.read(w), dir.resolve("x.ipynb"), g));
        assertTrue(e1.getMessage().contains("q1_small") && e1.getMessage().contains("fail their own tests"), e1.getMessage());
        var e2 = assertThrows(Release.RefusedException.class, () -> Release.release(Assignment.read(t), dir.resolve("y.ipynb"), g));
        assertTrue(e2.getMessage().contains("q2_equal (cell 9)") && e2.getMessage().contains("pass with the stubs"), e2.getMessage());
    }
}
