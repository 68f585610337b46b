package jattn.grading;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import jattn.viz.Bars;
import jattn.viz.Display;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The files a grading run writes from its results (see {@link Gradebook}): the CSV gradebook,
 * a feedback page per student, Gradescope's results.json per submission, and the instructor's
 * summary page. All are written atomically. Hidden tests show only their name and whether they
 * passed: never their code, their message or their output.
 */
final class Reports {

    private Reports() {}

    static void write(Assignment a, Gradebook.Run run, Path out) throws IOException {
        Results.writeAtomically(out.resolve("gradebook.csv"), csv(a, run));
        for (SubmissionResult r : run.results()) {
            Results.writeAtomically(out.resolve("feedback").resolve(Gradebook.safe(r.student()) + ".html"), feedback(a, r));
            Results.writeAtomically(out.resolve("gradescope").resolve(Gradebook.safe(r.student())).resolve("results.json"),
                    Results.GSON.toJson(gradescope(r)) + "\n");
        }
        Results.writeAtomically(out.resolve("summary.html"), summary(a, run));
    }

    /** student, file, one column per question, total, max, status, reason. */
    static String csv(Assignment a, Gradebook.Run run) {
        StringBuilder sb = new StringBuilder("student,assignment,file");
        for (String q : a.questionOrder()) sb.append(',').append(q);
        sb.append(",total,max,status,reason\n");
        for (SubmissionResult r : run.results()) {
            sb.append(cell(r.student())).append(',').append(cell(a.name())).append(',').append(cell(Path.of(r.file()).getFileName().toString()));
            for (String q : a.questionOrder()) sb.append(',').append(Gradebook.fmt(r.points(q)));
            sb.append(',').append(Gradebook.fmt(r.total())).append(',').append(Gradebook.fmt(r.maxPoints()))
                    .append(',').append(r.graded() ? "graded" : "not graded").append(',').append(cell(r.graded() ? String.join("; ", r.notes()) : r.error()))
                    .append('\n');
        }
        for (Submissions.Submission s : run.superseded())
            sb.append(cell(s.student())).append(',').append(cell(a.name())).append(',').append(cell(s.file().getFileName().toString()))
                    .append(",".repeat(a.questionOrder().size())).append(",,,superseded,a later submission counts\n");
        return sb.toString();
    }

