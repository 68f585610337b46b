package jattn.viz;

import tech.tablesaw.plotly.components.Figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Several heatmaps on one shared colour scale, side by side in rows of {@code columns} panels,
 * each with its own subplot title, labels and axis titles, and one colour bar for all: the
 * per-head weights of multi-head attention, or one score function per panel.
 *
 * <pre>{@code
 * HeatmapGrid.of("Weights of the four heads", 2, List.of(
 *         Heatmap.of(head0).title("head 1").columns(words).rows(words).xTitle("key").yTitle("query"), ...))
 *     .valueTitle("α")
 * }</pre>
 *
 * <p>The colour range is taken over all panels, so one colour means one value in every panel;
 * {@link ColourScale#AUTO} is resolved on all the data, and the panels' scales must agree. Each
 * panel is sized by {@link Heatmap#cellSize}, with the width shared between the columns.
 */
public final class HeatmapGrid implements Chart {

    private static final double CHAR_PX = 7.0;     // about one character of the 12 px tick font
    private static final int AXIS_TITLE_PX = 22;
    private static final int COLOUR_BAR_PX = 110;
    private static final int PANEL_TITLE_PX = 26;
    private static final int MIN_WIDTH = 460;

    private final String title;
    private final int columns;
    private final List<Heatmap> panels;
    private final String valueTitle;

    private HeatmapGrid(String title, int columns, List<Heatmap> panels, String valueTitle) {
        this.title = title;
        this.columns = columns;
        this.panels = panels;
        this.valueTitle = valueTitle;
    }

    /** A grid of {@code panels} with {@code columns} panels per row under {@code title}. */
    public static HeatmapGrid of(String title, int columns, List<Heatmap> panels) {
        if (panels.isEmpty()) throw new IllegalArgumentException("HeatmapGrid \"" + title + "\": no panels");
        if (columns < 1) throw new IllegalArgumentException("HeatmapGrid \"" + title + "\": columns = " + columns + ", need ≥ 1");
        return new HeatmapGrid(title, Math.min(columns, panels.size()), List.copyOf(panels), null);
    }

    /** The colour bar's title; the first panel's value title by default. */
    public HeatmapGrid valueTitle(String valueTitle) {
        return new HeatmapGrid(title, columns, panels, valueTitle);
    }

    /** The shared colour range [zmin, zmax] of all panels. */
    public double[] colourRange() {
        double[] mm = minMax();
        return scale().range(mm[0], mm[1]);
    }

    /** The scale all panels are drawn on (AUTO resolved on all the data). */
    public ColourScale scale() {
        ColourScale chosen = ColourScale.AUTO;
        for (Heatmap p : panels) {
            if (p.scale == ColourScale.AUTO) continue;
            if (chosen != ColourScale.AUTO && chosen != p.scale)
                throw new IllegalArgumentException("HeatmapGrid \"" + title + "\": panels ask for both " + chosen + " and "
                        + p.scale + "; one grid has one colour scale");
            chosen = p.scale;
        }
        double[] mm = minMax();
        return chosen.resolve(mm[0], mm[1]);
    }

    private double[] minMax() {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (Heatmap p : panels)
            for (double[] row : p.z)
                for (double v : row)
                    if (Double.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
        if (min > max) min = max = 0;
        return new double[]{min, max};
    }

    @Override
    public Figure figure() {
        for (Heatmap p : panels) p.checkTitles();
        int rowsOfPanels = (panels.size() + columns - 1) / columns;
        // every panel gets the cells of the largest one; the columns of panels share the width
        int maxM = 0, maxN = 0, rowChars = 1, colChars = 1;
        for (Heatmap p : panels) {
            maxM = Math.max(maxM, p.rowCount());
            maxN = Math.max(maxN, p.columnCount());
            for (String l : p.rowLabels()) rowChars = Math.max(rowChars, l.length());
            for (String l : p.columnLabels()) colChars = Math.max(colChars, l.length());
        }
        Heatmap.CellSize size = Heatmap.cellSize(maxM, maxN * columns);
        double cellW = size.width(), cellH = size.height();
        double left = AXIS_TITLE_PX + 12 + rowChars * CHAR_PX;
        // the whole figure fits the notebook's output area: narrower cells if needed, rows stay ≥ MIN_ROW
        double available = (Plot.WIDTH - COLOUR_BAR_PX - 10.0) / columns - left - 24;
        if (maxN * cellW > available) {
            cellW = Math.max(4, available / maxN);
            if (cellH > cellW) cellH = Math.max(Math.min(cellH, Heatmap.MIN_ROW), cellW);
        }
        double plotW = maxN * cellW, plotH = maxM * cellH;
        boolean rotated = colChars * CHAR_PX > cellW - 2;
        double below = AXIS_TITLE_PX + 14 + (rotated ? colChars * CHAR_PX : 14);
        double panelTop = panels.size() > 1 ? PANEL_TITLE_PX : 6;
        double slotW = left + plotW + 24, slotH = panelTop + plotH + below + (panels.size() > columns ? 16 : 0);

        double gridW = columns * slotW;
        int width = (int) Math.ceil(Math.max(MIN_WIDTH, gridW + COLOUR_BAR_PX + 10));
        int titleLines = title == null || title.isBlank() ? 0 : Plot.titleLines(title, width, Plot.ModeBar.HIDDEN);
        int top = 24 + 24 * titleLines;
        int height = (int) Math.ceil(top + rowsOfPanels * slotH + 10);
        double areaW = width - 10 - COLOUR_BAR_PX, areaH = height - top - 10.0;   // inside the figure's margins

        double[] range = colourRange();
        ColourScale scale = scale();
        List<Map<String, Object>> traces = new ArrayList<>();
        Map<String, Object> layout = Plot.map(
                "width", width, "height", height,
                "margin", Plot.map("l", 10, "r", COLOUR_BAR_PX, "t", top, "b", 10),
                "showlegend", false);
        if (titleLines > 0) layout.put("title", Plot.title(title, width, Plot.ModeBar.HIDDEN));
        List<Object> annotations = new ArrayList<>();

        for (int k = 0; k < panels.size(); k++) {
            Heatmap p = panels.get(k);
            int r = k / columns, c = k % columns;
            double x0 = c * slotW + left, x1 = x0 + p.columnCount() * cellW;
            double y1 = areaH - (r * slotH + panelTop), y0 = y1 - p.rowCount() * cellH;
            String suffix = k == 0 ? "" : Integer.toString(k + 1);
            List<String> rowLabels = p.rowLabels(), colLabels = p.columnLabels();

            Map<String, Object> xAxis = Plot.axis(p.xTitle);
            xAxis.put("domain", List.of(x0 / areaW, Math.min(1, x1 / areaW)));
            xAxis.put("anchor", "y" + suffix);
            ticks(xAxis, colLabels, cellW);
            xAxis.put("automargin", false);
            xAxis.put("showgrid", false);
            xAxis.put("zeroline", false);
            Map<String, Object> yAxis = Plot.axis(p.yTitle);
            yAxis.put("domain", List.of(Math.max(0, y0 / areaH), y1 / areaH));
            yAxis.put("anchor", "x" + suffix);
            yAxis.put("autorange", "reversed");
            ticks(yAxis, rowLabels, cellH);
            yAxis.put("automargin", false);
            yAxis.put("showgrid", false);
            yAxis.put("zeroline", false);
            layout.put("xaxis" + suffix, xAxis);
            layout.put("yaxis" + suffix, yAxis);

            List<List<String>> hover = new ArrayList<>();
            for (String rl : rowLabels) {
                List<String> line = new ArrayList<>();
                for (String cl : colLabels) line.add(Plot.text(p.yTitle + " " + rl + ", " + p.xTitle + " " + cl));
                hover.add(line);
            }
            Map<String, Object> trace = Plot.map(
                    "type", "heatmap", "z", p.z, "x", positions(p.columnCount()), "y", positions(p.rowCount()),
                    "xaxis", "x" + suffix, "yaxis", "y" + suffix,
                    "zmin", range[0], "zmax", range[1], "colorscale", scale.colours(range[0], range[1]),
                    "text", hover, "hovertemplate", "%{text}<br>" + Plot.text(valueTitle()) + " = %{z:.3f}<extra></extra>",
                    "xgap", 0, "ygap", 0, "showscale", k == 0);
            if (scale == ColourScale.DIVERGING) trace.put("zmid", 0.0);
            if (p.cellText == CellText.VALUES) {
                trace.put("texttemplate", "%{z:.2f}");
                trace.put("textfont", Plot.map("size", Math.max(8, Math.min(12, (int) (cellW / 3.6)))));
            }
            if (k == 0) trace.put("colorbar", Plot.map(
                    "title", Plot.map("text", Plot.text(valueTitle()), "side", "right"),
                    "thickness", 16, "len", Math.min(1.0, Math.max(0.3, 260 / areaH)), "y", 1.0, "yanchor", "top", "x", 1.02));
            traces.add(trace);

            if (panels.size() > 1 && p.title != null && !p.title.isBlank())
                annotations.add(Plot.map("text", "<b>" + Plot.text(p.title) + "</b>", "xref", "paper", "yref", "paper",
                        "x", (x0 + x1) / 2 / areaW, "y", y1 / areaH, "xanchor", "center", "yanchor", "bottom",
                        "yshift", 4, "showarrow", false, "font", Plot.map("size", 14)));
        }
        if (!annotations.isEmpty()) layout.put("annotations", annotations);
        return new Plot(List.of(), traces, layout, Plot.ModeBar.HIDDEN);
    }

    private String valueTitle() {
        return valueTitle != null ? valueTitle : panels.get(0).valueTitle;
    }

    /** Tick values at 0…k−1 with the labels, every step-th when cells are too small for a label each. */
    private static void ticks(Map<String, Object> axis, List<String> labels, double cellPx) {
        int step = Math.max(1, (int) Math.ceil(12 / cellPx));
        List<Object> vals = new ArrayList<>();
        List<Object> text = new ArrayList<>();
        for (int i = 0; i < labels.size(); i += step) {
            vals.add(i);
            text.add(Heatmap.tickText(labels.get(i)));
        }
        axis.put("tickmode", "array");
        axis.put("tickvals", vals);
        axis.put("ticktext", text);
        axis.put("ticks", "");
    }

    private static double[] positions(int n) {
        double[] p = new double[n];
        for (int i = 0; i < n; i++) p[i] = i;
        return p;
    }
}
