package jattn.website;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jattn.notebooks.CourseTools;
import jattn.notebooks.CourseTools.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The offline course site in a real browser. Builds target/site/ with tools/site/make_site.py from
 * target/notebooks (NotebookIT writes it) and target/slides (SlideDecksIT writes it; failsafe runs
 * the ITs in alphabetical order of their full names, so this class lives in jattn.website, after
 * jattn.slides; run alone, it makes the decks itself with tools/slides/make_decks.py when they are
 * missing or older than their executed notebooks). Then tools/site/check_site.py opens index.html in headless
 * Chromium with every host name unresolvable and follows every link of every page (a[href], and
 * every src/href of scripts, styles, images and iframes): each must be a file inside target/site/,
 * and every request the pages make (recorded over the DevTools Protocol) must be a file: URL
 * inside it, data: or blob:. Each lesson page has KaTeX elements, no raw {@code $...$} in its
 * text, and every Plotly figure drawn. No solution or hidden-test line of a homework source is
 * anywhere in the site. Screenshots: target/site-shots/. All problems are collected; the failure
 * lists each as {@code <page>: <problem>}.
 */
class StaticSiteIT {

    static final Path ROOT = CourseTools.ROOT;
    static final String PYTHON = CourseTools.PYTHON;
    static final Path SITE = ROOT.resolve("target/site");
    static final Path SHOTS = ROOT.resolve("target/site-shots");
    static final Path EXECUTED = ROOT.resolve("target/notebooks");
    static final Path SLIDES = ROOT.resolve("target/slides");
    static final Path MAKE_SITE = ROOT.resolve("tools/site/make_site.py");
    static final Path CHECK_SITE = ROOT.resolve("tools/site/check_site.py");
    static final Path MAKE_DECKS = ROOT.resolve("tools/slides/make_decks.py");
    static final long BUILD_TIMEOUT_SECONDS = 900;   // includes the homework release when it is stale
    static final long CHECK_TIMEOUT_SECONDS = 900;

    /** Runs a command in the project's root, printing its output as it comes; fails if it runs past the limit. */
    static Result run(List<String> command, long timeoutSeconds) {
        Result r = CourseTools.run(command, timeoutSeconds, CourseTools.Echo.LINE_BY_LINE);
        if (r.exitCode() == CourseTools.KILLED)
            fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s:\n" + r.output());
        return r;
    }

    @BeforeAll
    static void tools() {
        if (!Files.isExecutable(Path.of("/usr/bin/chromium")) && !Files.isExecutable(Path.of("/usr/bin/chromium-browser")))
            fail("Chromium is not installed (Debian package 'chromium'): run ./course setup");
        Result r = run(List.of(PYTHON, "-c", "import websocket, nbconvert"), 60);
        if (r.exitCode() != 0)
            fail("Debian's python3-websocket or python3-nbconvert is missing: run ./course setup\n" + r.output());
        if (!Files.isDirectory(ROOT.resolve("slides/node_modules/katex")))
            fail("KaTeX is not installed in slides/node_modules: run `npm ci --prefix slides` (./course setup does)");
    }

