package jattn.viz;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;

import java.util.List;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestHeatmap {

    /** A (2×3) attention matrix: 2 queries (rows), 3 keys (columns). */
    static final double[][] WEIGHTS = {{0.2, 0.3, 0.5}, {0.6, 0.4, 0.0}};

    static Heatmap weights() {
        return Heatmap.of(WEIGHTS).title("weights").columns(List.of("k0", "k1", "k2")).rows(List.of("q0", "q1"))
                .xTitle("key").yTitle("query").valueTitle("α");
    }

    static JsonObject layout(Figure f) {
        return JsonParser.parseString(((Plot) f).layoutJson()).getAsJsonObject();
    }

    static JsonArray traces(Figure f) {
        return JsonParser.parseString(((Plot) f).jsonTraces()).getAsJsonArray();
    }

    /** The pixel height of one row of the panel with the given axis suffix, from the layout. */
    static double rowPixels(Figure f, String suffix, int rows) {
        JsonObject l = layout(f);
        JsonObject margin = l.getAsJsonObject("margin");
        double areaH = l.get("height").getAsDouble() - margin.get("t").getAsDouble() - margin.get("b").getAsDouble();
        JsonArray domain = l.getAsJsonObject("yaxis" + suffix).getAsJsonArray("domain");
        return (domain.get(1).getAsDouble() - domain.get(0).getAsDouble()) * areaH / rows;
    }

    static double columnPixels(Figure f, String suffix, int columns) {
        JsonObject l = layout(f);
        JsonObject margin = l.getAsJsonObject("margin");
        double areaW = l.get("width").getAsDouble() - margin.get("l").getAsDouble() - margin.get("r").getAsDouble();
        JsonArray domain = l.getAsJsonObject("xaxis" + suffix).getAsJsonArray("domain");
        return (domain.get(1).getAsDouble() - domain.get(0).getAsDouble()) * areaW / columns;
    }

    @Test
    void sizingRuleGivesSquareCellsRowsOfAtLeast20PxAndACap() {
        assertEquals(new Heatmap.CellSize(44, 44), Heatmap.cellSize(2, 3), "small matrices: the largest square cells");
        Heatmap.CellSize medium = Heatmap.cellSize(24, 24);
        assertEquals((double) Heatmap.MAX_PLOT_WIDTH / 24, medium.width(), 1e-12);
        assertEquals(medium.width(), medium.height(), 1e-12, "square");
        Heatmap.CellSize wide = Heatmap.cellSize(5, 100);
        assertEquals(20, wide.height(), 1e-12, "rows stay 20 px tall");
        assertEquals(Heatmap.MAX_PLOT_WIDTH / 100.0, wide.width(), 1e-12, "columns get narrower to fit the width cap");
        Heatmap.CellSize tall = Heatmap.cellSize(100, 10);
        assertEquals(7.2, tall.height(), 1e-12, "only a matrix of more than 36 rows gets rows below 20 px");
        for (int m = 1; m <= Heatmap.MAX_PLOT_HEIGHT / Heatmap.MIN_ROW; m++)
            for (int n : new int[]{1, 8, 64, 200})
                assertTrue(Heatmap.cellSize(m, n).height() >= Heatmap.MIN_ROW, m + "×" + n);
    }

    @Test
    void theFigureHasTheSizeOfTheRule() {
        for (int[] shape : new int[][]{{2, 3}, {5, 10}, {16, 16}, {30, 8}, {8, 50}}) {
            Figure f = Heatmap.of(new double[shape[0]][shape[1]]).xTitle("x").yTitle("y").figure();
            Heatmap.CellSize s = Heatmap.cellSize(shape[0], shape[1]);
            assertEquals(s.height(), rowPixels(f, "", shape[0]), 1e-3, "row height of " + shape[0] + "×" + shape[1]);
            assertEquals(s.width(), columnPixels(f, "", shape[1]), 1e-3, "column width of " + shape[0] + "×" + shape[1]);
            assertTrue(rowPixels(f, "", shape[0]) >= 20);
        }
    }

    @Test
    void weightsAreDrawnOnASequentialScaleFromZero() {
        JsonObject t = traces(weights().figure()).get(0).getAsJsonObject();
        assertEquals(0.0, t.get("zmin").getAsDouble());
        assertEquals(0.6, t.get("zmax").getAsDouble(), 1e-12);
        assertEquals("#ffffff", t.getAsJsonArray("colorscale").get(0).getAsJsonArray().get(1).getAsString(), "0 is white");
        assertFalse(t.has("zmid"));
        assertEquals("α", t.getAsJsonObject("colorbar").getAsJsonObject("title").get("text").getAsString(), "a titled colour bar");
    }

    @Test
    void signedValuesAreDrawnOnADivergingScaleCentredAtZero() {
        JsonObject t = traces(Heatmap.of(new double[][]{{-0.5, 2.0}}).xTitle("unit").yTitle("step").figure()).get(0).getAsJsonObject();
        assertEquals(-2.0, t.get("zmin").getAsDouble(), 1e-12);
        assertEquals(2.0, t.get("zmax").getAsDouble(), 1e-12);
        assertEquals(0.0, t.get("zmid").getAsDouble());
        assertEquals(ColourScale.SEQUENTIAL, ColourScale.AUTO.resolve(0, 1));
        assertEquals(ColourScale.DIVERGING, ColourScale.AUTO.resolve(-1e-9, 1));
        // an explicit scale wins over the data
        JsonObject forced = traces(weights().scale(ColourScale.DIVERGING).figure()).get(0).getAsJsonObject();
        assertEquals(-0.6, forced.get("zmin").getAsDouble(), 1e-12);
    }

    @Test
    void axisTitlesAreRequiredAndDrawn() {
        JsonObject l = layout(weights().figure());
        assertEquals("key", l.getAsJsonObject("xaxis").getAsJsonObject("title").get("text").getAsString());
        assertEquals("query", l.getAsJsonObject("yaxis").getAsJsonObject("title").get("text").getAsString());
        assertEquals("reversed", l.getAsJsonObject("yaxis").get("autorange").getAsString(), "row 0 at the top");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Heatmap.of(WEIGHTS).xTitle("key").figure());
        assertTrue(e.getMessage().contains("both axis titles are required") && e.getMessage().contains("yTitle none"), e.getMessage());
    }

    @Test
    void nonSquareMatrixTakesOneLabelPerColumnAndPerRow() {
        JsonObject l = layout(weights().figure());
        assertEquals("[\"k0\",\"k1\",\"k2\"]", l.getAsJsonObject("xaxis").get("ticktext").toString());
        assertEquals("[\"q0\",\"q1\"]", l.getAsJsonObject("yaxis").get("ticktext").toString());
        assertEquals("[0,1,2]", l.getAsJsonObject("xaxis").get("tickvals").toString());
        // d2l-java sized both label arrays by the row count: that must fail here
        assertRejects(() -> Heatmap.of(WEIGHTS).columns(List.of("a", "b")).rows(List.of("q0", "q1")).xTitle("k").yTitle("q").figure(),
                "(2×3)", "3 column labels", "got 2");
        assertRejects(() -> Heatmap.of(WEIGHTS).columns(List.of("k0", "k1", "k2")).rows(List.of("q0")).xTitle("k").yTitle("q").figure(),
                "2 row labels");
        assertRejects(() -> Heatmap.of(new double[][]{{1, 2}, {3}}), "row 1 has 1 entries");
    }

    @Test
    void repeatedLabelsStaySeparateCellsAndAreEscaped() {
        Figure f = Heatmap.of(new double[][]{{1, 2, 3, 4, 5}}).columns(List.of("e", "r", "r", " ", "<pad>"))
                .rows(List.of("</script>")).xTitle("character").yTitle("word").figure();
        JsonObject l = layout(f);
        assertEquals("[\"e\",\"r\",\"r\",\"␣\",\"&lt;pad&gt;\"]", l.getAsJsonObject("xaxis").get("ticktext").toString());
        String js = f.asJavascript("div2");
        assertFalse(js.contains("</script>\"") || js.substring(0, js.length() - "</script>".length()).contains("</"),
                "nothing in the script can close the script element: " + js);
    }

    @Test
    void longTitlesWrapToTheFigureWidth() {
        String title = "Attention weights α for 'saturday, march 4, 1972' of the date model with attention, every output character";
        JsonObject l = layout(weights().title(title).figure());
        String text = l.getAsJsonObject("title").get("text").getAsString();
        assertTrue(text.contains("<br>"), text);
        int width = l.get("width").getAsInt();
        for (String line : text.split("<br>"))
            assertTrue(line.length() * Plot.TITLE_CHAR_PX <= width, "line of " + line.length() + " characters in " + width + " px: " + line);
    }

    @Test
    void gridPanelsShareOneScaleAndOneColourBar() {
        double[][] half = {{0.5, 0.0}, {0.25, 0.25}}, full = {{1.0, 0.0}, {0.0, 1.0}};
        HeatmapGrid grid = HeatmapGrid.of("two heads", 2, List.of(
                Heatmap.of(half).title("head 1").xTitle("key").yTitle("query"),
                Heatmap.of(full).title("head 2").xTitle("key").yTitle("query"))).valueTitle("α");
        Figure f = grid.figure();
        JsonArray t = traces(f);
        assertEquals(2, t.size());
        for (int k = 0; k < 2; k++) {
            assertEquals(0.0, t.get(k).getAsJsonObject().get("zmin").getAsDouble());
            assertEquals(1.0, t.get(k).getAsJsonObject().get("zmax").getAsDouble(), "panel " + k + " on the shared range");
        }
        assertTrue(t.get(0).getAsJsonObject().get("showscale").getAsBoolean());
        assertFalse(t.get(1).getAsJsonObject().get("showscale").getAsBoolean(), "one colour bar");
        assertEquals("x2", t.get(1).getAsJsonObject().get("xaxis").getAsString());
        JsonObject l = layout(f);
        String annotations = l.getAsJsonArray("annotations").toString();
        assertTrue(annotations.contains("head 1") && annotations.contains("head 2"), "subplot titles: " + annotations);
        assertEquals("key", l.getAsJsonObject("xaxis2").getAsJsonObject("title").get("text").getAsString());
        // the panels do not overlap
        double right1 = l.getAsJsonObject("xaxis").getAsJsonArray("domain").get(1).getAsDouble();
        double left2 = l.getAsJsonObject("xaxis2").getAsJsonArray("domain").get(0).getAsDouble();
        assertTrue(right1 < left2, right1 + " vs " + left2);
        assertTrue(rowPixels(f, "2", 2) >= 20);
        assertRejects(() -> HeatmapGrid.of("mixed", 2, List.of(Heatmap.of(half).scale(ColourScale.SEQUENTIAL).xTitle("k").yTitle("q"),
                Heatmap.of(full).scale(ColourScale.DIVERGING).xTitle("k").yTitle("q"))).figure(), "one colour scale");
    }

    @Test
    void everyFigureFitsTheNotebooksOutputArea() {
        List<String> words = List.of("china", "america", "thailand", "great", "excellent", "country", "is", "a");
        double[][] cos = new double[8][8];
        Figure grid = HeatmapGrid.of("one-hot against skip-gram", 2, List.of(
                Heatmap.of(cos).title("one-hot").columns(words).rows(words).xTitle("word").yTitle("word"),
                Heatmap.of(cos).title("skip-gram").columns(words).rows(words).xTitle("word").yTitle("word"))).figure();
        assertTrue(layout(grid).get("width").getAsInt() <= Plot.WIDTH, "grid width " + layout(grid).get("width"));
        double right2 = layout(grid).getAsJsonObject("xaxis2").getAsJsonArray("domain").get(1).getAsDouble();
        assertTrue(right2 <= 1.0, "the second panel ends inside the plot area, left of the colour bar: " + right2);
        assertTrue(rowPixels(grid, "2", 8) >= 20);
        Figure wide = Heatmap.of(new double[8][64]).rows(words).xTitle("dimension").yTitle("position").figure();
        assertTrue(layout(wide).get("width").getAsInt() <= Plot.WIDTH, "single width " + layout(wide).get("width"));
    }
}
