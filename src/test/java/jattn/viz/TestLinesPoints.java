package jattn.viz;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

/** {@link Lines#addPoints}: a series drawn as markers alone, beside ordinary lines. */
class TestLinesPoints {

    static final double[] X = {1, 2, 3}, Y = {3, 2, 1};

    @Test
    void pointsAreMarkersWithoutALineAndLinesStayLines() {
        String js = Lines.of("data and fit").xTitle("x").yTitle("y")
                .addPoints("training data", X, Y).add("fit", X, X).figure().asJavascript("d");
        Matcher m = Pattern.compile("mode: '([a-z+]+)'").matcher(js);
        assertTrue(m.find(), js);
        assertEquals("markers", m.group(1), "the first series is points only");
        assertTrue(m.find());
        assertEquals("lines", m.group(1), "the second is a line");
        assertTrue(js.contains("name: 'training data'") && js.contains("name: 'fit'"), "both are in the legend");
    }

    @Test
    void aSeriesIsALineUnlessMadeAsPoints() {
        assertEquals(Series.Drawn.AS_LINE, Series.of("a", X, Y).drawn());
        assertEquals(Series.Drawn.AS_LINE, new Series("a", X, Y).drawn());
        assertEquals(Series.Drawn.AS_POINTS, Series.points("a", X, Y).drawn());
        assertRejects(() -> new Series("a", X, Y, null), "Drawn.AS_LINE");
    }
}
