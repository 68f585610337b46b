package jattn.notebooks;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 08 Positional encoding: self-attention without positions is permutation-equivariant (and not
 * with them); the sinusoidal table's values, wavelengths, dot products (d/2 at offset 0, a
 * function of the offset only, symmetric) and the shift as a rotation; the order task: without
 * positions the test accuracy does not beat the printed order-blind ceiling, with the sinusoidal
 * or the learned table the task is solved (validation stops the runs, the test set is scored
 * once); the trained heads look at the mirrored position; the four kinds side by side; the
 * RNN's states settle; the try-it answers.
 */
final class Lesson08Claims {

    private Lesson08Claims() {}

    /** How far above the exact ceiling a finite test set may put an order-blind model (16 000 positions, a few standard errors). */
    static final double CEILING_SAMPLING_SLACK = 0.015;

    static void check(ExecutedNotebook nb) {
        // 1. equivariance without positions, broken with them
        assertTrue(nb.number("without positions: max \\|SA\\(ΠX\\) − Π·SA\\(X\\)\\| = ([-0-9.eE+]+)") < 1e-12);
        assertTrue(nb.number("with positions: +max \\|SA\\(ΠX \\+ P\\) − Π·SA\\(X \\+ P\\)\\| = ([-0-9.eE+]+)") > 0.05);
        assertEquals(nb.number("weight of query 'great' on key 'China': ([0-9.]+) in the sentence"),
                nb.number("weight of query 'great' on key 'China': [0-9.]+ in the sentence, ([0-9.]+) reversed"), 0.0);

        // 2.–4. the sinusoidal table
        assertEquals(Math.sin(1), nb.number("PE\\(1, 0\\) = sin\\(1\\) = ([-0-9.]+)"), 5e-5);
        assertEquals(Math.cos(1), nb.number("PE\\(1, 1\\) = cos\\(1\\) = ([-0-9.]+)"), 5e-5);
        assertEquals(6.28, nb.number("pair 0 turns every ([0-9.]+) positions"), 0.005, "prose: about 6.3 positions");
        assertEquals(16.0, nb.number("PE\\(30\\) · PE\\(30\\) = ([0-9.]+) = d/2"), 1e-4);
        assertEquals(nb.number("PE\\(30\\) · PE\\(25\\) = ([-0-9.]+)"), nb.number("PE\\(30\\) · PE\\(35\\) = ([-0-9.]+)"), 0.0, "left and right alike");
        assertTrue(nb.number("max over p, k of \\|PE\\(p\\)·PE\\(p\\+k\\) − PE\\(0\\)·PE\\(k\\)\\| = ([-0-9.eE+]+)") < 1e-12);
        assertTrue(nb.number("max \\|M\\(5\\)·PE\\(pos\\) − PE\\(pos \\+ 5\\)\\| over pos = 0…55: ([-0-9.eE+]+)") < 1e-12);
        assertTrue(nb.number("max \\|M\\(1\\)\\^60·PE\\(0\\) − PE\\(60\\)\\| = ([-0-9.eE+]+)") < 1e-12);

        // 6. the order task
        double ceiling = nb.number("(?m)^order-blind ceiling = ([0-9.]+) \\(chance");
        assertEquals(0.2411, ceiling, 5e-5, "OrderBlindCeiling for T = 16, |V| = 10");
        assertEquals(ceiling, nb.number("order-blind ceiling ([0-9.]+); without positions"), 0.0);
        double blindTest = nb.number("without positions: +validation accuracy [0-9.]+, test accuracy ([0-9.]+)");
        double blindValid = nb.number("without positions: +validation accuracy ([0-9.]+)");
        assertTrue(blindTest <= ceiling + CEILING_SAMPLING_SLACK && blindValid <= ceiling + 2 * CEILING_SAMPLING_SLACK,
                "an order-blind model cannot beat the ceiling " + ceiling + ": test " + blindTest + ", validation " + blindValid);
        assertTrue(blindTest > ceiling - 0.03, "prose: the model without positions stays at the ceiling, got " + blindTest);
        assertTrue(blindTest > 0.2 && blindTest < 0.3, "prose: about a quarter of the positions, got " + blindTest);
        assertEquals(2, nb.number("without positions: .*\\((\\d+) passes\\)"), "it runs its whole budget");
        for (String kind : List.of("sinusoidal encoding", "learned table")) {
            assertTrue(nb.number(kind + ": +validation accuracy ([0-9.]+)") >= 0.99, kind + " stops at 99 % validation accuracy");
            assertTrue(nb.number(kind + ": +validation accuracy [0-9.]+, test accuracy ([0-9.]+)") >= 0.98, kind + " solves the task");
        }
        assertTrue(nb.number("learned table: .*\\((\\d+) passes\\)") < nb.number("sinusoidal encoding: .*\\((\\d+) passes\\)"),
                "prose: the learned table gets there in fewer passes");
        for (String kind : List.of("sinusoidal", "learned"))
            assertTrue(nb.number(kind + ", first layer: mean weight on the mirrored position, best head = ([0-9.]+)") > 0.5,
                    kind + ": one head of the first layer looks along the anti-diagonal");
        assertEquals(nb.find("(?m)^predicted \\(sinusoidal\\): (\\[.*\\])"), nb.find("(?m)^expected: +(\\[.*\\])"));
        assertEquals("true", nb.find("without positions, positions with the same digit get the same tag: (\\w+)"));
        assertTrue(nb.number("positions tagged with it without positions: (\\d+) of 16") >= 12,
                "prose: the order-blind model tags almost every position with the commonest digit");

        // 7. the RNN's states settle
        double first = nb.number("RNN: \\|h_2 − h_1\\| = ([-0-9.eE+]+)"), last = nb.number("\\|h_61 − h_60\\| = ([-0-9.eE+]+)");
        assertTrue(first > 0.1 && first < 0.35, "prose: about 0.2 at the first step, got " + first);
        assertTrue(last < 1e-12, "prose: rounding error by position 60, got " + last);

        // the answers
        assertTrue(nb.find("learned table, 20 tokens: (.*)").contains("(16×32)"), "the learned table refuses 20 tokens");
        assertEquals("true", nb.find("the first 16 rows equal the model's table: (\\w+)"));
        assertEquals(nb.number("order-blind ceiling: T = 15: ([0-9.]+)"), nb.number("order-blind ceiling: T = 15: [0-9.]+, T = 16: ([0-9.]+)"), 0.0,
                "answer 4: the same ceiling");

        // figures: the permuted weights, the 0–60 heatmap, the dot products, the training curves, the heads, the four kinds
        assertEquals(6, nb.figures(), "lesson 08's six figures");
        List<String> figures = nb.html().stream().filter(h -> h.contains("class=\"jattn-figure\"")).toList();
        assertTrue(figures.get(1).contains("positions 0–60"), "the seed's heatmap over positions 0–60");
        String kinds = figures.get(5);
        assertTrue(kinds.contains("(a) sinusoidal") && kinds.contains("(b) learned, trained") && kinds.contains("(d) RNN states"),
                "the four kinds side by side");
    }
}
