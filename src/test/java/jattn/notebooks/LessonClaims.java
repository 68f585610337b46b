package jattn.notebooks;

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
            "01_one_hot_encoding.ipynb", LessonClaims::lesson01);

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
     * 01: distinct one-hot vectors are orthogonal (the max off-diagonal cosine is exactly 0, the
     * diagonal 1, great is as far from excellent as from country); unseen words share {@code <unk>};
     * one-hot·W is the embedding lookup; the one-hot dimension grows with the text; three figures.
     */
    static void lesson01(ExecutedNotebook nb) {
        assertEquals(0.0, nb.number("max off-diagonal cosine = ([-0-9.eE]+)"), 0.0);
        assertEquals(1.0, nb.number("min diagonal cosine = ([-0-9.eE]+)"), 0.0);
        assertEquals(0.0, nb.number("cosine\\(great, excellent\\) = ([-0-9.]+)"), 0.0);
        assertEquals(0.0, nb.number("cosine\\(great, country\\)\\s+= ([-0-9.]+)"), 0.0);
        assertEquals("true", nb.find("the two sentences get the same ids: (\\w+)"));
        assertEquals("true", nb.find("one-hot · W equals the embedding lookup: (\\w+)"));
        double small = nb.number("one-hot dimension after\\s+10 sentences \\(\\s*\\d+ tokens\\) =\\s+(\\d+)");
        double large = nb.number("one-hot dimension after\\s+10000 sentences \\(\\s*\\d+ tokens\\) =\\s+(\\d+)");
        assertTrue(large > small, "the one-hot dimension grows with the text: " + small + " → " + large);
        assertEquals(3, nb.figures(), "lesson 01 shows the one-hot heatmap, the cosine heatmap and the growth plot");
    }
}
