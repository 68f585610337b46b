package jattn.viz;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;
import tech.tablesaw.plotly.components.Figure;

import java.util.ArrayList;
import java.util.List;

/**
 * A heatmap of an (m×n) matrix: one cell per entry, row 0 at the top as the matrix is
 * written, a label for every column (x) and every row (y), both axis titles, and a titled
 * colour bar.
 *
 * <pre>{@code
 * Heatmap.of(alpha)                                   // (m×n): m queries, n keys
 *        .title("Attention weights α")
 *        .columns(inputChars).xTitle("key: input character")
 *        .rows(outputChars).yTitle("query: output character")
 *        .valueTitle("α")
 * }</pre>
 *
 * <p>Every call returns a new heatmap (the settings are immutable); {@link #figure()} checks
 * them: both axis titles are required, and a non-square matrix needs exactly n column labels
 * and m row labels (d2l-java sized both by the row count). Without labels the rows and columns
 * are numbered 0, 1, …. Cells sit at integer positions and labels are tick texts, so repeated
 * labels (the two r's of "error") stay separate cells.
 *
 * <p><b>Size.</b> Cells are near square, {@value #MAX_CELL} px at most; rows are at least
 * {@value #MIN_ROW} px tall; the plot area is at most {@value #MAX_PLOT_WIDTH} px wide (columns
 * get narrower) and {@value #MAX_PLOT_HEIGHT} px tall (only a matrix of more than
 * {@value #MAX_PLOT_HEIGHT}/{@value #MIN_ROW} rows gets rows below {@value #MIN_ROW} px, and then
 * only every k-th row is labelled). See {@link #cellSize(int, int)}. Row labels longer than about
 * 12 characters make the columns narrower still, so that the figure fits {@link Plot#WIDTH}.
 *
 * <p><b>Colours.</b> {@link ColourScale#AUTO} (the default) draws values ≥ 0 on a sequential
 * scale from 0 (white) and signed values on a diverging scale centred at 0.
 */
public final class Heatmap implements Chart {

    /** The largest cell side in pixels. */
    public static final int MAX_CELL = 44;
    /** The smallest row height in pixels (below it only for more than MAX_PLOT_HEIGHT / MIN_ROW rows). */
    public static final int MIN_ROW = 20;
    /** The widest plot area (the cells) in pixels. */
    public static final int MAX_PLOT_WIDTH = 540;
    /** The tallest plot area in pixels. */
    public static final int MAX_PLOT_HEIGHT = 720;

    /** The pixel size of one cell. */
    public record CellSize(double width, double height) {}

    final double[][] z;
    final String title;
    final List<String> rows, columns;
    final String xTitle, yTitle, valueTitle;
    final ColourScale scale;
    final CellText cellText;

    private Heatmap(double[][] z, String title, List<String> rows, List<String> columns, String xTitle, String yTitle,
                    String valueTitle, ColourScale scale, CellText cellText) {
        this.z = z;
        this.title = title;
        this.rows = rows;
        this.columns = columns;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.valueTitle = valueTitle;
        this.scale = scale;
        this.cellText = cellText;
    }

