package jattn.notebooks;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What each lesson claims to demonstrate, checked on its executed copy by {@link NotebookIT}:
 * if a lesson stops teaching what it says (a number it prints, a figure it shows), CI fails.
 * Keyed by notebook file name; one entry per lesson, in its own method.
 */
final class LessonClaims {

    private LessonClaims() {}

    static final Map<String, Consumer<ExecutedNotebook>> BY_NOTEBOOK = Map.of(
            "00_tour_of_the_tools.ipynb", LessonClaims::lesson00,
            "02_word_embeddings.ipynb", LessonClaims::lesson02);

    static void check(String notebookName, ExecutedNotebook executed) {
        Consumer<ExecutedNotebook> claims = BY_NOTEBOOK.get(notebookName);
        if (claims != null) claims.accept(executed);
    }

    /** 00: the gradient from backward() equals the hand derivation; softmax is shift-invariant; two figures. */
    static void lesson00(ExecutedNotebook nb) {
        assertEquals("true", nb.find("by hand equals backward\\(\\): (\\w+)"));
        assertEquals("true", nb.find("shifting every score by 10 changes nothing: (\\w+)"));
        assertTrue(nb.number("τ = 0.1: weight of position 2 = ([0-9.]+)") > 0.9999);
        assertEquals(2, nb.figures(), "lesson 00 shows a bar chart and a line chart");
        List<String> html = nb.html();
        assertTrue(html.stream().anyMatch(h -> h.contains("<table class=\"jattn-table\">")), "lesson 00 shows a table");
    }

    /**
     * 02: lookup = one-hot × E; the loss's gradient checks and the fast loops agree with it; after
     * training, excellent is among the 3 nearest words of great and america or thailand among the 5
     * nearest of china, while one-hot cosines are 0; the PCA map is shown; the try-it answers hold.
     */
    static void lesson02(ExecutedNotebook nb) {
        assertEquals("true", nb.find("one-hot × E equals the lookup: (\\w+)"));
        assertTrue(nb.number("gradient check on V and U: max relative error = ([-0-9.eE+]+)") <= 1e-6);
        assertTrue(nb.number("largest gradient difference from backward\\(\\) = ([-0-9.eE+]+)") <= 1e-12);

        List<String> great = neighbours(nb, "great");
        assertTrue(great.subList(0, 3).contains("excellent"), "nearest to great: " + great);
        List<String> china = neighbours(nb, "china");
        assertTrue(china.subList(0, 5).contains("america") || china.subList(0, 5).contains("thailand"), "nearest to china: " + china);
        for (String pair : List.of("great, excellent", "china, america", "china, thailand")) {
            assertEquals(0.0, nb.number("one-hot: +cosine\\(" + pair + "\\) = ([-0-9.]+)"), pair);
            assertTrue(nb.number("embedding: cosine\\(" + pair + "\\) = ([-0-9.]+)") > 0.8, pair);
        }
        assertTrue(nb.number("embedding: cosine\\(china, great\\) = ([-0-9.]+)") < 0.6);

        assertEquals(1, nb.figures(), "lesson 02 shows the PCA map of the word vectors");
        String map = nb.html().stream().filter(h -> h.contains("class=\"jattn-figure\"")).findFirst().orElseThrow();
        assertTrue(map.contains("PC1 (") && map.contains("PC2 ("), "the axes are the principal components");
        assertTrue(map.contains("name: 'country'") && map.contains("name: 'positive'"), "one trace per word group");

        // the answers of "Try it"
        assertTrue(nb.number("K = 0: .*cosine\\(great, china\\) = ([-0-9.]+)") > nb.number("with K = 5: ([-0-9.]+)") + 0.3);
        assertTrue(nb.number("window 1: +cosine\\(great, bad\\) = ([-0-9.]+)") > nb.number("window 5: +cosine\\(great, bad\\) = ([-0-9.]+)"));
        assertTrue(nb.number("(?m)^cosine\\(great, bad\\) = ([-0-9.]+)") > nb.number("(?m)^cosine\\(great, bad\\) = [-0-9.]+, cosine\\(great, china\\) = ([-0-9.]+)"));
    }

    /** The words of the printed line "nearest to WORD: [w1 0.990, w2 0.986, …]", in order. */
    private static List<String> neighbours(ExecutedNotebook nb, String word) {
        String list = nb.find("(?m)^nearest to " + word + ": \\[([^\\]]*)\\]");
        return Arrays.stream(list.split(", ")).map(n -> n.substring(0, n.lastIndexOf(' '))).toList();
    }
}
