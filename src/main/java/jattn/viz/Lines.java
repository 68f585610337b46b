package jattn.viz;

import jattn.train.History;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A line chart: named {@link Series}, each drawn with its own colour <em>and</em> its own dash
 * style (so lines stay apart in grey print and for colour-blind readers), a legend naming every
 * line, titled axes, and a title wrapped to the figure's width ({@value Plot#WIDTH} px).
 *
 * <pre>{@code
 * Lines.of("Training loss").xTitle("update").yTitle("cross-entropy")
 *      .add(Series.loss("GRU, seed 1", history, 20))
 *      .add("plain RNN", steps, losses)
 * Lines.of("Gradient norm").xTitle("steps back").yTitle("‖∂L/∂h_t‖").yAxis(AxisType.LOG).add(...)
 * Lines.byLength("Exact match by input length").add("with attention", accuracyByLength)
 * }</pre>
 *
 * <p>Traces are Tablesaw's {@code ScatterTrace}s; every call returns a new chart.
 */
public final class Lines implements Chart {

    /** Tableau 10: ten distinct colours. */
    static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
            "#7f7f7f", "#bcbd22", "#17becf"};
    /** Six dash styles, in an order where neighbours differ most. */
    static final Line.Dash[] DASHES = {Line.Dash.SOLID, Line.Dash.DASH, Line.Dash.DOT, Line.Dash.DASH_DOT,
            Line.Dash.LONG_DASH, Line.Dash.LONG_DASH_DOT};

    private final String title, xTitle, yTitle;
    private final List<Series> series;
    private final AxisType xType, yType;
    private final double[] yRange;
    private final Markers markers;
    private final int height;

    private Lines(String title, String xTitle, String yTitle, List<Series> series, AxisType xType, AxisType yType,
                  double[] yRange, Markers markers, int height) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.series = series;
        this.xType = xType;
        this.yType = yType;
        this.yRange = yRange;
        this.markers = markers;
        this.height = height;
    }

    /** An empty chart with a title; add lines and both axis titles. */
    public static Lines of(String title) {
        return new Lines(title, null, null, List.of(), AxisType.LINEAR, AxisType.LINEAR, null, Markers.HIDDEN, 480);
    }

    /** A chart of exact match (0…1) against input length, with markers: add one {@link Series} per model, e.g. {@code AccuracyByLength.series(name)}. */
    public static Lines byLength(String title) {
        return of(title).xTitle("input length").yTitle("exact match").yRange(0, 1.05).markers(Markers.SHOWN);
    }

    /** A chart of training losses against the update: add {@link #add(String, History, int)}. */
    public static Lines training(String title) {
        return of(title).xTitle("update").yTitle("training loss");
    }

    public Lines xTitle(String xTitle) { return new Lines(title, xTitle, yTitle, series, xType, yType, yRange, markers, height); }
    public Lines yTitle(String yTitle) { return new Lines(title, xTitle, yTitle, series, xType, yType, yRange, markers, height); }
    public Lines xAxis(AxisType type) { return new Lines(title, xTitle, yTitle, series, type, yType, yRange, markers, height); }
    public Lines yAxis(AxisType type) { return new Lines(title, xTitle, yTitle, series, xType, type, yRange, markers, height); }
    public Lines markers(Markers markers) { return new Lines(title, xTitle, yTitle, series, xType, yType, yRange, markers, height); }
    /** The figure height in pixels (480 by default). */
    public Lines height(int height) { return new Lines(title, xTitle, yTitle, series, xType, yType, yRange, markers, height); }

    /** A fixed y range (e.g. 0 … 1.05 for accuracies). */
    public Lines yRange(double from, double to) {
        return new Lines(title, xTitle, yTitle, series, xType, yType, new double[]{from, to}, markers, height);
    }

    /** One more line. */
    public Lines add(Series s) {
        List<Series> more = new ArrayList<>(series);
        more.add(s);
        return new Lines(title, xTitle, yTitle, List.copyOf(more), xType, yType, yRange, markers, height);
    }

    /** One more line, y against x. */
    public Lines add(String name, double[] x, double[] y) {
        return add(Series.of(name, x, y));
    }

    /** One more series drawn as points alone (markers, no line), y against x: data of a scatter plot. */
    public Lines addPoints(String name, double[] x, double[] y) {
        return add(Series.points(name, x, y));
    }

    /** One more line: a run's training loss, mean of every {@code window} updates. */
    public Lines add(String name, History history, int window) {
        return add(Series.loss(name, history, window));
    }

    /** The lines so far. */
    public List<Series> series() { return series; }

    @Override
    public Figure figure() {
        if (xTitle == null || xTitle.isBlank() || yTitle == null || yTitle.isBlank())
            throw new IllegalStateException("Lines \"" + title + "\": both axis titles are required, got xTitle "
                    + xTitle + " and yTitle " + yTitle);
        if (series.isEmpty()) throw new IllegalStateException("Lines \"" + title + "\": no line was added");
        List<Trace> traces = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String colour = COLOURS[i % COLOURS.length];
            boolean pointsOnly = s.drawn() == Series.Drawn.AS_POINTS;
            ScatterTrace.ScatterBuilder b = ScatterTrace.builder(s.x(), s.y())
                    .mode(pointsOnly ? ScatterTrace.Mode.MARKERS
                            : markers == Markers.SHOWN ? ScatterTrace.Mode.LINE_AND_MARKERS : ScatterTrace.Mode.LINE)
                    .line(Line.builder().color(colour).dash(DASHES[i % DASHES.length]).width(2.5).build())
                    .name(s.name());
            if (markers == Markers.SHOWN || pointsOnly) b.marker(Marker.builder().color(colour).size(7).build());
            traces.add(b.build());
        }
        int width = Plot.WIDTH;
        int titleLines = Plot.titleLines(title, width);
        Map<String, Object> xAxis = Plot.axis(xTitle), yAxis = Plot.axis(yTitle);
        if (xType == AxisType.LOG) { xAxis.put("type", "log"); xAxis.put("exponentformat", "power"); }
        if (yType == AxisType.LOG) { yAxis.put("type", "log"); yAxis.put("exponentformat", "power"); }
        if (yRange != null) yAxis.put("range", List.of(yRange[0], yRange[1]));
        Map<String, Object> layout = Plot.map(
                "title", Plot.title(title, width), "width", width, "height", height + 24 * (titleLines - 1),
                "margin", Plot.map("t", 30 + 24 * titleLines, "l", 70, "r", 20, "b", 60),
                "showlegend", true, "legend", Plot.map("bgcolor", "rgba(255,255,255,0.8)"),
                "xaxis", xAxis, "yaxis", yAxis);
        return new Plot(traces, List.of(), layout);
    }
}
