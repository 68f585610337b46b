package jattn.embedding;

import jattn.autograd.Tensor;
import jattn.text.Vocabulary;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestWordMap {

    static final double TOL = 1e-10;
    static final Vocabulary VOCAB = Vocabulary.of(List.of("a", "b", "c", "d", "e", "f"));   // rows 2…7

    static Map<String, List<String>> groups() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put("first", List.of("a", "b", "c"));
        g.put("second", List.of("d", "e"));
        return g;
    }

    static WordVectors randomVectors(long seed) {
        return new WordVectors(VOCAB, random(VOCAB.size(), 4, new Random(seed)));
    }

    @Test
    void positionsAreThePcaOfTheUnitVectors() {
        WordVectors v = randomVectors(1);
        WordMap map = WordMap.of(v, groups());
        List<String> words = List.of("a", "b", "c", "d", "e");
        DMatrixRMaj unit = new DMatrixRMaj(5, 4);
        for (int i = 0; i < 5; i++) {
            DMatrixRMaj row = v.vector(words.get(i)).value();
            double norm = Math.sqrt(row.data[0] * row.data[0] + row.data[1] * row.data[1] + row.data[2] * row.data[2] + row.data[3] * row.data[3]);
            for (int j = 0; j < 4; j++) unit.set(i, j, row.data[j] / norm);
        }
        DMatrixRMaj expected = Pca.fit(unit, 2).transform(unit);
        for (int i = 0; i < 5; i++)
            assertArrayEquals(new double[]{expected.get(i, 0), expected.get(i, 1)}, map.position(words.get(i)), TOL);
        assertArrayEquals(Pca.fit(unit, 2).explainedVarianceRatio(), map.pca().explainedVarianceRatio(), TOL);
    }

    @Test
    void lengthsDoNotMatterOnlyDirections() {
        WordVectors v = randomVectors(2);
        DMatrixRMaj scaled = v.table().value().copy();
        for (int j = 0; j < 4; j++) scaled.set(VOCAB.indexOf("c"), j, 7.5 * scaled.get(VOCAB.indexOf("c"), j));
        WordMap a = WordMap.of(v, groups()), b = WordMap.of(new WordVectors(VOCAB, Tensor.constant(scaled)), groups());
        for (String w : List.of("a", "b", "c", "d", "e")) assertArrayEquals(a.position(w), b.position(w), TOL);
    }

    @Test
    void figureHasOneLabelledTracePerGroupAndTitledAxes() {
        WordMap map = WordMap.of(randomVectors(3), groups());
        Figure f = map.figure("a map");
        assertEquals(2, f.getTraces().length);
        String js = f.asJavascript("div");
        assertTrue(js.contains("name: 'first'") && js.contains("name: 'second'"), js);
        assertTrue(js.contains("a map"));
        double[] ratio = map.pca().explainedVarianceRatio();
        assertTrue(js.contains(String.format(java.util.Locale.ROOT, "PC1 (%.1f%% of the variance)", 100 * ratio[0])), js);
        assertTrue(js.contains(String.format(java.util.Locale.ROOT, "PC2 (%.1f%% of the variance)", 100 * ratio[1])), js);
        assertTrue(js.contains("\"e\""), "words are the point labels: " + js);
    }

    @Test
    void onlyTheWordsOfTheLessonAreLabelledAndTheirLabelsDoNotOverlap() {
        WordMap map = WordMap.of(randomVectors(5), groups());
        Figure f = map.figure("a map", List.of("a", "b", "d"));
        String layout = ((jattn.viz.Plot) f).layoutJson();
        for (String w : List.of("a", "b", "d")) assertTrue(layout.contains("\"text\":\"" + w + "\""), w + " is labelled: " + layout);
        for (String w : List.of("c", "e")) assertFalse(layout.contains("\"text\":\"" + w + "\""), w + " is a dot: " + layout);
        assertTrue(f.asJavascript("d").contains("\"c\""), "every word shows on hover");
        assertTrue(f.asJavascript("d").contains("name: 'first'"), "the legend names the groups");
        // two words at the same place: their label boxes must not overlap
        var placed = map.labelOffsets(List.of("a", "b", "c", "d", "e"), new double[]{-2, 2}, new double[]{-2, 2});
        assertEquals(5, placed.size());
        assertRejects(() -> map.figure("t", List.of("zebra")), "\"zebra\"");
    }

    @Test
    void unknownWordsAreRejected() {
        Map<String, List<String>> g = Map.of("x", List.of("a", "zebra"));
        assertRejects(() -> WordMap.of(randomVectors(4), g), "\"zebra\"");
        assertRejects(() -> WordMap.of(randomVectors(4), groups()).position("f"), "\"f\"");
    }
}
