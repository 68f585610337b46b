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
            "04_sequence_to_sequence.ipynb", LessonClaims::lesson04);

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
     * 04: the bottleneck (copying without attention: the shortest strings are copied, the longest
     * not, and exact match falls with length); the date model learned the year but not the details,
     * with no length effect on dates (as the lesson says); the tiny translator memorised its pairs;
     * four figures and two tables.
     */
    static void lesson04(ExecutedNotebook nb) {
        double shortest = nb.number("copy: shortest bucket \\(length 3\\) exact match = ([0-9.]+)");
        double longest = nb.number("copy: longest bucket \\(length 12\\) exact match = ([0-9.]+)");
        assertTrue(shortest >= 0.8, "copy: the shortest strings should be copied, exact match " + shortest);
        assertTrue(shortest - longest >= 0.6, "copy: no clear bottleneck, " + shortest + " vs " + longest);
        // every printed copy bucket (single lengths 3 … 12): the first three beat the last three
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("input length (\\d+): exact match ([0-9.]+)").matcher(nb.printed());
        Map<Integer, Double> copy = new java.util.TreeMap<>();
        while (m.find()) copy.put(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)));
        assertEquals(10, copy.size(), "one printed bucket per copy length 3 … 12: " + copy);
        for (int s = 3; s <= 5; s++)
            for (int l = 10; l <= 12; l++)
                assertTrue(copy.get(s) > copy.get(l), "copy length " + s + " vs " + l + ": " + copy);

        double exact = nb.number("dates: test exact match = ([0-9.]+)");
        assertTrue(exact >= 0.04, "dates: exact match " + exact + " below the floor 0.04");
        double year = nb.number("dates: year digits correct = ([0-9.]+)");
        double day = nb.number("day digits correct = ([0-9.]+)");
        assertTrue(year >= 0.95 && day <= year - 0.3, "dates: year " + year + ", day " + day);
        double dateShort = nb.number("input length 8–10: exact match ([0-9.]+)");
        double dateLong = nb.number("input length 26–29: exact match ([0-9.]+)");
        assertTrue(dateLong >= dateShort - 0.05, "dates: the lesson says length does not hurt, but 8–10: "
                + dateShort + ", 26–29: " + dateLong);

        assertTrue(nb.number("translation: exact match on the 185 TRAINING pairs = ([0-9.]+)") >= 0.9);
        assertTrue(nb.printed().contains("Citizens have the right to right wrongs.  →  les citoyens ont le droit de corriger les injustices ."),
                "the tiny translator should reproduce the seed's example");
        assertEquals(4, nb.figures(), "training curve, by position, dates by length, copy by length");
        assertEquals(2, nb.html().stream().filter(h -> h.contains("<table class=\"jattn-table\">")).count(), "two tables");
    }
}
