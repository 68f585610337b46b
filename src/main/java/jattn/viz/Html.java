package jattn.viz;

import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * HTML fragments for {@link Display}: an escaped table and a figure that waits for plotly.js.
 */
final class Html {

    private Html() {}

    /** Escapes text for HTML element content and attributes. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A table with a caption (name and shape), a header row and at most maxRows rows. */
    static String table(Table t, int maxRows) {
        StringBuilder b = new StringBuilder("<table class=\"jattn-table\">\n<caption>")
                .append(escape(t.name() == null ? "" : t.name()))
                .append(" (").append(t.rowCount()).append(" rows × ").append(t.columnCount()).append(" columns)</caption>\n<thead><tr>");
        for (String name : t.columnNames()) b.append("<th>").append(escape(name)).append("</th>");
        b.append("</tr></thead>\n<tbody>\n");
        int shown = Math.min(maxRows, t.rowCount());
        for (int r = 0; r < shown; r++) {
            b.append("<tr>");
            for (int c = 0; c < t.columnCount(); c++) b.append("<td>").append(escape(t.getString(r, c))).append("</td>");
            b.append("</tr>\n");
        }
        if (shown < t.rowCount())
            b.append("<tr><td colspan=\"").append(t.columnCount()).append("\">… ")
                    .append(t.rowCount() - shown).append(" more rows</td></tr>\n");
        return b.append("</tbody></table>").toString();
    }

    /**
     * A div and a script that draws the figure. Tablesaw's script calls the global Plotly;
     * here it runs in a function whose parameter Plotly is the pinned library, once loaded.
     */
    static String figure(Figure figure, String divId) {
        String script = figure.asJavascript(divId).trim();
        if (script.startsWith("<script>")) script = script.substring("<script>".length());
        if (script.endsWith("</script>")) script = script.substring(0, script.length() - "</script>".length());
        return "<div id=\"" + divId + "\" class=\"jattn-figure\"></div>\n"
                + "<script>(function () {\n"
                + "  var draw = function (Plotly) {\n" + script + "\n  };\n"
                + "  if (window.__jattnPlotly) window.__jattnPlotly.then(draw);\n"
                + "  else document.getElementById('" + divId + "').textContent = "
                + "'plotly.js is not loaded in this page: run Display.resendPlotlyJs() and draw the figure again.';\n"
                + "})();</script>";
    }
}
