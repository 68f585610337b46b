package jattn.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The path a student takes: lessons run in Jupyter Notebook's own page. tools/notebooks/live_notebook.py
 * copies the lessons to target/live/notebooks/, starts Jupyter Notebook as {@code ./course jupyter}
 * does (Debian's, a free 127.0.0.1 port, a token, no browser), opens each lesson in headless
 * Chromium (no network but 127.0.0.1), runs all cells with
 * {@code Jupyter.notebook.execute_all_cells()} once the kernel is connected, waits until no cell
 * runs, and reports cells that did not run, error outputs, stderr outputs and figures that are
 * not drawn Plotly plots. This test also checks that each lesson drew live as many figures as
 * its nbclient run ({@link NotebookIT}, before this class) displayed, and that the repository's
 * notebooks were left byte for byte as they were. The server and Chromium are always stopped.
 */
class NotebookLiveIT {

    /** Lesson 00 (a bar chart and lines) and lesson 01 (heatmaps): quick lessons that draw every kind of figure. */
    static final List<String> LESSONS = List.of("00_tour_of_the_tools.ipynb", "01_one_hot_encoding.ipynb");
    static final long TIMEOUT_SECONDS = 1800;

    @BeforeAll
    static void tools() {
        CourseTools.requireJupyterAndKernel();
        CourseTools.requireNotebookServer();
        CourseTools.requireChromiumAndCdp();
    }

    @Test
    void lessonsRunInJupytersOwnPageWithPlotsAndNoErrors() throws IOException {
        List<Path> lessons = LESSONS.stream().map(CourseTools.NOTEBOOKS::resolve).toList();
        List<byte[]> before = new ArrayList<>();
        for (Path l : lessons) {
            if (!Files.exists(l)) fail("the live test's lesson " + l + " does not exist (renamed? update NotebookLiveIT.LESSONS)");
            before.add(Files.readAllBytes(l));
        }
        List<String> cmd = new ArrayList<>(List.of(CourseTools.PYTHON, CourseTools.LIVE_NOTEBOOK.toString(),
                "--work", CourseTools.LIVE.toString(), "--shots", CourseTools.FIGURES.resolve("live").toString()));
        lessons.forEach(l -> cmd.add(l.toString()));
        Path reportFile = CourseTools.LIVE.resolve("report.json");
        Files.deleteIfExists(reportFile);
        CourseTools.Result r = CourseTools.run(cmd, TIMEOUT_SECONDS, CourseTools.Echo.LINE_BY_LINE);
        if (r.exitCode() == 2 || r.exitCode() < 0 || !Files.exists(reportFile))
            fail("the live notebook run (" + CourseTools.ROOT.relativize(CourseTools.LIVE_NOTEBOOK) + ") could not run, exit code "
                    + r.exitCode() + " (server and kernel logs: " + CourseTools.LIVE.resolve("jupyter.log") + "):\n" + r.output());
        JsonObject report = JsonParser.parseString(Files.readString(reportFile, StandardCharsets.UTF_8)).getAsJsonObject();

        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lessons.size(); i++) {
            Path lesson = lessons.get(i);
            String stem = CourseTools.stem(lesson);
            if (!Arrays.equals(before.get(i), Files.readAllBytes(lesson)))
                problems.add(stem + ": the repository's notebook " + lesson + " was changed by the live run");
            JsonObject l = report.getAsJsonObject(stem);
            if (l == null) {
                problems.add(stem + ": the live run did not report on it");
                continue;
            }
            for (JsonElement p : l.getAsJsonArray("problems")) problems.add(stem + ": " + p.getAsString());
            if (l.getAsJsonArray("cells").isEmpty()) problems.add(stem + ": no code cell was found in Jupyter's page");
            long drawn = 0;
            JsonArray plots = l.has("plots") ? l.getAsJsonArray("plots") : new JsonArray();
            for (JsonElement p : plots)
                if (p.getAsJsonObject().get("plot").getAsBoolean() && p.getAsJsonObject().get("svg").getAsBoolean()) drawn++;
            Path executed = CourseTools.EXECUTED.resolve(stem + ".ipynb");
            if (Files.exists(executed)) {
                long expected = ExecutedNotebook.read(executed).figures();
                if (drawn != expected)
                    problems.add(stem + ": " + drawn + " figures drawn in the live page, but its nbclient run displayed " + expected);
            } else if (Files.readString(lesson).contains("Display.figure(") && drawn == 0) {
                problems.add(stem + ": the lesson calls Display.figure but no figure was drawn in the live page");
            }
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " problems running lessons in Jupyter's page "
                + "(logs: " + CourseTools.LIVE.resolve("jupyter.log") + "):\n  " + String.join("\n  ", problems));
    }
}
