package jattn.notebooks;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Committed notebooks are sources: no outputs, no execution counts, the {@code java}
 * kernelspec, and one bootstrap cell ({@code %jars ../target/attention-course.jar}) as the
 * first code cell; no other cell uses a kernel magic, so the notebooks run under rapaio,
 * IJava and JJava alike. Needs only the JDK.
 */
class TestNotebookSources {

    static final String BOOTSTRAP = "%jars ../target/attention-course.jar";

    @TestFactory
    List<DynamicTest> notebooksAreCleanSources() throws IOException {
        List<Path> notebooks = CourseTools.notebooks();
        assertFalse(notebooks.isEmpty(), "no notebooks under notebooks/");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : notebooks) {
            tests.add(DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
        }
        return tests;
    }

    @org.junit.jupiter.api.Test
    void aNotebookWithOutputsIsRejected(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        String cell = "{\"cell_type\": \"code\", \"metadata\": {}, \"execution_count\": %s, \"outputs\": %s, \"source\": [\"%s\"]}";
        String nb = "{\"metadata\": {\"kernelspec\": {\"name\": \"java\"}}, \"nbformat\": 4, \"nbformat_minor\": 4, \"cells\": [%s, %s]}";
        Path clean = dir.resolve("clean.ipynb"), dirty = dir.resolve("dirty.ipynb");
        java.nio.file.Files.writeString(clean, String.format(nb, String.format(cell, "null", "[]", BOOTSTRAP),
                String.format(cell, "null", "[]", "int x = 1;")));
        java.nio.file.Files.writeString(dirty, String.format(nb, String.format(cell, "null", "[]", BOOTSTRAP),
                String.format(cell, "2", "[{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": \"1\"}]", "int x = 1;")));
        check(clean);
        org.opentest4j.AssertionFailedError e = org.junit.jupiter.api.Assertions.assertThrows(
                org.opentest4j.AssertionFailedError.class, () -> check(dirty));
        assertTrue(e.getMessage().contains("dirty.ipynb, cell 2"), e.getMessage());
    }

    static void check(Path p) {
        ExecutedNotebook nb = ExecutedNotebook.read(p);
        String name = p.getFileName().toString();
        JsonObject spec = nb.json.getAsJsonObject("metadata").getAsJsonObject("kernelspec");
        assertTrue(spec != null && "java".equals(spec.get("name").getAsString()), name + ": kernelspec name must be \"java\"");
        int index = 0, codeCells = 0;
        for (JsonObject cell : nb.cells()) {
            index++;
            if (!cell.get("cell_type").getAsString().equals("code")) continue;
            codeCells++;
            if (cell.has("outputs") && cell.getAsJsonArray("outputs").size() > 0)
                fail(name + ", cell " + index + ": committed with outputs (clear them: notebooks are sources)");
            if (cell.has("execution_count") && !cell.get("execution_count").isJsonNull())
                fail(name + ", cell " + index + ": committed with an execution count (clear outputs before committing)");
            String src = ExecutedNotebook.text(cell.get("source")).strip();
            if (codeCells == 1) assertEquals(BOOTSTRAP, src, name + ", cell " + index + ": the first code cell must be the bootstrap cell");
            else assertFalse(src.startsWith("%"), name + ", cell " + index + ": only the bootstrap cell may use a kernel magic");
        }
        assertTrue(codeCells > 1, name + ": a lesson has code cells");
    }
}
