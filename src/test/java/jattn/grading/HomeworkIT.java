package jattn.grading;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every assignment in homework/, graded as the course grades it (sandboxed agents on the homework
 * jar, made from the packaged course jar):
 * <ul>
 *   <li>it releases: its solutions earn full marks, its stubs nothing, and the released notebook
 *       holds no solution and no hidden test;</li>
 *   <li>each of its common mistakes (homework/mistakes/) fails the tests it names, while the other
 *       questions keep their points;</li>
 *   <li>its Gradescope bundle, run locally in Gradescope's layout in a scratch root, writes
 *       results.json with full marks for the solutions, 0 for the stubs and 0 with the reason for a
 *       file that is not a notebook;</li>
 *   <li>its source runs cleanly in the {@code java} kernel through Jupyter (the same Java and JShell
 *       semantics the students have), and its check cell prints full marks there.</li>
 * </ul>
 */
class HomeworkIT {

    static final Path HOMEWORK = Path.of("homework");
    static final Path JAR = Path.of("target/homework.jar");

    @TestFactory
    List<DynamicTest> everyAssignment() throws IOException {
        List<Path> sources;
        try (Stream<Path> s = Files.list(HOMEWORK)) {
            sources = s.filter(p -> p.getFileName().toString().matches("HW\\d+_.*\\.ipynb")).sorted().toList();
        }
        assertFalse(sources.isEmpty(), "no homework/HW*.ipynb");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path src : sources) {
            tests.add(DynamicTest.dynamicTest(src.getFileName() + ": release and common mistakes", () -> check(src)));
            tests.add(DynamicTest.dynamicTest(src.getFileName() + ": Gradescope bundle", () -> gradescope(src)));
            tests.add(DynamicTest.dynamicTest(src.getFileName() + ": runs in the java kernel", () -> inTheKernel(src)));
        }
        return tests;
    }

    private static void gradescope(Path source) throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("jattn-gradescope");
        AgentLauncher.readableByAll(root);
        Path jar = root.resolve("homework.jar");
        HomeworkJar.write(Path.of("target/attention-course.jar"), jar);
        Homework.main(new String[] {"autograder", source.toString(), "--out", root.toString(), "--jar", jar.toString()});
        Assignment a = Assignment.read(source);
        Path zip = root.resolve(a.name() + "-autograder.zip");
        Path src = root.resolve("source");
        Files.createDirectories(src);
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) Files.copy(in, src.resolve(e.getName()));
        }
        for (String f : List.of("setup.sh", "run_autograder", "attention-course.jar", "homework.jar", source.getFileName().toString()))
            assertTrue(Files.isRegularFile(src.resolve(f)), "the bundle holds " + f);
        Map<String, String> submissions = new java.util.LinkedHashMap<>();
        submissions.put("solutions", a.source().toJson());
        submissions.put("stubs", Release.studentNotebook(a).toJson());
        submissions.put("broken", "{\"cells\": [");
        for (var s : submissions.entrySet()) {
            Path sub = root.resolve("submission"), results = root.resolve("results").resolve("results.json");
            Gradebook.deleteTree(sub);
            Gradebook.deleteTree(root.resolve("results"));
            Files.createDirectories(sub);
            Files.writeString(sub.resolve("submitted.ipynb"), s.getValue());
            ProcessBuilder pb = new ProcessBuilder("bash", src.resolve("run_autograder").toString()).redirectErrorStream(true);
            pb.environment().put("AUTOGRADER_ROOT", root.toString());
            Process p = pb.start();
            String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), "run_autograder exits 0 (" + s.getKey() + "):\n" + log);
            com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(Files.readString(results)).getAsJsonObject();
            double score = json.get("score").getAsDouble();
            switch (s.getKey()) {
                case "solutions" -> assertEquals(a.maxPoints(), score, "the solutions on Gradescope: " + json);
                case "stubs" -> assertEquals(0, score, "the stubs on Gradescope");
                default -> {
                    assertEquals(0, score);
                    assertTrue(json.get("output").getAsString().contains("not valid JSON"), json.toString());
                }
            }
            assertEquals(a.source().testCells().size(), json.getAsJsonArray("tests").size(), "one Gradescope test per test cell");
        }
        Gradebook.deleteTree(root);
    }

    private static void inTheKernel(Path source) throws IOException {
        jattn.notebooks.CourseToolsAccess.requireJupyterAndKernel();
        HomeworkJar.write(Path.of("target/attention-course.jar"), Path.of("target/homework.jar"));   // what %jars ../target/homework.jar loads
        Path out = Path.of("target/homework/executed");
        Process p = new ProcessBuilder("/usr/bin/python3", "tools/notebooks/run_notebooks.py", "--out", out.toString(), source.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int rc;
        try {
            rc = p.waitFor();
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        System.out.print(log);
        assertEquals(0, rc, source + " in the java kernel:\n" + log);
        Assignment a = Assignment.read(source);
        String executed = Files.readString(out.resolve(source.getFileName()));
        assertTrue(executed.contains("total " + Gradebook.fmt(a.maxPoints()) + " / " + Gradebook.fmt(a.maxPoints()) + " points"),
                "the check cell prints full marks for the solutions in the kernel");
    }

    private static void check(Path source) throws IOException {
        Path work = Files.createTempDirectory("jattn-homework-test");
        AgentLauncher.readableByAll(work);
        Path jar = work.resolve("homework.jar");
        HomeworkJar.write(Path.of("target/attention-course.jar"), jar);
        SubmissionGrader.Settings g = new SubmissionGrader.Settings(30, 512, Sandbox.best(), List.of(jar), work);
        Assignment a = Assignment.read(source);

        Path student = work.resolve("student.ipynb");
        Release.Check release = Release.release(a, student, g);
        assertEquals(a.maxPoints(), release.solutions().total(), "the solutions earn full marks: " + release.solutions().tests());
        assertEquals(0, release.stubs().total(), "the stubs earn nothing");
        String released = Files.readString(student);
        for (String marker : List.of("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"))
            assertFalse(released.contains(marker), a.name() + ": the released notebook still has " + marker);
        java.util.Set<String> releasedLines = Notebook.read(student).cells().stream().flatMap(c -> c.source().lines())
                .map(String::strip).collect(Collectors.toSet());
        StringBuilder shown = new StringBuilder();                  // everything of the source outside hidden regions
        for (Cell c : a.source().cells())
            shown.append(c.nbgrader().map(NbgraderCell::isTest).orElse(false) ? Markers.splitTests("", c.source()).visible() : c.source());
        java.util.Set<String> shownLines = shown.toString().lines().map(String::strip).collect(Collectors.toSet());
        for (Cell c : a.source().cells())
            if (c.nbgrader().map(NbgraderCell::isTest).orElse(false)) {
                String hidden = Markers.splitTests("", c.source()).hidden();
                for (String line : hidden.lines().map(String::strip).filter(l -> l.length() > 20 && !shownLines.contains(l)).toList())
                    assertFalse(releasedLines.contains(line), a.name() + ": a hidden test line was released: " + line);
            }

        Mistakes mistakes = Mistakes.read(HOMEWORK.resolve("mistakes").resolve(a.name().substring(0, a.name().indexOf('_')) + ".json"));
        assertTrue(mistakes.all().size() >= 5, a.name() + ": at least 5 common mistakes, has " + mistakes.all().size());
        Path submitted = work.resolve("submitted");
        for (int i = 0; i < mistakes.all().size(); i++) {
            Mistakes.Mistake m = mistakes.all().get(i);
            Mistakes.apply(a.source(), m.cell(), m.source()).write(submitted.resolve("mistake" + i).resolve(a.name()).resolve(a.name() + ".ipynb"));
        }
        Gradebook.Run run = Gradebook.grade(a, submitted, work.resolve("graded"), Gradebook.Settings.defaults(g).withJobs(2),
                new PrintStream(new ByteArrayOutputStream()));
        List<String> wrong = new ArrayList<>();
        for (SubmissionResult r : run.results()) {
            Mistakes.Mistake m = mistakes.all().get(Integer.parseInt(r.student().substring("mistake".length())));
            String q = Assignment.question(m.cell());
            Map<String, TestResult> byId = r.tests().stream().collect(Collectors.toMap(TestResult::gradeId, t -> t));
            for (String id : m.mustFail()) {
                TestResult t = byId.get(id);
                if (t == null) wrong.add(m.name() + ": no test " + id);
                else if (t.passed()) wrong.add(m.name() + ": " + id + " passed");
            }
            for (TestResult t : r.tests())
                if (!t.question().equals(q) && !t.passed()) wrong.add(m.name() + ": " + t.gradeId() + " of another question failed (" + t.message() + ")");
        }
        assertTrue(wrong.isEmpty(), a.name() + ": " + String.join("\n", wrong));
        Gradebook.deleteTree(work);
    }
}
