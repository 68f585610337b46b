package jattn.viz;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.LinePlot;
import tech.tablesaw.plotly.components.Figure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestDisplay {

    final List<String[]> shown = new ArrayList<>();

    @AfterEach
    void restore() {
        Display.setSink(null);
    }

    static Figure figure() {
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2, 3), DoubleColumn.create("y", 1, 4, 9));
        return LinePlot.create("squares", t, "x", "y");
    }

    @Test
    void textKeepsItsNewlinesAsPlainText() {
        Display.setSink((mime, content) -> shown.add(new String[]{mime, content}));
        Display.text("row 1\nrow 2");
        assertEquals("text/plain", shown.get(0)[0]);
        assertEquals("row 1\nrow 2", shown.get(0)[1]);
    }

    @Test
    void onlyTheFirstFigureOfASessionCarriesPlotlyJs() {
        Display.setSink((mime, content) -> shown.add(new String[]{mime, content}));
        Display.resendPlotlyJs();
        Display.figure(figure());
        Display.figure(figure());
        assertEquals(2, shown.size());
        assertEquals("text/html", shown.get(0)[0]);
        assertTrue(shown.get(0)[1].contains("window.__jattnPlotly = new Response"), "the first figure carries the library");
        assertFalse(shown.get(1)[1].contains("atob("), "the second figure does not carry it again");
        assertTrue(shown.get(1)[1].contains("window.__jattnPlotly.then(draw)"), "the second figure waits for the library");
        // Tablesaw names a JavaScript variable after the div id: it must be a valid identifier
        String id = shown.get(1)[1].replaceAll("(?s).*<div id=\"([^\"]+)\".*", "$1");
        assertTrue(id.matches("[A-Za-z_][A-Za-z0-9_]*"), id);
    }

    @Test
    void tablesAreEscapedAndCut() {
        Display.setSink((mime, content) -> shown.add(new String[]{mime, content}));
        StringColumn words = StringColumn.create("word");
        for (int i = 0; i < 25; i++) words.append(i == 0 ? "<b>&" : "w" + i);
        Display.table(Table.create("words", words));
        String html = shown.get(0)[1];
        assertTrue(html.contains("&lt;b&gt;&amp;"), html);
        assertTrue(html.contains("… 5 more rows"), html);
        assertTrue(html.contains("words (25 rows × 1 columns)"), html);
    }

    @Test
    void thePinnedPlotlyJsIsInTheJar() throws IOException {
        byte[] gz = PlotlyJs.gzippedSource();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            String head = new String(in.readNBytes(200), StandardCharsets.UTF_8);
            assertTrue(head.contains("plotly.js v" + PlotlyJs.VERSION), head);
        }
    }
}
