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
            "01_one_hot_encoding.ipynb", LessonClaims::lesson01,
            "02_word_embeddings.ipynb", LessonClaims::lesson02,
            "03_recurrent_networks.ipynb", LessonClaims::lesson03,
            "04_sequence_to_sequence.ipynb", LessonClaims::lesson04,
            "05_attention_for_seq2seq.ipynb", LessonClaims::lesson05);

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

    /**
     * 03: the row and column forms of the RNN cell agree, BPTT by hand equals backward(), the GRU
     * formulas equal GruCell.step; on T = 100 the plain RNN's gradient vanishes (ratio below
     * 1e-15) and the GRU keeps at least 1000× more of it (100× in every seed); the biased GRU
     * keeps more still; W_h × 3 explodes; every GRU run learns the memory task, fewer plain-RNN
     * runs do; four figures.
     */
    static void lesson03(ExecutedNotebook nb) {
        assertEquals("true", nb.find("the two forms agree: (\\w+)"));
        assertEquals("true", nb.find("one step of the chain rule by hand equals backward\\(\\): (\\w+)"));
        assertEquals("true", nb.find("formulas equal GruCell.step: (\\w+)"));
        String ratio = "ratio ‖∂L/∂h_0‖ / ‖∂L/∂h_99‖, ";
        double rnn = nb.number(ratio + "plain RNN = ([-0-9.eE+]+)");
        double gru = nb.number(ratio + "GRU = ([-0-9.eE+]+)");
        double keep = nb.number(ratio + "GRU with update-gate bias \\+ 3 = ([-0-9.eE+]+)");
        assertTrue(rnn < 1e-15, "the plain RNN's gradient vanishes over 100 steps: " + rnn);
        assertTrue(gru > 1e3 * rnn, "the GRU keeps far more gradient: GRU " + gru + ", plain RNN " + rnn);
        assertTrue(nb.number("smallest GRU / plain RNN ratio over the \\d+ seeds = ([-0-9.eE+]+)") > 100);
        assertTrue(keep > 1e10 * gru, "an open update gate keeps the gradient: " + keep);
        assertTrue(nb.number("plain RNN with W_h × 3, T = 100: ratio = ([-0-9.eE+]+)") > 1, "a scaled W_h explodes");
        int runs = (int) nb.number("GRU runs that learned \\(accuracy ≥ 0.95\\): \\d+ of (\\d+)");
        int gruLearned = (int) nb.number("GRU runs that learned \\(accuracy ≥ 0.95\\): (\\d+) of");
        int rnnLearned = (int) nb.number("plain RNN runs that learned \\(accuracy ≥ 0.95\\): (\\d+) of");
        assertEquals(runs, gruLearned, "every GRU run learns to remember the first of 20 symbols");
        assertTrue(rnnLearned < gruLearned, "fewer plain-RNN runs learn it: " + rnnLearned + " of " + runs);
        assertEquals(4, nb.figures(), "lesson 03 shows tanh, the states, the gradient norms and the training curves");
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

    /**
     * 05: the date model with attention reaches 99 % test exact match; on the copy task the attention line
     * stays high on the longest bucket while the line without attention falls; in the example's alignment
     * every year output attends most to a year digit at the end of the input; five figures.
     */
    static void lesson05(ExecutedNotebook nb) {
        assertTrue(nb.number("(?m)^test exact match = ([0-9.]+)") >= 0.99, "dates with attention below 99 %");

        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "copy, length (\\d+) *: exact match without attention ([0-9.]+), with attention ([0-9.]+)").matcher(nb.printed());
        Map<Integer, double[]> copy = new java.util.TreeMap<>();
        while (m.find()) copy.put(Integer.parseInt(m.group(1)), new double[]{Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
        assertEquals(10, copy.size(), "one printed copy bucket per length 3 … 12");
        double plainShort = copy.get(3)[0], plainLong = nb.number("copy: longest bucket \\(length 12\\) without attention = ([0-9.]+)");
        double attnLong = nb.number("copy: longest bucket \\(length 12\\) with attention = ([0-9.]+)");
        assertEquals(copy.get(12)[0], plainLong);
        assertEquals(copy.get(12)[1], attnLong);
        assertTrue(plainShort >= 0.8 && plainLong <= 0.2, "without attention the copy line should fall: " + plainShort + " → " + plainLong);
        assertTrue(attnLong >= 0.9, "with attention the copy line should stay high: length 12 " + attnLong);
        for (double[] b : copy.values()) assertTrue(b[1] >= 0.9, "with attention every copy length ≥ 0.9");

        List<Integer> argmax = intList(nb.find("year outputs attend most to input positions \\[([0-9, ]+)\\]"));
        List<Integer> year = intList(nb.find("year digits are at input positions \\[([0-9, ]+)\\]"));
        assertEquals(List.of(19, 20, 21, 22), year, "the year of 'saturday, march 4, 1972' is at its end");
        assertEquals(4, argmax.size());
        assertTrue(year.containsAll(argmax), "the year outputs should attend to the year digits: " + argmax);
        assertEquals(year.get(3), argmax.get(3), "the last year digit attends to the last input digit");
        assertEquals(5, nb.figures(), "training curve, two date alignments, copy by length, the answer's copy alignment");
    }

    private static List<Integer> intList(String commaSeparated) {
        return java.util.Arrays.stream(commaSeparated.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }
}
