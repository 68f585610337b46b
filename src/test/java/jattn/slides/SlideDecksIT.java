package jattn.slides;

import jattn.notebooks.CourseTools;
import jattn.notebooks.CourseTools.Result;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The lecture decks in a real browser. Regenerates every deck and its PDF from the executed lessons
 * (target/notebooks/*.ipynb, written by NotebookIT, which runs before this class: failsafe's runOrder
 * is alphabetical) with tools/slides/make_decks.py, then opens each deck in headless Chromium with
 * every host name unresolvable (tools/slides/check_decks.py over the DevTools Protocol) and asserts,
 * on every slide as it navigates: the slide fits 1280×720 (its section's scrollHeight and scrollWidth,
 * no element scrolling or clipping), the math is typeset (KaTeX elements, no raw $...$ or \( left),
 * every Plotly figure is drawn (svg.main-svg of non-zero size); per deck: 10 to 25 slides, the PDF's
 * page count equals the number of slides, and no request left the machine. The first slide of each
 * deck is saved as target/slides/shots/NN_name.png. All problems of all decks are collected first;
 * the failure lists each as {@code <deck>, slide <h>.<v>: <problem>}.
 */
class SlideDecksIT {

    static final Path ROOT = CourseTools.ROOT;
    static final Path NOTEBOOKS = ROOT.resolve("notebooks");
    static final Path EXECUTED = ROOT.resolve("target/notebooks");
    static final Path SLIDES = ROOT.resolve("target/slides");
    static final String PYTHON = CourseTools.PYTHON;
    static final long MAKE_TIMEOUT_SECONDS = 900, CHECK_TIMEOUT_SECONDS = 900;

    /** Runs a command in the project's root; fails if it runs past the limit. */
    static Result run(long timeoutSeconds, String... command) {
        Result r = CourseTools.run(List.of(command), timeoutSeconds);
        if (r.exitCode() == CourseTools.KILLED) fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
        return r;
    }

    static List<String> lessons() throws IOException {
        try (Stream<Path> s = Files.list(NOTEBOOKS)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d\\d_.*\\.ipynb")).sorted().toList();
        }
    }

    @Test
    void everyDeckFitsItsSlidesTypesetsItsMathDrawsItsFiguresAndPrintsOnePagePerSlide() throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> lessons = lessons();
        assertTrue(!lessons.isEmpty(), "no lessons under " + NOTEBOOKS);
        for (String lesson : lessons)
            if (!Files.exists(EXECUTED.resolve(lesson)))
                problems.add(lesson + ": no executed copy in " + EXECUTED + " (NotebookIT or ./course lessons writes it)");

        long started = System.nanoTime();
        Result made = run(MAKE_TIMEOUT_SECONDS, PYTHON, "tools/slides/make_decks.py",
                "--notebooks", EXECUTED.toString(), "--out", SLIDES.toString());
        System.out.print(made.output());
        System.out.printf("decks and PDFs made in %.1f s%n", (System.nanoTime() - started) / 1e9);
        if (made.exitCode() != 0)
            made.output().lines().filter(l -> l.startsWith("make_decks:")).forEach(problems::add);

        started = System.nanoTime();
        Result checked = run(CHECK_TIMEOUT_SECONDS, PYTHON, "tools/slides/check_decks.py", "--slides", SLIDES.toString());
        System.out.print(checked.output());
        System.out.printf("decks checked in Chromium in %.1f s%n", (System.nanoTime() - started) / 1e9);
        if (checked.exitCode() == 2) problems.add("check_decks.py could not run: " + checked.output().strip());
        else if (checked.exitCode() != 0)
            checked.output().lines().filter(l -> l.matches("\\d\\d_\\w+(, slide [0-9.?]+)?: .*")).forEach(problems::add);
        for (String lesson : lessons) {
            String stem = lesson.replace(".ipynb", "");
            if (!Files.exists(SLIDES.resolve("shots/" + stem + ".png"))) problems.add(stem + ": no screenshot of its first slide");
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " problems with the decks:\n  " + String.join("\n  ", problems));
    }

    /** A notebook that is not executed, or has a slide_type outside the six, is named with its cell; the others are made. */
    @Test
    void badNotebooksAreReportedByNameAndCellAndDoNotStopTheOthers() throws IOException {
        Path dir = Files.createTempDirectory("decks-bad-input");
        Path out = dir.resolve("slides");
        String executedCode = "{\"cell_type\": \"code\", \"execution_count\": 1, \"metadata\": {}, \"outputs\": [],"
                + " \"source\": [\"int x = 1;\"]}";
        String header = "{\"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5, \"cells\": [";
        String title = "{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\"# Lesson 97 — fine\\n\", \"$c_t = \\\\sum_i \\\\alpha_{t,i} h_i$\"]}";
        Files.writeString(dir.resolve("97_fine.ipynb"), header + title + ", " + executedCode + "]}");
        Files.writeString(dir.resolve("98_bad_type.ipynb"), header + title + ", " + executedCode
                + ", {\"cell_type\": \"markdown\", \"metadata\": {\"slideshow\": {\"slide_type\": \"slides\"}}, \"source\": [\"x\"]}]}");
        Files.writeString(dir.resolve("99_not_executed.ipynb"), header + title
                + ", {\"cell_type\": \"code\", \"execution_count\": null, \"metadata\": {}, \"outputs\": [], \"source\": [\"int y = 2;\"]}]}");
        Result r = run(300, PYTHON, "tools/slides/make_decks.py", "--no-pdf", "--notebooks", dir.toString(),
                "--out", out.toString());
        assertEquals(1, r.exitCode(), r.output());
        assertTrue(r.output().contains("98_bad_type.ipynb, cell 3: slide_type 'slides' is not one of"), r.output());
        assertTrue(r.output().contains("99_not_executed.ipynb: not executed (code cell 2 has no execution count)"), r.output());
        assertTrue(Files.exists(out.resolve("97_fine.html")), "the good notebook's deck was not made:\n" + r.output());
        assertTrue(!Files.exists(out.resolve("98_bad_type.html")) && !Files.exists(out.resolve("99_not_executed.html")), r.output());
        Result missing = run(300, PYTHON, "tools/slides/make_decks.py", "--no-pdf", "--notebooks", dir.toString(),
                "--out", out.toString(), "96_missing.ipynb");
        assertEquals(1, missing.exitCode(), missing.output());
        assertTrue(missing.output().contains("96_missing.ipynb: no executed notebook"), missing.output());
    }

    /** The checker itself: a deck with a slide that overflows, a formula left raw and too few slides is caught (the title slide and the formula's slide pass). */
    @Test
    void theCheckerFindsAnOverflowingSlideRawMathAndTooFewSlides() throws IOException {
        Path dir = Files.createTempDirectory("decks-checker");
        Path out = dir.resolve("slides");
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 60; i++) lines.append("\"line ").append(i).append(" of a slide far too long\\n\", \"\\n\", ");
        String notebook = "{\"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5, \"cells\": ["
                + "{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\"# Lesson 97 — checked\\n\", \"$c_t = \\\\sum_i \\\\alpha_{t,i} h_i$\"]},"
                + "{\"cell_type\": \"markdown\", \"metadata\": {\"slideshow\": {\"slide_type\": \"slide\"}}, \"source\": [" + lines
                + "\"broken: $x^{$\"]}]}";
        Files.writeString(dir.resolve("97_checked.ipynb"), notebook);
        Result made = run(300, PYTHON, "tools/slides/make_decks.py", "--notebooks", dir.toString(), "--out", out.toString());
        assertEquals(0, made.exitCode(), made.output());
        Result checked = run(300, PYTHON, "tools/slides/check_decks.py", "--slides", out.toString());
        assertEquals(1, checked.exitCode(), checked.output());
        assertTrue(checked.output().contains("97_checked: 3 slides, not 10 to 25"), checked.output());
        assertTrue(checked.output().matches("(?s).*97_checked, slide 2\\.0: content is \\d+ px high, the slide 720 px.*"), checked.output());
        assertTrue(checked.output().contains("97_checked, slide 2.0: raw math left in the text: \"$x^{$\""), checked.output());
        assertTrue(!checked.output().contains("97_checked, slide 1.0: content"), "the slide of the formula fits:\n" + checked.output());
    }
}
