package jattn.notebooks;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 06, attention as query, key and value: the toy e, α, m with rows of α of L1 norm 1 and m a
 * convex combination of the values (the seed's ‖αV‖₁); the taxonomy table with Bahdanau and
 * self-attention placed as the seed says; the five similarity functions on one Q and K (the
 * parameter-free ones find each query's word, dot sharper than scaled dot sharper than cosine,
 * the untrained ones at most one); masked softmax with valid lengths on a (4×6) matrix with
 * masked weights exactly 0; temperature flattening the weights and √d turning dot into scaled
 * dot; sparsemax's worked example, gradient check and exact zeros without a mask; Nadaraya–Watson
 * with a learned bandwidth beating w = 1; the numbers the answers quote; six figures.
 */
final class Lesson06Claims {

    private Lesson06Claims() {}

    static void check(ExecutedNotebook nb) {
        generalForm(nb);
        taxonomy(nb);
        similarities(nb);
        masking(nb);
        temperature(nb);
        sparsemax(nb);
        nadarayaWatson(nb);
        answers(nb);
        assertEquals(6, nb.figures(), "five-score grid, masked softmax, temperature, softmax vs sparsemax, regression, regression weights");
        List<String> figures = nb.html().stream().filter(h -> h.contains("class=\"jattn-figure\"")).toList();
        for (String word : List.of("China", "great", "country", "≈ great"))
            assertTrue(figures.get(0).contains(word), "the score grid has token labels on both axes: " + word);
        assertTrue(figures.get(1).contains("seq 4, ℓ = 3"), "the masked heatmaps label their rows by valid length");
        assertTrue(nb.html().stream().anyMatch(h -> h.contains("<table class=\"jattn-table\">") && h.contains("Nadaraya")),
                "the taxonomy is shown as a table");
    }

    /** ‖α_t‖₁ = 1 for each query; ‖αV‖₁ read literally is one number; m lies in the values' range. */
    private static void generalForm(ExecutedNotebook nb) {
        for (int t = 1; t <= 2; t++) assertEquals(1.0, nb.number("query " + t + ": ‖α_t‖₁ = ([0-9.]+)"), 1e-6);
        assertTrue(nb.number("‖αV‖₁ read literally, the sum of \\|entries\\| of m = ([0-9.]+)") > 0);
        assertEquals("true", nb.find("every entry of m lies between the smallest and the largest value of its column: (\\w+)"));
    }

    private static void taxonomy(ExecutedNotebook nb) {
        String bahdanau = nb.find("(?m)^Bahdanau \\(encoder–decoder\\): (.*)$");
        assertTrue(bahdanau.contains("Q = s_{t−1}, the decoder state") && bahdanau.contains("V = h_i (K = V)")
                && bahdanau.contains("f_sim = additive") && bahdanau.contains("f_norm = softmax"), bahdanau);
        String self = nb.find("(?m)^self-attention: (.*)$");
        assertTrue(self.contains("Q, K, V all from X") && self.contains("f_sim = scaled dot") && self.contains("f_norm = softmax"), self);
        assertTrue(nb.number("attentions in the table: (\\d+)") >= 10);
    }

    /** name → {own word picked (of 3), mean largest weight}. */
    private static Map<String, double[]> similarityLines(ExecutedNotebook nb, String prefix) {
        Matcher m = Pattern.compile("(?m)^" + prefix + "(dot|scaled dot|general|additive|cosine) *: scores from +[-0-9.]+ to +[-0-9.]+, "
                + "own word picked for (\\d) of 3 queries, mean largest weight ([0-9.]+)").matcher(nb.printed());
        Map<String, double[]> lines = new TreeMap<>();
        while (m.find()) lines.put(m.group(1), new double[]{Integer.parseInt(m.group(2)), Double.parseDouble(m.group(3))});
        return lines;
    }

    private static void similarities(ExecutedNotebook nb) {
        Map<String, double[]> s = similarityLines(nb, "");
        assertEquals(5, s.size(), "one line per similarity function: " + s.keySet());
        for (String name : List.of("dot", "scaled dot", "cosine"))
            assertEquals(3, s.get(name)[0], name + " finds each query's own word");
        for (String name : List.of("general", "additive"))
            assertTrue(s.get(name)[0] <= 1, name + ", untrained, finds at most one word");
        assertTrue(s.get("dot")[1] > s.get("scaled dot")[1] && s.get("scaled dot")[1] > s.get("cosine")[1], "dot sharper than scaled dot sharper than cosine");
        assertTrue(s.get("dot")[1] >= 0.995, "the dot product's weights are all but one-hot");
        assertTrue(s.get("cosine")[1] < 0.5, "cosine's winner gets much less than half the weight");
    }

    private static void masking(ExecutedNotebook nb) {
        assertTrue(nb.printed().contains("masked softmax, valid lengths [6, 4, 2, 3] (4×6)"), "a non-square (4×6) weight matrix");
        assertEquals(9, nb.number("largest weight on the (\\d+) masked positions"));
        assertEquals(0.0, nb.number("largest weight on the 9 masked positions = ([-0-9.eE]+)"), 0.0);
        assertEquals("true", nb.find("masked positions = [-0-9.eE]+, all exactly 0.0: (\\w+)"));
        assertEquals("true", nb.find("masked softmax: every row sums to 1: (\\w+)"));
        // the printed matrix: the masked entries of rows 2-4 read 0.000
        Matcher rows = Pattern.compile("masked softmax, valid lengths \\[6, 4, 2, 3\\] \\(4×6\\)\\n((?:\\[.*\\]\\n){4})").matcher(nb.printed());
        assertTrue(rows.find(), "the masked weights are printed");
        String[] lines = rows.group(1).split("\n");
        int[] lens = {6, 4, 2, 3};
        for (int t = 0; t < 4; t++) {
            String[] cells = lines[t].replaceAll("[\\[\\]]", "").trim().split("\\s+");
            for (int i = lens[t]; i < 6; i++) assertEquals("0.000", cells[i], "row " + t + ", position " + i);
        }
        Matcher padding = Pattern.compile("weight on padding per row = ([0-9.]+), ([0-9.]+), ([0-9.]+), ([0-9.]+)").matcher(nb.printed());
        assertTrue(padding.find());
        assertEquals(0.0, Double.parseDouble(padding.group(1)), 0.0, "row 1 has no padding");
        for (int g = 2; g <= 4; g++) assertTrue(Double.parseDouble(padding.group(g)) > 0.1, "plain softmax puts weight on padding");
    }

    private static void temperature(ExecutedNotebook nb) {
        double previous = 1;
        for (String tau : List.of("1", "2", "4", "8", "16", "64")) {
            double w = nb.number("τ = " + tau + " *: largest weight ([0-9.]+), on 'great'");
            assertTrue(w <= previous, "the largest weight falls as τ grows, and stays on 'great': τ = " + tau);
            previous = w;
        }
        assertTrue(nb.number("τ = 1 *: largest weight ([0-9.]+)") >= 0.999, "at τ = 1 essentially all on 'great'");
        assertTrue(nb.number("τ = 64 *: largest weight ([0-9.]+)") < 0.3, "at τ = 64 close to the uniform 0.2");
        assertEquals(0.2, nb.number("uniform weights would be 1/n = ([0-9.]+)"), 1e-12);
        assertEquals("true", nb.find("at τ = √d = 4 equals the scaled dot weights: (\\w+)"));
    }

    private static void sparsemax(ExecutedNotebook nb) {
        assertTrue(nb.printed().contains("sparsemax(0.5, 0.2, -1, -0.5) (1×4)\n[  0.6500  0.3500  0.0000  0.0000 ]"), "the worked example");
        assertEquals(-0.15, nb.number("threshold θ\\(z\\) = ([-0-9.]+)"), 1e-12);
        assertTrue(nb.printed().contains("section 1 with f_norm = sparsemax: α (2×4)\n[  0.000  0.000  0.000  1.000 ]\n"
                + "[  0.000  0.500  0.000  0.500 ]\nm = αV (2×2)\n[  5.000  5.000 ]\n[  2.500  7.500 ]"),
                "sparsemax on section 1: all of value 4 for query 1, an even mix of values 2 and 4 for query 2");
        assertTrue(nb.number("gradient check of sparsemax: max relative error = ([-0-9.eE+]+)") <= 1e-6);
        String kept = nb.find("keys kept per query at τ = 8: \\[([0-9, ]+)\\]");
        assertTrue(java.util.Arrays.stream(kept.split(", ")).mapToInt(Integer::parseInt).max().orElseThrow() >= 2,
                "the gradient check runs where several keys are kept: " + kept);
        int previous = 0;
        for (String tau : List.of("0.5", "1.0", "2.0", "4.0", "8.0")) {
            int k = (int) nb.number("τ = " + tau + ": sparsemax keeps (\\d) of 5 keys");
            assertTrue(k >= previous, "sparsemax keeps more keys as τ grows");
            previous = k;
        }
        assertEquals(1, nb.number("τ = 1.0: sparsemax keeps (\\d) of 5 keys"));
        assertTrue(previous < 5, "up to τ = 8 sparsemax still has exact zeros");
        assertTrue(nb.number("(\\d+) of 15 weights are exactly 0.0, with no mask") >= 10);
    }

    private static void nadarayaWatson(ExecutedNotebook nb) {
        assertTrue(nb.printed().contains("  step 200/200: leave-one-out loss"), "the training cell shows its progress");
        double before = nb.number("leave-one-out loss: ([0-9.]+) with w = 1"), after = nb.number("leave-one-out loss: [0-9.]+ with w = 1, ([0-9.]+) with");
        assertTrue(after < before, "training lowers the leave-one-out loss");
        double w = nb.number("with the learned w = ([0-9.]+)");
        assertTrue(w > 1.5, "the learned kernel is narrower than w = 1: " + w);
        double fixed = nb.number("against f on the query grid: w = 1: ([0-9.]+)"), learned = nb.number("against f on the query grid: .*learned w: ([0-9.]+)");
        assertTrue(learned < fixed / 3, "the learned bandwidth follows f much more closely: " + fixed + " → " + learned);
    }

    private static void answers(ExecutedNotebook nb) {
        Matcher m = Pattern.compile("1\\. 2Q, (dot|scaled dot|general|additive|cosine) *: largest change of a weight ([-0-9.eE+]+), "
                + "mean largest weight ([0-9.]+) → ([0-9.]+)").matcher(nb.printed());
        Map<String, double[]> doubled = new TreeMap<>();
        while (m.find()) doubled.put(m.group(1), new double[]{Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))});
        assertEquals(5, doubled.size());
        assertTrue(doubled.get("cosine")[0] < 1e-12, "cosine ignores the length of the query");
        for (String name : List.of("scaled dot", "general"))
            assertTrue(doubled.get(name)[2] > doubled.get(name)[1], name + " gets sharper with 2Q");
        assertTrue(doubled.get("additive")[0] > 1e-3, "additive weights move");

        assertTrue(nb.printed().contains("2. valid length 0: weights [0.0, 0.0, 0.0, 0.0, 0.0, 0.0], output m = αV = [0.0, 0.0]"));

        double bound = nb.number("3\\. every key is kept for τ > n·\\(mean − min\\) = ([0-9.]+)");
        assertTrue(bound > 8 && bound < 16, "between the τ = 8 of section 6 (4 keys) and a full support: " + bound);
        assertEquals(4, nb.number("3\\. τ = [0-9.]+ \\(just below\\): (\\d) keys kept"));
        assertEquals(5, nb.number("3\\. τ = [0-9.]+ \\(just below\\): \\d keys kept; τ = [0-9.]+ \\(just above\\): (\\d) keys kept"));

        Matcher b = Pattern.compile("4\\. w = (\\d+) *: training loss with itself ([0-9.]+), leave-one-out ([0-9.]+), error against f ([0-9.]+)")
                .matcher(nb.printed());
        List<double[]> rows = new java.util.ArrayList<>();
        while (b.find()) rows.add(new double[]{Double.parseDouble(b.group(1)), Double.parseDouble(b.group(2)),
                Double.parseDouble(b.group(3)), Double.parseDouble(b.group(4))});
        assertEquals(5, rows.size());
        for (int i = 1; i < rows.size(); i++)
            assertTrue(rows.get(i)[1] < rows.get(i - 1)[1], "the ordinary loss keeps falling as w grows");
        assertTrue(rows.get(4)[1] < 0.01, "at w = 100 the estimate passes through the samples");
        assertTrue(rows.get(4)[3] > rows.get(1)[3] * 3, "and its error against f grows again");
    }
}