    /** A CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ is defused for spreadsheets. */
    static String cell(String s) {
        String v = s == null ? "" : s.replace("\r", " ").replace("\n", " ");
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** Gradescope's results.json: the score, and one entry per test cell. */
    static JsonObject gradescope(SubmissionResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("score", r.total());
        o.addProperty("visibility", "visible");
        o.addProperty("stdout_visibility", "hidden");
        o.addProperty("output", r.graded() ? String.format(Locale.ROOT, "%s of %s points", Gradebook.fmt(r.total()), Gradebook.fmt(r.maxPoints()))
                + (r.notes().isEmpty() ? "" : "\n" + String.join("\n", r.notes())) : "Not graded: " + r.error());
        JsonArray tests = new JsonArray();
        for (TestResult t : r.tests()) {
            JsonObject j = new JsonObject();
            j.addProperty("name", t.gradeId());
            j.addProperty("name_format", "text");
            j.addProperty("score", t.points());
            j.addProperty("max_score", t.maxPoints());
            j.addProperty("status", t.passed() ? "passed" : "failed");
            j.addProperty("output", shownOutput(t));
            j.addProperty("visibility", t.hasHidden() ? "after_published" : "visible");
            j.addProperty("tags", Assignment.question(t.gradeId()));
            tests.add(j);
        }
        o.add("tests", tests);
        return o;
    }

    /** What a student may see of a test: its message and output, unless it has hidden tests (then only a hidden failure's summary). */
    static String shownOutput(TestResult t) {
        if (t.passed()) return t.hasHidden() ? "" : t.output();
        return t.message() + (t.output().isBlank() ? "" : "\n" + t.output());
    }

    static String feedback(Assignment a, SubmissionResult r) {
        StringBuilder sb = new StringBuilder(head(a.name() + ": feedback for " + r.student()));
        sb.append("<h1>").append(esc(a.name())).append(": feedback for ").append(esc(r.student())).append("</h1>\n");
        if (!r.graded()) sb.append("<p class=\"bad\">Not graded: ").append(esc(r.error())).append("</p>\n");
        sb.append("<p><b>").append(Gradebook.fmt(r.total())).append(" of ").append(Gradebook.fmt(r.maxPoints())).append(" points</b></p>\n");
        for (String note : r.notes()) sb.append("<p class=\"bad\">").append(esc(note)).append("</p>\n");
        for (String q : a.questionOrder()) {
            sb.append("<h2>").append(esc(q)).append(": ").append(Gradebook.fmt(r.points(q))).append(" of ")
                    .append(Gradebook.fmt(a.questions().get(q))).append("</h2>\n<table><tr><th>test</th><th>points</th><th>result</th><th>details</th></tr>\n");
            for (TestResult t : r.tests()) {
                if (!t.question().equals(q)) continue;
                sb.append("<tr><td>").append(esc(t.gradeId())).append(t.hasHidden() ? " (has hidden tests)" : "").append("</td><td>")
                        .append(Gradebook.fmt(t.points())).append(" / ").append(Gradebook.fmt(t.maxPoints())).append("</td><td class=\"")
                        .append(t.passed() ? "ok\">passed" : "bad\">failed").append("</td><td><pre>").append(esc(shownOutput(t))).append("</pre></td></tr>\n");
            }
            sb.append("</table>\n");
        }
        return sb.append("</body></html>\n").toString();
    }

    static String summary(Assignment a, Gradebook.Run run) {
        StringBuilder sb = new StringBuilder(head(a.name() + ": grading summary"));
        List<SubmissionResult> graded = run.results().stream().filter(SubmissionResult::graded).toList();
        sb.append("<h1>").append(esc(a.name())).append(": grading summary</h1>\n<p>")
                .append(run.results().size()).append(" submissions, ").append(graded.size()).append(" graded, ")
                .append(run.results().size() - graded.size()).append(" could not be graded, ")
                .append(run.superseded().size()).append(" superseded. This run graded ").append(run.gradedNow())
                .append(" and kept ").append(run.reused()).append(" from before.</p>\n");
        Display.resendPlotlyJs();                                         // the page's first figure carries plotly.js
        List<String> order = new ArrayList<>(a.questionOrder());
        order.add("total");
        for (String q : order) {
            double max = q.equals("total") ? a.maxPoints() : a.questions().get(q);
            TreeMap<Double, Integer> counts = new TreeMap<>();
            for (SubmissionResult r : run.results()) counts.merge(q.equals("total") ? r.total() : r.points(q), 1, Integer::sum);
            List<String> labels = new ArrayList<>();
            double[] values = new double[counts.size()];
            int i = 0;
            for (var e : counts.entrySet()) {                                // "2 of 3": a category, not a number plotly would space out
                labels.add(Gradebook.fmt(e.getKey()) + " of " + Gradebook.fmt(max));
                values[i++] = e.getValue();
            }
            sb.append(Display.figureHtml(Bars.of(a.name() + ", " + q + ": points (of " + Gradebook.fmt(max) + ")")
                    .xTitle("points earned").yTitle("submissions").bars(labels, values).figure())).append('\n');
        }
        sb.append("<h2>Could not be graded</h2>\n");
        List<SubmissionResult> failed = run.results().stream().filter(r -> !r.graded()).toList();
        if (failed.isEmpty()) sb.append("<p>None.</p>\n");
        else {
            sb.append("<table><tr><th>student</th><th>file</th><th>reason</th></tr>\n");
            for (SubmissionResult r : failed)
                sb.append("<tr><td>").append(esc(r.student())).append("</td><td>").append(esc(shortPath(r.file()))).append("</td><td>").append(esc(r.error())).append("</td></tr>\n");
            sb.append("</table>\n");
        }
        if (!run.superseded().isEmpty()) {
            sb.append("<h2>Superseded</h2>\n<ul>\n");
            for (var s : run.superseded()) sb.append("<li>").append(esc(s.student())).append(": ").append(esc(shortPath(s.file().toString()))).append("</li>\n");
            sb.append("</ul>\n");
        }
        return sb.append("</body></html>\n").toString();
    }

    /** The last three parts of a submission's path: student/assignment/file. */
    static String shortPath(String file) {
        Path p = Path.of(file);
        int n = p.getNameCount();
        return n <= 3 ? file : p.subpath(n - 3, n).toString();
    }

    private static String head(String title) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title><style>"
                + "body{font-family:sans-serif;max-width:60em;margin:2em auto}td,th{border:1px solid #ccc;padding:4px;vertical-align:top;overflow-wrap:anywhere}"
                + "table{border-collapse:collapse}.ok{color:#1a7f37}.bad{color:#c62828}pre{white-space:pre-wrap;margin:0}"
                + "</style></head><body>\n";
    }

    static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
