package jattn.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jattn.viz.Display;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Opens the HTML export of every executed lesson (target/notebooks/*.html, written by
 * {@link NotebookIT}, which runs before this class: failsafe's runOrder is alphabetical) in
 * headless Chromium with every host name unresolvable, and checks every Plotly figure with
 * tools/notebooks/check_figures.py: drawn by the plotly.js shipped in the page, a title whose
 * rendered text fits inside the figure, a title on both axes of every cartesian subplot and
 * heatmap, and heatmap rows at least 18 px tall (plot-area height / number of rows). A
 * screenshot of each figure is saved as target/figures/&lt;lesson&gt;/&lt;n&gt;.png.
 * All problems of all lessons are collected first; the failure lists each as
 * {@code <lesson>, figure <n> "<title>": <what is wrong>}.
 */
class NotebookInBrowserIT {

    static final long CHECK_TIMEOUT_SECONDS = 1800;

    @BeforeAll
    static void tools() {
        CourseTools.requireChromiumAndCdp();
    }

    /** The executed HTML of a lesson, executing the lesson first if its export is missing or stale. */
    static Path freshHtml(Path lesson) throws IOException {
        Path html = CourseTools.EXECUTED.resolve(CourseTools.stem(lesson) + ".html");
        boolean stale = !Files.exists(html)
                || Files.getLastModifiedTime(html).compareTo(Files.getLastModifiedTime(lesson)) < 0
                || Files.getLastModifiedTime(html).compareTo(Files.getLastModifiedTime(CourseTools.COURSE_JAR)) < 0;
        if (stale) {
            System.out.println(html + " is missing or older than its notebook or the jar: executing " + lesson.getFileName());
            CourseTools.requireJupyterAndKernel();
            CourseTools.execute(lesson);  // a lesson that fails still writes its HTML; NotebookIT reports its errors
            if (!Files.exists(html)) fail(lesson.getFileName() + " could not be executed, so it has no HTML export " + html);
        }
        return html;
    }

    @Test
    void everyFigureOfEveryLessonIsDrawnOfflineAndReadable() throws IOException {
        List<Path> lessons = CourseTools.notebooks();
        assertTrue(!lessons.isEmpty(), "no notebooks under " + CourseTools.NOTEBOOKS);
        List<Path> html = new ArrayList<>();
        for (Path lesson : lessons) html.add(freshHtml(lesson));

        JsonObject report = checkFigures(html, CourseTools.FIGURES);
        List<String> problems = new ArrayList<>();
        int figures = 0;
        for (Path lesson : lessons) {
            String stem = CourseTools.stem(lesson);
            JsonObject r = report.getAsJsonObject(stem);
            if (r == null) {
                problems.add(stem + ": the figure checker did not report on it");
                continue;
            }
            if (r.has("error")) {
                problems.add(stem + ": its figures could not be checked: " + r.get("error").getAsString());
                continue;
            }
            JsonArray figs = r.getAsJsonArray("figures");
            figures += figs.size();
            long displayed = ExecutedNotebook.read(CourseTools.EXECUTED.resolve(stem + ".ipynb")).figures();
            if (figs.size() != displayed)
                problems.add(stem + ": the executed notebook displayed " + displayed + " figures, but its HTML page has "
                        + figs.size() + " figure divs");
            problems.addAll(figureProblems(stem, figs));
        }
        System.out.println(figures + " figures in " + lessons.size() + " lessons checked in Chromium; screenshots in "
                + CourseTools.FIGURES + "/<lesson>/<n>.png");
        assertTrue(problems.isEmpty(), () -> problems.size() + " problems with the lessons' figures:\n  "
                + String.join("\n  ", problems));
    }

    /**
     * The checker itself: a page of four figures made here, each wrong in one known way but the
     * first, must give exactly those problems. Guards against a check that can never fail.
     */
    @Test
    void theCheckerFindsEachKindOfProblem() throws IOException {
        double[] x = {0, 1, 2, 3}, y = {1, 3, 2, 4};
        Axis xAxis = Axis.builder().title("position").build(), yAxis = Axis.builder().title("weight").build();
        Figure fine = new Figure(Layout.builder().title("A fine figure").width(500).height(380)
                .xAxis(xAxis).yAxis(yAxis).build(), ScatterTrace.builder(x, y).build());
        Figure longTitle = new Figure(Layout.builder()
                .title("A title far too long for a figure that is only three hundred pixels wide, so it is clipped")
                .width(300).height(300).xAxis(xAxis).yAxis(yAxis).build(), ScatterTrace.builder(x, y).build());
        Figure noAxisTitles = new Figure(Layout.builder().title("No axis titles").width(500).height(380).build(),
                ScatterTrace.builder(x, y).build());
        int rows = 20;
        double[][] z = new double[rows][4];
        Double[] cols = {0.0, 1.0, 2.0, 3.0}, rowPos = new Double[rows];
        for (int i = 0; i < rows; i++) rowPos[i] = (double) i;
        Figure flatHeatmap = new Figure(Layout.builder().title("Squashed rows").width(500).height(300)
                .xAxis(Axis.builder().title("key").build()).yAxis(Axis.builder().title("query").build()).build(),
                HeatmapTrace.builder(cols, rowPos, z).build());

        Display.resendPlotlyJs();  // the page's first figure carries plotly.js
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n");
        for (Figure f : List.of(fine, longTitle, noAxisTitles, flatHeatmap)) page.append(Display.figureHtml(f)).append('\n');
        page.append("</body></html>\n");
        Path dir = CourseTools.ROOT.resolve("target/figures-selftest");
        Files.createDirectories(dir);
        Path html = dir.resolve("selftest.html");
        Files.writeString(html, page, StandardCharsets.UTF_8);

        JsonArray figs = checkFigures(List.of(html), dir).getAsJsonObject("selftest").getAsJsonArray("figures");
        assertEquals(4, figs.size(), "figures found in " + html);
        List<List<String>> found = new ArrayList<>();
        for (JsonElement f : figs) {
            List<String> ps = new ArrayList<>();
            for (JsonElement p : f.getAsJsonObject().getAsJsonArray("problems")) ps.add(p.getAsString());
            found.add(ps);
        }
        assertEquals(List.of(), found.get(0), "a fine figure");
        assertEquals(1, found.get(1).size(), () -> "a clipped title: " + found.get(1));
        assertTrue(found.get(1).get(0).startsWith("the title does not fit"), () -> found.get(1).get(0));
        assertEquals(List.of("the x axis has no title", "the y axis has no title"), found.get(2));
        assertEquals(1, found.get(3).size(), () -> "squashed heatmap rows: " + found.get(3));
        assertTrue(found.get(3).get(0).matches("heatmap rows are [0-9.]+ px tall \\(plot area [0-9]+ px / 20 rows\\).*"),
                () -> found.get(3).get(0));
        for (int n = 1; n <= 4; n++)
            assertTrue(Files.size(dir.resolve("selftest/" + n + ".png")) > 1000, "screenshot " + n + " of the self-test");
    }

    /** Runs check_figures.py on the pages and returns its report (one entry per page, by file stem). */
    static JsonObject checkFigures(List<Path> html, Path shots) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(CourseTools.PYTHON, CourseTools.CHECK_FIGURES.toString(),
                "--shots", shots.toString()));
        html.forEach(h -> cmd.add(h.toString()));
        Path report = shots.resolve("report.json");
        Files.deleteIfExists(report);
        CourseTools.Result r = CourseTools.run(cmd, CHECK_TIMEOUT_SECONDS, CourseTools.Echo.LINE_BY_LINE);
        if (!Files.exists(report))  // Chromium missing or not starting; a page that failed to open is in the report
            fail("the figure checker (" + CourseTools.ROOT.relativize(CourseTools.CHECK_FIGURES) + ") failed with exit code "
                    + r.exitCode() + ":\n" + r.output());
        return JsonParser.parseString(Files.readString(report, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /** Each problem of each figure as "lesson, figure n "title": problem". */
    static List<String> figureProblems(String lesson, JsonArray figs) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : figs) {
            JsonObject f = e.getAsJsonObject();
            String title = f.has("label") ? f.get("label").getAsString().replaceAll("\\s+", " ").trim() : "";
            for (JsonElement p : f.getAsJsonArray("problems"))
                out.add(lesson + ", figure " + f.get("index").getAsInt() + " \"" + (title.isEmpty() ? "(no title)" : title)
                        + "\": " + p.getAsString());
        }
        return out;
    }
}