    static List<String> lessonStems() throws IOException {
        try (Stream<Path> s = Files.list(ROOT.resolve("notebooks"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d\\d_.*\\.ipynb"))
                    .map(n -> n.substring(0, n.length() - ".ipynb".length())).sorted().toList();
        }
    }

    static FileTime mtime(Path p) throws IOException {
        return Files.getLastModifiedTime(p);
    }

    /** Makes the decks when one is missing or older than its executed notebook (see the class comment). */
    static void freshDecks(List<String> stems) throws IOException {
        List<String> stale = new ArrayList<>();
        for (String stem : stems) {
            Path executed = EXECUTED.resolve(stem + ".ipynb");
            for (String ext : List.of(".html", ".pdf")) {
                Path deck = SLIDES.resolve(stem + ext);
                if (!Files.exists(deck) || mtime(deck).compareTo(mtime(executed)) < 0) {
                    stale.add(stem);
                    break;
                }
            }
        }
        if (stale.isEmpty()) return;
        if (!Files.exists(MAKE_DECKS))
            fail("the decks of " + stale + " are missing from " + SLIDES + " and there is no " + ROOT.relativize(MAKE_DECKS)
                    + " to make them");
        System.out.println("decks missing or older than their executed notebooks: " + stale + "; making them");
        Result r = run(List.of(PYTHON, MAKE_DECKS.toString()), BUILD_TIMEOUT_SECONDS);
        if (r.exitCode() != 0) fail(ROOT.relativize(MAKE_DECKS) + " failed with exit code " + r.exitCode() + ":\n" + r.output());
    }

    @Test
    void theSiteWorksOfflineAndEveryLinkResolvesInsideIt() throws IOException {
        List<String> stems = lessonStems();
        assertTrue(!stems.isEmpty(), "no lessons under notebooks/");
        List<String> notExecuted = stems.stream().filter(s -> !Files.exists(EXECUTED.resolve(s + ".html"))
                || !Files.exists(EXECUTED.resolve(s + ".ipynb"))).toList();
        if (!notExecuted.isEmpty())
            fail("lessons not executed (NotebookIT writes target/notebooks; ./course lessons): " + notExecuted);
        freshDecks(stems);

        long t0 = System.nanoTime();
        Result built = run(List.of(PYTHON, MAKE_SITE.toString()), BUILD_TIMEOUT_SECONDS);
        System.out.printf("make_site.py: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        if (built.exitCode() != 0)
            fail(ROOT.relativize(MAKE_SITE) + " failed with exit code " + built.exitCode() + ":\n" + built.output());

        List<String> problems = new ArrayList<>(leaks());

        Path report = SHOTS.resolve("report.json");
        Files.deleteIfExists(report);
        long t1 = System.nanoTime();
        Result checked = run(List.of(PYTHON, CHECK_SITE.toString(), "--shots", SHOTS.toString(),
                "--notebooks", EXECUTED.toString(), SITE.toString()), CHECK_TIMEOUT_SECONDS);
        System.out.printf("check_site.py: %.1f s%n", (System.nanoTime() - t1) / 1e9);
        if (!Files.exists(report))
            fail(ROOT.relativize(CHECK_SITE) + " failed with exit code " + checked.exitCode() + ":\n" + checked.output());
        JsonObject r = JsonParser.parseString(Files.readString(report, StandardCharsets.UTF_8)).getAsJsonObject();
        for (JsonElement p : r.getAsJsonArray("problems")) problems.add(p.getAsString());

        Set<String> pages = new HashSet<>();
        for (JsonElement p : r.getAsJsonArray("pages")) pages.add(p.getAsString());
        List<String> expected = new ArrayList<>(List.of("index.html", "instructor/grading.html"));
        for (String s : stems) {
            expected.add("lessons/" + s + ".html");
            expected.add("slides/" + s + ".html");
        }
        for (String hw : homeworkStems()) expected.add("homework/" + hw + ".html");
        for (String e : expected)
            if (!pages.contains(e)) problems.add(e + ": not reached from index.html by following links");
        for (String s : stems)
            for (String f : List.of("notebooks/" + s + ".ipynb", "slides/" + s + ".pdf"))
                if (!Files.isRegularFile(SITE.resolve(f))) problems.add("index.html: " + f + " is not in the site");
        for (String hw : homeworkStems())
            if (!Files.isRegularFile(SITE.resolve("homework/" + hw + ".ipynb"))) problems.add("homework/" + hw + ".ipynb: missing");
        if (!Files.isRegularFile(SITE.resolve("target/homework.jar"))) problems.add("target/homework.jar: missing");
        for (String shot : List.of("index.png", stems.get(0) + ".png"))
            if (!Files.isRegularFile(SHOTS.resolve(shot)) || Files.size(SHOTS.resolve(shot)) < 5000)
                problems.add(shot + ": no screenshot in " + SHOTS);

        System.out.println(r.get("pages").getAsJsonArray().size() + " pages, " + r.get("links").getAsInt() + " links and assets, "
                + r.get("requests").getAsInt() + " requests checked; screenshots in " + SHOTS);
        assertTrue(problems.isEmpty(), () -> problems.size() + " problems with the course site:\n  " + String.join("\n  ", problems));
    }

    static List<String> homeworkStems() throws IOException {
        try (Stream<Path> s = Files.list(ROOT.resolve("homework"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("HW\\d+_.*\\.ipynb"))
                    .map(n -> n.substring(0, n.length() - ".ipynb".length())).sorted().toList();
        }
    }

    /**
     * The lines of the homework sources' solution and hidden-test regions that appear nowhere
     * else in the sources nor in the lessons (so that a shared line such as a closing brace or a
     * loop header the lessons show is no secret), at least 6 characters long, stripped; read here
     * independently of make_site.py.
     */
    static Set<String> secretLines() throws IOException {
        Set<String> inside = new HashSet<>(), outside = new HashSet<>();
        for (String hw : homeworkStems()) {
            JsonObject nb = JsonParser.parseString(Files.readString(ROOT.resolve("homework/" + hw + ".ipynb"))).getAsJsonObject();
            for (JsonElement c : nb.getAsJsonArray("cells")) {
                StringBuilder src = new StringBuilder();
                for (JsonElement l : c.getAsJsonObject().getAsJsonArray("source")) src.append(l.getAsString());
                boolean in = false;
                for (String line : src.toString().split("\n")) {
                    String s = line.strip();
                    if (s.contains("BEGIN SOLUTION") || s.contains("BEGIN HIDDEN TESTS")) in = true;
                    else if (s.contains("END SOLUTION") || s.contains("END HIDDEN TESTS")) in = false;
                    else (in ? inside : outside).add(s);
                }
            }
        }
        try (Stream<Path> lessons = Files.list(ROOT.resolve("notebooks"))) {  // what the lessons show is no secret
            for (Path l : lessons.filter(p -> p.toString().endsWith(".ipynb")).toList()) {
                JsonObject nb = JsonParser.parseString(Files.readString(l)).getAsJsonObject();
                for (JsonElement c : nb.getAsJsonArray("cells"))
                    for (JsonElement line : c.getAsJsonObject().getAsJsonArray("source")) outside.add(line.getAsString().strip());
            }
        }
        inside.removeAll(outside);
        inside.removeIf(s -> s.length() < 6);
        return inside;
    }

    /** Every text file of the site holding a marker or a secret line (HTML: tags removed, entities decoded). */
    static List<String> leaks() throws IOException {
        Set<String> secrets = secretLines();
        assertTrue(secrets.size() > 20, "too few solution lines found in homework/ to check anything: " + secrets.size());
        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(SITE)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(html|ipynb|json|js|css|md|txt)$")
                    && !p.startsWith(SITE.resolve("lib")) && !p.startsWith(SITE.resolve("slides/lib"))).toList();
        }
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            if (f.toString().endsWith(".ipynb")) text = text.replace("\\n", "\n").replace("\\\"", "\"");
            if (f.toString().endsWith(".html")) text = htmlText(text);
            String where = SITE.relativize(f).toString();
            // the grader's documentation names the markers; no other page may hold them
            if (!where.equals("instructor/grading.html"))
                for (String m : List.of("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"))
                    if (text.contains(m)) found.add(where + ": holds the marker " + m);
            Set<String> lines = new HashSet<>();
            for (String line : text.split("\n")) lines.add(line.strip());
            for (String s : secrets)
                if (lines.contains(s)) found.add(where + ": holds a line of a homework solution or hidden test: " + s);
        }
        return found;
    }

    /** The text of an HTML page: tags removed, character references decoded. */
    static String htmlText(String html) {
        String text = html.replaceAll("(?s)<[^>]*>", "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos|nbsp);").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String c = switch (e) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> new String(Character.toChars(e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16)
                        : Integer.parseInt(e.substring(1))));
            };
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(c));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The checkers themselves: the rewriting and link checks' unit tests (tools/site/test_site_html.py),
     * and check_site.py on a small site made here, wrong in each known way, must report exactly those problems.
     */
    @Test
    void theCheckersFindEachKindOfProblem() throws IOException {
        Result unit = run(List.of(PYTHON, "-m", "unittest", "discover", "-s", "tools/site", "-p", "test_*.py"), 300);
        assertEquals(0, unit.exitCode(), () -> "tools/site/test_site_html.py failed:\n" + unit.output());

        Path site = ROOT.resolve("target/site-selftest/site");
        if (Files.exists(site)) try (Stream<Path> s = Files.walk(site)) {
            for (Path p : s.sorted((a, b) -> b.compareTo(a)).toList()) Files.delete(p);
        }
        Files.createDirectories(site.resolve("lessons"));
        String mathDone = "<script>document.documentElement.setAttribute('data-math', 'done')</script>";
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + mathDone
                + "<script src=\"https://cdn.example.org/lib.js\"></script></head><body>"
                + "<a href=\"lessons/a.html\">a</a> <a href=\"missing.html\">missing</a> <a href=\"#nowhere\">here</a>"
                + " <a href=\"../outside.html\">out</a> <img src=\"file:///usr/share/pixmaps/nothing.png\">"
                + "</body></html>");
        Files.writeString(site.resolve("lessons/a.html"), "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + mathDone
                + "</head><body><p>The context $c_t$ stays raw.</p><div class=\"jattn-figure\" id=\"f1\">plotly.js is missing</div>"
                + "<a href=\"../index.html\">home</a></body></html>");
        Path shots = ROOT.resolve("target/site-selftest/shots");
        Path report = shots.resolve("report.json");
        Files.deleteIfExists(report);
        Result r = run(List.of(PYTHON, CHECK_SITE.toString(), "--shots", shots.toString(), site.toString()), 600);
        assertEquals(1, r.exitCode(), () -> "check_site.py on a broken site:\n" + r.output());
        JsonArray ps = JsonParser.parseString(Files.readString(report)).getAsJsonObject().getAsJsonArray("problems");
        List<String> found = new ArrayList<>();
        for (JsonElement p : ps) found.add(p.getAsString());
        List<String> expected = List.of(
                "index.html: script[src]=\"https://cdn.example.org/lib.js\": points outside the site",
                "index.html: a[href]=\"missing.html\": no such file in the site",
                "index.html: a[href]=\"#nowhere\": no element with that id on the page",
                "index.html: a[href]=\"../outside.html\": points outside the site",
                "index.html: img[src]=\"file:///usr/share/pixmaps/nothing.png\": points outside the site",
                "index.html: requested https://cdn.example.org/lib.js: outside the site",
                "lessons/a.html: raw math left in the text: \"The context $c_t$ stays raw.\"",
                "lessons/a.html: no KaTeX element",
                "lessons/a.html: figure 1 was not drawn");
        List<String> missed = new ArrayList<>();
        for (String e : expected)
            if (found.stream().noneMatch(f -> f.startsWith(e))) missed.add(e);
        assertTrue(missed.isEmpty(), () -> "check_site.py missed:\n  " + String.join("\n  ", missed) + "\nit found:\n  "
                + String.join("\n  ", found));
        List<String> extra = found.stream().filter(f -> expected.stream().noneMatch(f::startsWith)).toList();
        assertTrue(extra.stream().allMatch(f -> f.startsWith("index.html: requested file:///usr/share/pixmaps/nothing.png")),
                () -> "check_site.py found problems that are not there:\n  " + String.join("\n  ", extra));
    }
}
