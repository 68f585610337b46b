package jattn.notebooks;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 07: the seed's three steps by hand equal the matrix form softmax(XXᵀ/√d)X and SelfAttention
 * equals its formula; without projections every word attends most to itself; the causal mask
 * gives exact zeros above the diagonal and rows that still sum to 1; split and merge by hand
 * equal MultiHeadAttention; the tone tagger trained over the whole sentence tags (almost) every
 * validation word right, clearly better than up-to-itself, which is better than only-itself, and
 * the test set is scored once for each; the sharpest heads look at "great" from every word; one
 * self-attention layer reaches from the last input to the first output at every n, the RNN's
 * ∂y₁/∂xₙ is exactly 0 and its ∂yₙ/∂x₁ vanishes; the answers hold; five figures.
 */
final class Lesson07Claims {

    private Lesson07Claims() {}

    static void check(ExecutedNotebook nb) {
        // 1–2: the three steps and the matrix form
        assertEquals(1.0, nb.number("step 2: the weights sum to ([0-9.]+)"), 1e-6);
        assertTrue(nb.number("largest difference in α ([-0-9.eE+]+)") <= 1e-12, "α by hand = matrix form");
        assertTrue(nb.number("largest difference in α [-0-9.eE+]+, in y_4 ([-0-9.eE+]+)") <= 1e-12, "y_4 by hand = matrix form");
        assertEquals("true", nb.find("without projections, every word attends most to itself: (\\w+)"));
        assertTrue(nb.number("SelfAttention against softmax\\(QKᵀ/√d_k\\)V: largest difference ([-0-9.eE+]+)") <= 1e-12);
        double greatOnGreat = nb.number("step 2: α\\(great, great +\\) = ([0-9.]+)");
        for (String w : List.of("china", "is", "a", "country"))
            assertTrue(nb.number("step 2: α\\(great, " + w + " +\\) = ([0-9.]+)") < greatOnGreat, "great attends most to itself");
        // 3: the causal mask
        assertEquals(0.0, nb.number("causal mask: largest weight above the diagonal = ([-0-9.eE]+)"), 0.0, "exact zeros");
        assertTrue(nb.number("causal mask: every row still sums to 1 \\(largest error ([-0-9.eE+]+)\\)") <= 1e-12);
        assertEquals(1.0, nb.number("α\\(china, china\\) = ([0-9.]+)"), 0.0);
        // 4–5: split and merge, the tagger
        assertTrue(nb.number("split and merge by hand against MultiHeadAttention: largest difference ([-0-9.eE+]+)") <= 1e-12);
        assertEquals(5, nb.number("(\\d+) heads of d_k = 10"));
        assertEquals(1486, nb.number("(\\d+) distinct sentences: "));
        assertTrue(nb.printed().contains("tags of 'china is a great country': [POSITIVE, POSITIVE, POSITIVE, POSITIVE, POSITIVE]"));
        double whole = nb.number("context WHOLE_SENTENCE validation accuracy ([0-9.]+)");
        double causal = nb.number("context UP_TO_ITSELF +validation accuracy ([0-9.]+)");
        double itself = nb.number("context ONLY_ITSELF +validation accuracy ([0-9.]+)");
        assertEquals(whole, nb.number("whole sentence: training accuracy [0-9.]+, validation accuracy ([0-9.]+)"), "one validation score");
        assertTrue(whole >= 0.98, "the whole-sentence tagger tags almost every validation word right: " + whole);
        assertTrue(causal <= whole - 0.02 && itself <= causal - 0.05, "whole " + whole + " > up to itself " + causal + " > only itself " + itself);
        double wholeTest = nb.number("context WHOLE_SENTENCE test accuracy ([0-9.]+)");
        double itselfTest = nb.number("context ONLY_ITSELF +test accuracy ([0-9.]+)");
        assertTrue(wholeTest >= 0.98 && itselfTest <= wholeTest - 0.1, "test: whole " + wholeTest + ", only itself " + itselfTest);
        // the heads: the prose says the sharpest heads look at "great" from every word, others spread wider
        Matcher h = Pattern.compile("head (\\d): every word puts at least ([0-9.]+) of its weight on 'great'").matcher(nb.printed());
        Map<Integer, Double> heads = new TreeMap<>();
        while (h.find()) heads.put(Integer.parseInt(h.group(1)), Double.parseDouble(h.group(2)));
        assertEquals(5, heads.size(), "one line per head");
        assertTrue(heads.values().stream().filter(v -> v >= 0.8).count() >= 2, "at least two sharp heads on 'great': " + heads);
        assertTrue(heads.values().stream().anyMatch(v -> v < 0.7), "some head spreads its weight more widely: " + heads);
        // 6: global reach
        Matcher r = Pattern.compile("n = +(\\d+): self-attention ‖∂y_1/∂x_n‖ = ([-0-9.eE+]+) \\(1 step\\) \\| RNN ‖∂y_1/∂x_n‖ = ([-0-9.eE+]+), "
                + "RNN ‖∂y_n/∂x_1‖ = ([-0-9.eE+]+) \\((\\d+) sequential steps\\)").matcher(nb.printed());
        Map<Integer, double[]> reach = new TreeMap<>();
        while (r.find()) {
            reach.put(Integer.parseInt(r.group(1)), new double[]{Double.parseDouble(r.group(2)), Double.parseDouble(r.group(3)),
                    Double.parseDouble(r.group(4))});
            assertEquals(Integer.parseInt(r.group(1)) - 1, Integer.parseInt(r.group(5)), "n − 1 sequential steps");
        }
        assertEquals(List.of(2, 4, 8, 16, 32, 64), List.copyOf(reach.keySet()));
        for (Map.Entry<Integer, double[]> e : reach.entrySet()) {
            assertTrue(e.getValue()[0] > 1e-3, "self-attention reaches across n = " + e.getKey() + ": " + e.getValue()[0]);
            assertEquals(0.0, e.getValue()[1], 0.0, "the RNN's first output never depends on the last input");
        }
        assertTrue(reach.get(2)[0] / reach.get(64)[0] < 1e3, "self-attention: less than three orders of magnitude from n = 2 to 64");
        assertTrue(reach.get(2)[2] / reach.get(64)[2] > 1e20, "the RNN: more than twenty orders of magnitude from n = 2 to 64");
        assertTrue(reach.get(64)[2] < 1e-15, "the RNN's gradient over 63 steps vanishes: " + reach.get(64)[2]);
        assertTrue(nb.number("at n = 64: self-attention / RNN = ([-0-9.eE+]+)") > 1e10);
        assertEquals(0.0, nb.number("n = 8: self-attention .*RNN ‖∂y_1/∂x_8‖ = ([-0-9.eE+]+)"), 0.0);
        assertTrue(nb.number("n = 8: self-attention ‖∂y_1/∂x_8‖ = ([-0-9.eE+]+)") > nb.number("n = 8: .*RNN ‖∂y_8/∂x_1‖ = ([-0-9.eE+]+)"));
        // the answers
        double scaled = nb.number("1. largest weight of 'great': with 1/√d ([0-9.]+)");
        double unscaled = nb.number("1. largest weight of 'great': .*, without ([0-9.]+)");
        assertTrue(unscaled > scaled + 0.3, "without the scale the softmax is much sharper: " + scaled + " → " + unscaled);
        assertTrue(nb.printed().contains("2. tags of 'country great a is china': [POSITIVE, POSITIVE, POSITIVE, POSITIVE, POSITIVE]"));
        assertTrue(nb.number("2. the heads' weights are the same, permuted: largest difference ([-0-9.eE+]+)") <= 1e-12);
        for (String w : List.of("china", "is", "a"))
            assertEquals("MILD", nb.find("3. causal model: " + w + " +→ (\\w+)"), "the answer says the words before great get MILD");
        assertEquals("POSITIVE", nb.find("3. causal model: great +→ (\\w+)"));
        assertEquals("POSITIVE", nb.find("3. causal model: country +→ (\\w+)"));
        assertEquals(6, nb.figures(), "the untrained weights, no mask / causal, the heads, accuracy by position, reach n = 8, reach against n");
    }
}
