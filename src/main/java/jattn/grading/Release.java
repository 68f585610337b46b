package jattn.grading;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Release: the instructor's source notebook → the student's notebook, as nbgrader's
 * {@code generate_assignment} does. Solution regions become stubs that throw
 * {@link UnsupportedOperationException}; hidden tests are removed; the nbgrader markup stays, so
 * the grader can match the student's cells to the source's.
 *
 * <p>It refuses (throws {@link RefusedException}, naming the cell) a source whose solutions fail
 * their own tests, or whose stubs pass a test: such a test could not tell a right answer from none.
 */
public final class Release {

    /** Why a source cannot be released. */
    public static final class RefusedException extends RuntimeException {
        public RefusedException(String message) { super(message); }
    }

    private Release() {}

    /** The student's notebook for {@code assignment} (not written). */
    public static Notebook studentNotebook(Assignment assignment) {
        List<Cell> cells = new ArrayList<>();
        for (Cell c : assignment.source().cells()) {
            Optional<NbgraderCell> n = c.nbgrader();
            String where = assignment.source().name() + ", cell " + c.number();
            if (n.isPresent() && n.get().isSolution() && c.isCode()) {
                String q = Assignment.question(n.get().gradeId());
                cells.add(c.withSource(Markers.hasSolution(c.source()) ? Markers.stubSolutions(where, c.source(), q)
                        : "// YOUR CODE HERE\nthrow new UnsupportedOperationException(\"" + q + ": not written yet\");\n"));
            } else if (n.isPresent() && n.get().isTest()) {
                cells.add(c.withSource(Markers.splitTests(where, c.source()).visible()));
            } else {
                cells.add(c);
            }
        }
        return assignment.source().withCells(cells);
    }

    /**
     * Checks the source (its solutions pass every test; the stubs pass none) and writes the
     * student's notebook to {@code out}. Returns the two gradings it ran.
     */
    public static Check release(Assignment assignment, Path out, SubmissionGrader.Settings settings) throws IOException {
        Path work = settings.workDir();
        Path sourceCopy = work.resolve("release-source.ipynb");
        assignment.source().write(sourceCopy);
        SubmissionResult solved = SubmissionGrader.grade(assignment, "solutions", sourceCopy, settings);
        List<String> wrong = solved.tests().stream().filter(t -> !t.passed())
                .map(t -> t.gradeId() + " (" + t.message() + ")").toList();
        if (!wrong.isEmpty())
            throw new RefusedException(assignment.name() + ": the solutions fail their own tests: " + String.join("; ", wrong));
        Notebook student = studentNotebook(assignment);
        Path studentCopy = work.resolve("release-student.ipynb");
        student.write(studentCopy);
        SubmissionResult stubs = SubmissionGrader.grade(assignment, "stubs", studentCopy, settings);
        List<String> passing = stubs.tests().stream().filter(TestResult::passed)
                .map(t -> t.gradeId() + " (cell " + cellOf(assignment, t.gradeId()) + ")").toList();
        if (!passing.isEmpty())
            throw new RefusedException(assignment.name() + ": these tests pass with the stubs, so they cannot tell an answer from none: "
                    + String.join("; ", passing));
        student.write(out);
        return new Check(solved, stubs);
    }

    /** The source graded as a submission (full marks) and the stubs graded (no marks). */
    public record Check(SubmissionResult solutions, SubmissionResult stubs) {}

    private static int cellOf(Assignment a, String gradeId) {
        return a.source().cell(gradeId).map(Cell::number).orElse(-1);
    }
}
