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
 * jar): it releases (its solutions earn full marks, its stubs nothing), the released notebook
 * holds no solution and no hidden test, and each of its common mistakes (homework/mistakes/)
 * fails the tests it names while the other questions keep their points.
 */
class TestHomeworkAssignments {

    static final Path HOMEWORK = Path.of("homework");
    static final Path JAR = Path.of("target/homework.jar");

    @TestFactory
    List<DynamicTest> everyAssignment() throws IOException {
        List<Path> sources;
        try (Stream<Path> s = Files.list(HOMEWORK)) {
            sources = s.filter(p -> p.getFileName().toString().matches("HW\\d+_.*\\.ipynb")).sorted().toList();
        }
        assertFalse(sources.isEmpty(), "no homework/HW*.ipynb");
        return sources.stream().map(src -> DynamicTest.dynamicTest(src.getFileName().toString(), () -> check(src))).toList();
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
        for (Cell c : a.source().cells())
            if (c.nbgrader().map(NbgraderCell::isTest).orElse(false)) {
                String hidden = Markers.splitTests("", c.source()).hidden();
                for (String line : hidden.lines().map(String::strip).filter(l -> l.length() > 20).toList())
                    assertFalse(released.contains(line.replace("\"", "\\\"")), a.name() + ": a hidden test line was released: " + line);
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
