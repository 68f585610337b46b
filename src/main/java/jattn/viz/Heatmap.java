package jattn.viz;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.TickSettings;
import tech.tablesaw.plotly.traces.HeatmapTrace;

import java.util.List;

/**
 * A heatmap of a matrix with a label for every column (x) and every row (y), for attention
 * weights (queries as rows, keys as columns) and positional-encoding tables.
 *
 * <p>Cells sit at integer positions and the labels are tick texts, so repeated labels (the
 * two r's of "error", the padding token) stay separate cells, and a non-square (m×n) matrix
 * needs exactly n column labels and m row labels (d2l-java sized both by the row count).
 * Row 0 is drawn at the top, as the matrix is written.
 */
public final class Heatmap {

    private Heatmap() {}

    /** A heatmap of z (m×n) with n column labels and m row labels. */
    public static Figure of(String title, double[][] z, List<String> columnLabels, List<String> rowLabels) {
        return of(title, z, columnLabels, rowLabels, null, null);
    }

    /**
     * A heatmap of z (m×n) with n column labels, m row labels and axis titles, e.g.
     * {@code "key (input character)"} and {@code "query (output position)"}; null leaves an axis untitled.
     */
    public static Figure of(String title, double[][] z, List<String> columnLabels, List<String> rowLabels,
                            String xTitle, String yTitle) {
        int m = z.length, n = m == 0 ? 0 : z[0].length;
        if (columnLabels.size() != n || rowLabels.size() != m)
            throw new IllegalArgumentException("Heatmap \"" + title + "\": a (" + m + "×" + n + ") matrix needs " + n
                    + " column labels and " + m + " row labels, got " + columnLabels.size() + " and " + rowLabels.size());
        for (double[] row : z)
            if (row.length != n) throw new IllegalArgumentException("Heatmap \"" + title + "\": rows of different lengths");
        Double[] x = positions(n), y = positions(m);
        HeatmapTrace trace = HeatmapTrace.builder(x, y, z).build();
        Layout layout = Layout.builder()
                .title(title)
                .height(Math.max(260, Math.min(640, 40 + 28 * m)))
                .width(Math.max(360, Math.min(900, 160 + 28 * n)))
                .xAxis(axis(columnLabels, false, xTitle))
                .yAxis(axis(rowLabels, true, yTitle))
                .build();
        return new Figure(layout, trace);
    }

    /** A heatmap of a tensor's value. */
    public static Figure of(String title, Tensor t, List<String> columnLabels, List<String> rowLabels) {
        return of(title, toArray(t.value()), columnLabels, rowLabels);
    }

    /** A heatmap of a tensor's value, with labels and axis titles. */
    public static Figure of(String title, Tensor t, List<String> columnLabels, List<String> rowLabels,
                            String xTitle, String yTitle) {
        return of(title, toArray(t.value()), columnLabels, rowLabels, xTitle, yTitle);
    }

    /** A heatmap labelled 0, 1, 2, … on both axes, with axis titles. */
    public static Figure of(String title, Tensor t, String xTitle, String yTitle) {
        double[][] z = toArray(t.value());
        HeatmapTrace trace = HeatmapTrace.builder(positions(t.cols()), positions(t.rows()), z).build();
        Layout layout = Layout.builder().title(title)
                .xAxis(Axis.builder().title(xTitle).build())
                .yAxis(Axis.builder().title(yTitle).autoRange(Axis.AutoRange.REVERSED).build())
                .build();
        return new Figure(layout, trace);
    }

    private static Axis axis(List<String> labels, boolean reversed, String title) {
        double[] vals = new double[labels.size()];
        for (int i = 0; i < vals.length; i++) vals[i] = i;
        String[] text = labels.stream().map(Heatmap::tickText).toArray(String[]::new);
        Axis.AxisBuilder b = Axis.builder()
                .tickSettings(TickSettings.builder().tickMode(TickSettings.TickMode.ARRAY).arrayTicks(vals, text).build());
        if (reversed) b.autoRange(Axis.AutoRange.REVERSED);
        if (title != null) b.title(title);
        return b.build();
    }

    /**
     * A label as a tick text. Tablesaw JSON-encodes tick texts itself; what it leaves is
     * {@code <}, which could close the page's script element ({@code </script>}): it becomes
     * the look-alike ＜. A space becomes ␣ so that a space token stays visible.
     */
    static String tickText(String label) {
        return label.replace('<', '\uFF1C').replace(' ', '\u2423');
    }

    private static Double[] positions(int n) {
        Double[] p = new Double[n];
        for (int i = 0; i < n; i++) p[i] = (double) i;
        return p;
    }

    static double[][] toArray(DMatrixRMaj m) {
        double[][] z = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) System.arraycopy(m.data, i * m.numCols, z[i], 0, m.numCols);
        return z;
    }
}
