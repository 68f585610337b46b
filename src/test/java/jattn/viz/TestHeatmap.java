package jattn.viz;

import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;

import java.util.List;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestHeatmap {

    /** A (2×3) attention matrix: 2 queries (rows), 3 keys (columns). */
    static final double[][] WEIGHTS = {{0.2, 0.3, 0.5}, {0.6, 0.4, 0.0}};

    @Test
    void nonSquareMatrixTakesOneLabelPerColumnAndPerRow() {
        Figure f = Heatmap.of("weights", WEIGHTS, List.of("k0", "k1", "k2"), List.of("q0", "q1"));
        String js = f.asJavascript("div1");
        assertTrue(js.contains("\"k2\"") && js.contains("\"q1\""), js);
        assertTrue(js.contains("reversed"), "row 0 at the top: " + js);
    }

    @Test
    void axisTitlesAreDrawnBesideTheLabels() {
        String js = Heatmap.of("weights", WEIGHTS, List.of("k0", "k1", "k2"), List.of("q0", "q1"),
                "key", "query").asJavascript("div4");
        assertTrue(js.contains("title: 'key'") && js.contains("title: 'query'"), js);
        assertTrue(js.contains("\"k2\"") && js.contains("reversed"), js);
        String untitled = Heatmap.of("weights", WEIGHTS, List.of("k0", "k1", "k2"), List.of("q0", "q1")).asJavascript("div5");
        assertTrue(!untitled.contains("title: 'key'"), untitled);
    }

    @Test
    void labelCountsThatDoNotFitAreRejectedNamingTheShape() {
        // d2l-java sized both label arrays by the row count: that must fail here
        assertRejects(() -> Heatmap.of("w", WEIGHTS, List.of("a", "b"), List.of("q0", "q1")),
                "(2×3)", "3 column labels", "got 2");
        assertRejects(() -> Heatmap.of("w", WEIGHTS, List.of("k0", "k1", "k2"), List.of("q0")), "2 row labels");
    }

    @Test
    void repeatedLabelsStaySeparateCellsAndAreEscaped() {
        // the cells are at positions 0..n-1; labels are tick texts, so "r", "r" are two columns
        Figure f = Heatmap.of("error", new double[][]{{1, 2, 3, 4, 5}}, List.of("e", "r", "r", "o", "it's"), List.of("</script>"));
        String js = f.asJavascript("div2");
        assertTrue(js.contains("tickvals: [0.0, 1.0, 2.0, 3.0, 4.0]") || js.contains("tickvals: [0.0,1.0,2.0,3.0,4.0]"), js);
        assertTrue(js.contains("ticktext: [\"e\",\"r\",\"r\",\"o\",\"it's\"]"), "labels as they are, quoted once: " + js);
        assertTrue(js.contains("ticktext: [\"＜/script>\"]"), "a label cannot close the script element: " + js);
    }

    @Test
    void tensorOverloadUsesTheTensorsValues() {
        Tensor t = Tensor.of(WEIGHTS);
        String js = Heatmap.of("t", t, "key", "query").asJavascript("div3");
        assertTrue(js.contains("0.6") && js.contains("title: 'key'") && js.contains("title: 'query'"), js);
    }
}