    /** A heatmap of z (m×n), copied. */
    public static Heatmap of(double[][] z) {
        int n = z.length == 0 ? 0 : z[0].length;
        double[][] copy = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            if (z[i].length != n)
                throw new IllegalArgumentException("Heatmap: row " + i + " has " + z[i].length + " entries, row 0 has " + n);
            copy[i] = z[i].clone();
        }
        return new Heatmap(copy, "", null, null, null, null, "value", ColourScale.AUTO, CellText.HIDDEN);
    }

    /** A heatmap of a matrix (m×n), copied. */
    public static Heatmap of(DMatrixRMaj m) {
        return of(toArray(m));
    }

    /** A heatmap of a tensor's value (m×n). */
    public static Heatmap of(Tensor t) {
        return of(t.value());
    }

    /** The title above the figure (wrapped to its width); in a {@link HeatmapGrid}, the panel's title. */
    public Heatmap title(String title) {
        return new Heatmap(z, title, rows, columns, xTitle, yTitle, valueTitle, scale, cellText);
    }

    /** One label per row (m labels), top to bottom. */
    public Heatmap rows(List<String> labels) {
        return new Heatmap(z, title, List.copyOf(labels), columns, xTitle, yTitle, valueTitle, scale, cellText);
    }

    /** One label per column (n labels), left to right. */
    public Heatmap columns(List<String> labels) {
        return new Heatmap(z, title, rows, List.copyOf(labels), xTitle, yTitle, valueTitle, scale, cellText);
    }

    /** The title of the x axis (the columns: keys, inputs). Required. */
    public Heatmap xTitle(String xTitle) {
        return new Heatmap(z, title, rows, columns, xTitle, yTitle, valueTitle, scale, cellText);
    }

    /** The title of the y axis (the rows: queries, outputs). Required. */
    public Heatmap yTitle(String yTitle) {
        return new Heatmap(z, title, rows, columns, xTitle, yTitle, valueTitle, scale, cellText);
    }

    /** The title of the colour bar (what a colour means: "weight α", "cosine"); "value" by default. */
    public Heatmap valueTitle(String valueTitle) {
        return new Heatmap(z, title, rows, columns, xTitle, yTitle, valueTitle, scale, cellText);
    }

    /** The colour scale; {@link ColourScale#AUTO} by default. */
    public Heatmap scale(ColourScale scale) {
        return new Heatmap(z, title, rows, columns, xTitle, yTitle, valueTitle, scale, cellText);
    }

    /** Whether each cell shows its value; {@link CellText#HIDDEN} by default. */
    public Heatmap cellText(CellText cellText) {
        return new Heatmap(z, title, rows, columns, xTitle, yTitle, valueTitle, scale, cellText);
    }

    /** The number of rows m. */
    public int rowCount() { return z.length; }

    /** The number of columns n. */
    public int columnCount() { return z.length == 0 ? 0 : z[0].length; }

    /** The figure: a grid of this one panel, its title the figure's title. */
    @Override
    public Figure figure() {
        return HeatmapGrid.of(title, 1, List.of(this.title(""))).figure();
    }

    /**
     * The cell size for an (m×n) matrix: side c = min(MAX_CELL, MAX_PLOT_WIDTH / n, MAX_PLOT_HEIGHT / m);
     * height = max(c, MIN_ROW), lowered to MAX_PLOT_HEIGHT / m only when m·MIN_ROW exceeds
     * MAX_PLOT_HEIGHT; width = min(height, MAX_PLOT_WIDTH / n), so cells are square unless there
     * are too many columns.
     */
    public static CellSize cellSize(int m, int n) {
        double c = Math.min(MAX_CELL, Math.min((double) MAX_PLOT_WIDTH / Math.max(n, 1), (double) MAX_PLOT_HEIGHT / Math.max(m, 1)));
        double height = Math.max(c, MIN_ROW);
        if (m * (double) MIN_ROW > MAX_PLOT_HEIGHT) height = (double) MAX_PLOT_HEIGHT / m;
        double width = Math.min(height, (double) MAX_PLOT_WIDTH / Math.max(n, 1));
        return new CellSize(width, height);
    }

    /** The checked labels of the rows (m) and columns (n), numbers if none were given. */
    List<String> rowLabels() {
        return labels(rows, rowCount(), "row", "m");
    }

    List<String> columnLabels() {
        return labels(columns, columnCount(), "column", "n");
    }

    private List<String> labels(List<String> given, int count, String what, String symbol) {
        if (given == null) {
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < count; i++) numbers.add(Integer.toString(i));
            return numbers;
        }
        if (given.size() != count)
            throw new IllegalArgumentException("Heatmap \"" + title + "\": a (" + rowCount() + "×" + columnCount()
                    + ") matrix needs " + columnCount() + " column labels and " + rowCount() + " row labels, got "
                    + (columns == null ? "none" : columns.size()) + " and " + (rows == null ? "none" : rows.size())
                    + " (" + symbol + " = " + count + " " + what + "s)");
        return given;
    }

    void checkTitles() {
        if (xTitle == null || xTitle.isBlank() || yTitle == null || yTitle.isBlank())
            throw new IllegalStateException("Heatmap \"" + title + "\" (" + rowCount() + "×" + columnCount()
                    + "): both axis titles are required, got xTitle " + quote(xTitle) + " and yTitle " + quote(yTitle)
                    + "; say what the columns and rows are, e.g. .xTitle(\"key\").yTitle(\"query\")");
    }

    private static String quote(String s) {
        return s == null ? "none" : "\"" + s + "\"";
    }

    /**
     * A label as a tick text: plotly's entities for {@code & < >} (so {@code <pad>} stays visible)
     * and ␣ for each space of a label that is only spaces, so that a space token is seen.
     */
    static String tickText(String label) {
        return Plot.text(label.isBlank() ? label.replace(' ', '\u2423') : label);
    }

    static double[][] toArray(DMatrixRMaj m) {
        double[][] z = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) System.arraycopy(m.data, i * m.numCols, z[i], 0, m.numCols);
        return z;
    }
}
