package jattn.notebooks;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Executes every notebook under notebooks/ through Jupyter with the {@code java} kernel
 * (nbclient, as {@code jupyter nbconvert --execute} does), one test per notebook. A notebook
 * fails on any error output or stderr output; the message names the notebook, the cell
 * number and the Java exception. Executed copies (.ipynb and .html) go to target/notebooks/.
 * Then the lesson's claims ({@link LessonClaims}) are checked on its executed copy.
 */
class NotebookIT {

    @BeforeAll
    static void tools() {
        CourseTools.requireJupyterAndKernel();
    }

    @TestFactory
    List<DynamicTest> everyNotebookRunsWithoutErrors() throws IOException {
        List<Path> notebooks = CourseTools.notebooks();
        assertFalse(notebooks.isEmpty(), "no notebooks under " + CourseTools.NOTEBOOKS);
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> {
            CourseTools.Result r = CourseTools.execute(nb);
            assertEquals(0, r.exitCode(), () -> "notebook " + CourseTools.NOTEBOOKS.relativize(nb) + " failed:\n" + r.output());
            String stem = nb.getFileName().toString().replace(".ipynb", "");
            LessonClaims.check(nb.getFileName().toString(),
                    ExecutedNotebook.read(CourseTools.EXECUTED.resolve(stem + ".ipynb")));
        })).toList();
    }
}
