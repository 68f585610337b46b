package jattn.viz;

import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Tablesaw {@link Figure} whose layout (and, where Tablesaw has no builder for it, some
 * traces) is written as plotly JSON, so that {@link Display#figure} shows it like any other.
 *
 * <p>Tablesaw's layout template HTML-escapes titles (so a {@code <br>} shows as text) and has
 * no colour bars, annotations or subplot axes; the course's figures need all of them. Traces
 * made with Tablesaw's builders ({@code ScatterTrace}, {@code BarTrace}) are written by
 * Tablesaw itself; the others are JSON maps. The script has Tablesaw's shape: it draws into
 * the element {@code divId} with the global {@code Plotly}.
 */
public final class Plot extends Figure {

    /** The default figure width in pixels: it fits a notebook's output area (about 830 px in the HTML export at a 1000 px window). */
    public static final int WIDTH = 800;

    /** Whether plotly's mode bar (zoom, pan, save) is shown over the top right corner. */
    public enum ModeBar { SHOWN, HIDDEN }
    /** Roughly the width of one character of the title font (17 px), for wrapping. */
    static final double TITLE_CHAR_PX = 9.0;

    private final List<Trace> tablesawTraces;
    private final List<Map<String, Object>> jsonTraces;
    private final Map<String, Object> layout;
    private final ModeBar modeBar;

    Plot(List<Trace> tablesawTraces, List<Map<String, Object>> jsonTraces, Map<String, Object> layout) {
        this(tablesawTraces, jsonTraces, layout, ModeBar.SHOWN);
    }

    Plot(List<Trace> tablesawTraces, List<Map<String, Object>> jsonTraces, Map<String, Object> layout, ModeBar modeBar) {
        super(tablesawTraces.toArray(Trace[]::new));
        this.tablesawTraces = List.copyOf(tablesawTraces);
        this.jsonTraces = List.copyOf(jsonTraces);
        this.layout = layout;
        this.modeBar = modeBar;
    }

    /** The layout as plotly JSON. */
    public String layoutJson() {
        return Json.write(layout);
    }

    /** The JSON traces (heatmaps, panels) as plotly JSON; Tablesaw's traces are not included. */
    public String jsonTraces() {
        return Json.write(jsonTraces);
    }

    @Override
    public String asJavascript(String divId) {
        String target = "target_" + divId;
        StringBuilder b = new StringBuilder("<script>\n");
        b.append("var ").append(target).append(" = document.getElementById('").append(divId).append("');\n");
        b.append("var layout = ").append(layoutJson()).append(";\n");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tablesawTraces.size(); i++) {
            b.append(tablesawTraces.get(i).asJavascript(i)).append('\n');
            names.add("trace" + i);
        }
        for (int i = 0; i < jsonTraces.size(); i++) {
            String name = "jtrace" + i;
            b.append("var ").append(name).append(" = ").append(Json.write(jsonTraces.get(i))).append(";\n");
            names.add(name);
        }
        b.append("var data = [").append(String.join(", ", names)).append("];\n");
        b.append("Plotly.newPlot(").append(target).append(", data, layout, {responsive: false, displaylogo: false")
                .append(modeBar == ModeBar.HIDDEN ? ", displayModeBar: false" : "").append("});\n");
        return b.append("</script>").toString();
    }

    /**
     * Text for plotly's labels (ticks, legend, hover, annotations): plotly reads a small HTML
     * subset, so {@code &}, {@code <}, {@code >} become entities, which it shows as the
     * characters ({@code <unk>} stays visible).
     */
    static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * A title as plotly text, broken with {@code <br>} at spaces so that no line is wider than
     * {@code widthPx} (at about {@value #TITLE_CHAR_PX} px per character).
     */
    static String wrap(String title, int widthPx) {
        return wrap(title, widthPx, ModeBar.SHOWN);
    }

    /** {@link #wrap(String, int)} for a figure with or without the mode bar in its corner. */
    static String wrap(String title, int widthPx, ModeBar modeBar) {
        List<String> lines = wrapLines(title, charsPerLine(widthPx, modeBar));
        List<String> escaped = new ArrayList<>();
        for (String l : lines) escaped.add(text(l));
        return String.join("<br>", escaped);
    }

    /** The lines of a title wrapped at spaces to at most perLine characters (a longer word stays whole). */
    static List<String> wrapLines(String title, int perLine) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : title.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > perLine) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** The number of lines {@link #wrap} gives. */
    static int titleLines(String title, int widthPx) {
        return titleLines(title, widthPx, ModeBar.SHOWN);
    }

    static int titleLines(String title, int widthPx, ModeBar modeBar) {
        return wrapLines(title, charsPerLine(widthPx, modeBar)).size();
    }

    /** Characters per title line: the figure width less the margins and, if shown, the mode bar's corner (about 220 px). */
    static int charsPerLine(int widthPx, ModeBar modeBar) {
        int free = widthPx - 40 - (modeBar == ModeBar.SHOWN ? 220 : 0);
        return Math.max(16, (int) (free / TITLE_CHAR_PX));
    }

    /** A plotly title object, wrapped to the figure width, left-aligned over the plot. */
    static Map<String, Object> title(String title, int widthPx) {
        return title(title, widthPx, ModeBar.SHOWN);
    }

    static Map<String, Object> title(String title, int widthPx, ModeBar modeBar) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("text", wrap(title, widthPx, modeBar));
        t.put("x", 0.02);
        t.put("xanchor", "left");
        return t;
    }

    /** An axis with a title and automatic margins. */
    static Map<String, Object> axis(String title) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("title", Map.of("text", text(title)));
        a.put("automargin", true);
        return a;
    }

    /**
     * A scatter figure of Tablesaw traces with fixed axis ranges, annotations (plotly objects)
     * and a pixel size; margins {left, right, top, bottom} in pixels; the legend on the right.
     */
    public static Plot scatter(String title, List<Trace> traces, String xTitle, String yTitle, double[] xRange,
                               double[] yRange, List<Object> annotations, int width, int height, int[] margin) {
        Map<String, Object> xAxis = axis(xTitle), yAxis = axis(yTitle);
        xAxis.put("range", List.of(xRange[0], xRange[1]));
        yAxis.put("range", List.of(yRange[0], yRange[1]));
        xAxis.put("automargin", false);
        yAxis.put("automargin", false);
        Map<String, Object> layout = map("title", title(title, width), "width", width, "height", height,
                "margin", map("l", margin[0], "r", margin[1], "t", margin[2], "b", margin[3]),
                "xaxis", xAxis, "yaxis", yAxis, "showlegend", true, "annotations", annotations,
                "legend", map("title", map("text", "group")));
        return new Plot(traces, List.of(), layout);
    }

    /** A map of the given key, value pairs in order. */
    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }
}
