package jattn.viz;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jattn.train.History;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestLines {

    static final double[] X = {1, 2, 3}, Y = {3, 2, 1};

    @Test
    void everyLineHasItsOwnColourDashAndLegendName() {
        Lines chart = Lines.of("eight runs").xTitle("update").yTitle("loss");
        for (int i = 0; i < 8; i++) chart = chart.add("run " + i, X, Y);
        String js = chart.figure().asJavascript("d");
        Set<String> colours = new HashSet<>(), dashes = new HashSet<>(), pairs = new HashSet<>();
        Matcher m = Pattern.compile("\"color\" : \"(#[0-9a-f]+)\",\\s*\"dash\" : \"(\\w+)\"").matcher(js);
        while (m.find()) {
            colours.add(m.group(1));
            dashes.add(m.group(2));
            pairs.add(m.group(1) + m.group(2));
        }
        assertEquals(8, colours.size(), "eight colours: " + js);
        assertEquals(6, dashes.size(), "all six dash styles are used");
        for (int i = 0; i < 8; i++) assertTrue(js.contains("name: 'run " + i + "'"), "legend names run " + i);
        JsonObject layout = JsonParser.parseString(((Plot) chart.figure()).layoutJson()).getAsJsonObject();
        assertTrue(layout.get("showlegend").getAsBoolean());
        assertEquals(Plot.WIDTH, layout.get("width").getAsInt());
        assertEquals("update", layout.getAsJsonObject("xaxis").getAsJsonObject("title").get("text").getAsString());
    }

    @Test
    void logAxesRangesAndWrappedTitles() {
        String title = "Gradient reaching step t from a loss on the last state, T = 100, geometric mean of 80 runs, three cells";
        Figure f = Lines.of(title).xTitle("steps back").yTitle("norm").yAxis(AxisType.LOG).add("a", X, Y).figure();
        JsonObject layout = JsonParser.parseString(((Plot) f).layoutJson()).getAsJsonObject();
        assertEquals("log", layout.getAsJsonObject("yaxis").get("type").getAsString());
        assertTrue(layout.getAsJsonObject("title").get("text").getAsString().contains("<br>"));
        Figure acc = Lines.byLength("copy").add("H = 32", X, new double[]{1, 0.5, 0}).figure();
        JsonObject accLayout = JsonParser.parseString(((Plot) acc).layoutJson()).getAsJsonObject();
        assertEquals("[0,1.05]", accLayout.getAsJsonObject("yaxis").get("range").toString());
        assertTrue(acc.asJavascript("e").contains("lines+markers"));
    }

    @Test
    void seriesHelpers() {
        Series s = Series.smoothed("loss", new double[]{1, 3, 5, 7, 9}, 2);
        assertArrayEquals(new double[]{2, 4}, s.x());
        assertArrayEquals(new double[]{2, 6}, s.y());
        assertArrayEquals(new double[]{1, 2, 3}, Series.perStep("p", Y).x());
        Series loss = Series.loss("run", new History(new double[]{4, 2, 2, 0}, new double[]{2}, 1.0), 2);
        assertArrayEquals(new double[]{3, 1}, loss.y());
        assertRejects(() -> Series.of("bad", X, new double[]{1}), "3 x values but 1 y values");
        assertRejects(() -> Series.of(" ", X, Y), "name");
    }

    @Test
    void missingAxisTitlesOrLinesAreErrors() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Lines.of("t").xTitle("x").add("a", X, Y).figure());
        assertTrue(e.getMessage().contains("axis titles are required"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Lines.of("t").xTitle("x").yTitle("y").figure());
    }

    @Test
    void barsHaveTitledAxes() {
        Figure f = Bars.of("counts").xTitle("word").yTitle("count").bars(java.util.List.of("<unk>", "the"), new double[]{1, 2}).figure();
        JsonObject layout = JsonParser.parseString(((Plot) f).layoutJson()).getAsJsonObject();
        assertEquals("count", layout.getAsJsonObject("yaxis").getAsJsonObject("title").get("text").getAsString());
        assertRejects(() -> Bars.of("c").bars(java.util.List.of("a"), new double[]{1, 2}), "1 categories but 2 values");
    }
}
