package jattn.notebooks;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Opens the HTML export of lesson 00 in headless Chromium with no network and checks that
 * every Plotly figure was actually drawn (its SVG is in the page), with its title and axis
 * titles: the pinned plotly.js shipped in the notebook did the drawing, not a CDN.
 */
class NotebookInBrowserIT {

    static final Path LESSON = CourseTools.NOTEBOOKS.resolve("00_tour_of_the_tools.ipynb");
    static final Path HTML = CourseTools.EXECUTED.resolve("00_tour_of_the_tools.html");

    @BeforeAll
    static void tools() {
        CourseTools.requireChromium();
    }

    /** The executed HTML of lesson 00, executing the lesson first if its export is missing or stale. */
    static Path freshHtml() throws IOException {
        boolean stale = !Files.exists(HTML)
                || Files.getLastModifiedTime(HTML).compareTo(Files.getLastModifiedTime(LESSON)) < 0
                || Files.getLastModifiedTime(HTML).compareTo(Files.getLastModifiedTime(CourseTools.COURSE_JAR)) < 0;
        if (stale) {
            CourseTools.requireJupyterAndKernel();
            CourseTools.Result r = CourseTools.execute(LESSON);
            assertEquals(0, r.exitCode(), () -> "lesson 00 failed to execute:\n" + r.output());
        }
        return HTML;
    }

    /** Chromium, headless, offline: every host name resolves to nothing. */
    static List<String> chromium(Path profile, String... args) {
        List<String> cmd = new ArrayList<>(List.of(CourseTools.requireChromium(),
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    void lesson00FiguresAreDrawnOffline() throws IOException {
        Path html = freshHtml();
        Path profile = Files.createTempDirectory("chromium-profile");
        CourseTools.Result dom = CourseTools.run(chromium(profile, "--virtual-time-budget=30000",
                "--dump-dom", html.toUri().toString()), 180);
        assertEquals(0, dom.exitCode(), () -> "Chromium failed:\n" + tail(dom.output()));

        List<String> figures = figureBlocks(dom.output());
        assertEquals(2, figures.size(), "lesson 00 should show 2 figures, found " + figures.size() + " figure divs");
        for (String fig : figures) {
            assertTrue(fig.contains("class=\"main-svg\""),
                    "a figure div has no Plotly SVG: plotly.js did not draw it. Start of the div:\n" + fig.substring(0, Math.min(600, fig.length())));
        }
        assertEquals("Word counts in the word2vec corpus", svgText(figures.get(0), "gtitle"));
        assertEquals("word", svgText(figures.get(0), "xtitle"));
        assertEquals("count", svgText(figures.get(0), "ytitle"));
        assertTrue(svgText(figures.get(1), "gtitle").startsWith("softmax(z / τ)"), svgText(figures.get(1), "gtitle"));
        assertTrue(figures.get(1).contains("τ = 0.5") && figures.get(1).contains("τ = 4.0"), "the legend of the softmax plot is missing");

        // a picture for a person to look at
        Path png = CourseTools.EXECUTED.resolve("00_tour_of_the_tools.png");
        Files.deleteIfExists(png);
        CourseTools.Result shot = CourseTools.run(chromium(Files.createTempDirectory("chromium-profile"),
                "--virtual-time-budget=30000", "--window-size=1280,9000", "--hide-scrollbars",
                "--screenshot=" + png, html.toUri().toString()), 180);
        if (shot.exitCode() != 0 || !Files.exists(png)) fail("Chromium could not take a screenshot:\n" + tail(shot.output()));
        System.out.println("lesson 00 in Chromium: " + figures.size() + " figures drawn offline; screenshot " + png);
    }

    /** The serialized DOM of each figure div, up to the next figure div. */
    static List<String> figureBlocks(String dom) {
        List<String> blocks = new ArrayList<>();
        String marker = "class=\"jattn-figure";
        int i = dom.indexOf(marker);
        while (i >= 0) {
            int next = dom.indexOf(marker, i + marker.length());
            blocks.add(dom.substring(i, next < 0 ? dom.length() : next));
            i = next;
        }
        return blocks;
    }

    /** The text of the first SVG text element with the given class (gtitle, xtitle, ytitle). */
    static String svgText(String block, String cls) {
        Matcher m = Pattern.compile("<text class=\"" + cls + "\"[^>]*>(.*?)</text>").matcher(block);
        if (!m.find()) fail("no <text class=\"" + cls + "\"> in the figure: its title or axis title was not drawn");
        return m.group(1).replace("&amp;", "&");
    }

    static String tail(String s) {
        return s.length() < 3000 ? s : s.substring(s.length() - 3000);
    }
}
