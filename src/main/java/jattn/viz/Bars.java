package jattn.viz;

import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.Trace;

import java.util.List;
import java.util.Map;

/**
 * A bar chart of one value per category, titled axes, a wrapped title.
 *
 * <pre>{@code Bars.of("Word counts").xTitle("word").yTitle("count").bars(words, counts)}</pre>
 */
public final class Bars implements Chart {

    private final String title, xTitle, yTitle;
    private final List<String> categories;
    private final double[] values;

    private Bars(String title, String xTitle, String yTitle, List<String> categories, double[] values) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.categories = categories;
        this.values = values;
    }

    public static Bars of(String title) { return new Bars(title, null, null, List.of(), new double[0]); }
    public Bars xTitle(String xTitle) { return new Bars(title, xTitle, yTitle, categories, values); }
    public Bars yTitle(String yTitle) { return new Bars(title, xTitle, yTitle, categories, values); }

    /** The bars: one value per category, in order. */
    public Bars bars(List<String> categories, double[] values) {
        if (categories.size() != values.length)
            throw new IllegalArgumentException("Bars \"" + title + "\": " + categories.size() + " categories but " + values.length + " values");
        return new Bars(title, xTitle, yTitle, List.copyOf(categories), values.clone());
    }

    @Override
    public Figure figure() {
        if (xTitle == null || yTitle == null)
            throw new IllegalStateException("Bars \"" + title + "\": both axis titles are required");
        Object[] x = categories.stream().map(Plot::text).toArray();
        Trace bars = BarTrace.builder(x, values).name(yTitle).marker(Marker.builder().color(Lines.COLOURS[0]).build()).build();
        int width = Plot.WIDTH, titleLines = Plot.titleLines(title, width);
        Map<String, Object> layout = Plot.map("title", Plot.title(title, width), "width", width, "height", 440 + 24 * (titleLines - 1),
                "margin", Plot.map("t", 30 + 24 * titleLines, "l", 70, "r", 20, "b", 80),
                "xaxis", Plot.axis(xTitle), "yaxis", Plot.axis(yTitle), "showlegend", false);
        return new Plot(List.of(bars), List.of(), layout);
    }
}
