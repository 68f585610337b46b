package jattn.notebooks;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 09: Table 1 is shown; the measured slopes match the table's growth rates within a wide
 * tolerance (timings are noisy), the counted multiply–adds equal the formulas exactly and the
 * sequential operations are constant except for the RNN's 4n; the windowed band keeps 34 744 of
 * 4 194 304 scores and is faster; the one-head-per-offset layer equals the Conv1d to 1e-12; the
 * picture is 16 patches of 64; the ground patch attends most to the sun's patch; the karate
 * split is 17/17 and graph attention puts members on the right side, and with one-hot features
 * only the masked model does; the try-it answers print what they say.
 */
final class Lesson09Claims {

    private Lesson09Claims() {}

    static void check(ExecutedNotebook nb) {
        assertTrue(nb.html().stream().anyMatch(h -> h.contains("<table class=\"jattn-table\">") && h.contains("O(n²·d)")
                && h.contains("O(log_k(n))")), "Table 1 of Vaswani et al. is shown");

        // 2. measured slopes (wide tolerance), exact counts, sequential operations
        double sa = slope(nb, "self-attention"), conv = slope(nb, "Conv1d"), rnn = slope(nb, "recurrent \\(RNN\\)"),
                win = slope(nb, "windowed self-attention");
        assertTrue(sa >= 1.5 && sa <= 2.5, "self-attention's time grows as n²: slope " + sa);
        for (double s : new double[]{conv, rnn, win})
            assertTrue(s >= 0.4 && s <= 1.6, "a linear layer's time grows as n: slope " + s);
        assertTrue(sa > Math.max(conv, Math.max(rnn, win)) + 0.3, "self-attention's line is the steepest: " + sa + " vs " + conv + ", " + rnn + ", " + win);
        assertEquals(1.944, nb.number("(?m)^self-attention: fitted slope of time [-0-9.]+, of multiply-adds ([0-9.]+)"), 1e-9);
        for (String layer : List.of("Conv1d", "recurrent \\(RNN\\)"))
            assertEquals(1.0, nb.number("(?m)^" + layer + ": fitted slope of time [-0-9.]+, of multiply-adds ([0-9.]+)"), 1e-9);
        assertEquals(1.004, nb.number("(?m)^windowed self-attention: fitted slope of time [-0-9.]+, of multiply-adds ([0-9.]+)"), 1e-9, "the prose quotes 1.004");
        assertEquals("true", nb.find("counted multiply-adds equal the formulas at every n: (\\w+)"));
        assertEquals("[3, 3, 3, 3, 3]", nb.find("sequential operations of self-attention: (\\[[^\\]]*\\])"));
        assertEquals("[1, 1, 1, 1, 1]", nb.find("sequential operations of Conv1d: (\\[[^\\]]*\\])"));
        assertEquals("[512, 1024, 2048, 4096, 8192]", nb.find("sequential operations of recurrent \\(RNN\\): (\\[[^\\]]*\\])"), "4n");

        // 3. truncated self-attention
        assertTrue(nb.number("windowed attention equals full attention with the band mask: max difference = ([-0-9.eE+]+)") <= 1e-12);
        assertEquals(34744, count(nb, "radius 8 \\(r = 17\\): ([0-9,]+) scores"));
        assertEquals(4194304, count(nb, "scores instead of ([0-9,]+)"));
        assertEquals(0.83, nb.number("scores instead of [0-9,]+ \\(([0-9.]+) %\\)"), 1e-9, "the prose: fewer than 1 %");
        double full = nb.number("measured at n = 2048: self-attention ([0-9.]+) ms"), window = nb.number("windowed self-attention ([0-9.]+) ms \\(");
        assertTrue(window < full, "the band is faster than full attention at n = 2048: " + window + " vs " + full + " ms");

        // 4. a CNN is self-attention with one head per offset
        assertTrue(nb.number("\\(α = 50\\): max \\|attention − Conv1d\\| = ([-0-9.eE+]+)") <= 1e-12);
        assertEquals("[-1.0, 0.0, 1.0]", nb.find("offsets Δ of the heads: (\\[[^\\]]*\\])"));

        // 5. patches
        assertEquals("16×64", nb.find("a sequence of 16 patch vectors of 64 values \\((\\d+×\\d+)\\)"));
        assertEquals("0,0", nb.find("patch 3,1 \\(ground\\) attends most to patch (\\d,\\d)"), "the prose: the ground looks at the sun");
        assertTrue(nb.number("attends most to patch \\d,\\d \\(α = ([0-9.]+)\\)") > nb.number("to itself α = ([0-9.]+)"));

        // 6. the karate club
        assertEquals("34 members, 78 edges; Mr. Hi's side 17, the Officer's side 17; member 0: Mr. Hi, member 33: Officer",
                nb.find("karate club: (.*)"));
        double masked = nb.number("with the mask \\(edges\\): accuracy [0-9.]+ on all 34 members, ([0-9.]+) on the 32 unlabelled");
        double unmasked = nb.number("without the mask \\(all members\\): accuracy [0-9.]+ on all 34 members, ([0-9.]+) on the 32 unlabelled");
        assertTrue(masked >= 0.85, "the masked model puts almost every member on the right side: " + masked);
        assertTrue(unmasked >= 0.75, "the unmasked model is not far behind: " + unmasked);
        double adjMasked = seedMean(nb, "ADJACENCY_ROWS, EDGES"), adjAll = seedMean(nb, "ADJACENCY_ROWS, ALL_MEMBERS"),
                oneHotMasked = seedMean(nb, "ONE_HOT, EDGES"), oneHotAll = seedMean(nb, "ONE_HOT, ALL_MEMBERS");
        assertTrue(adjMasked >= 0.8 && adjAll >= 0.8, "with adjacency rows both do well: " + adjMasked + ", " + adjAll);
        assertTrue(adjAll >= adjMasked, "the prose: on average the unmasked one even a little better: " + adjAll + " vs " + adjMasked);
        assertTrue(Math.abs(oneHotAll - 0.5) <= 0.1, "one-hot without the mask is at chance: " + oneHotAll);
        assertTrue(oneHotMasked >= 0.8, "one-hot with the mask puts most members right: " + oneHotMasked);

        // figures: the log-log plot, the band, the heads, the picture, the patch sequence, the patch grid, the karate grid
        assertEquals(7, nb.figures());
        String loglog = nb.html().stream().filter(h -> h.contains("Forward time against sequence length")).findFirst().orElseThrow();
        assertTrue(loglog.contains("\"xaxis\":{\"title\":{\"text\":\"sequence length n\"},\"automargin\":true,\"type\":\"log\"") && loglog.contains("\"yaxis\":{\"title\":{\"text\":\"forward time (ms)\"},\"automargin\":true,\"type\":\"log\""), "log-log axes");

        // the answers
        assertTrue(nb.number("(?m)^α = 1: max \\|attention − Conv1d\\| = ([-0-9.eE+]+)") > 0.1);
        double a10 = nb.number("(?m)^α = 10: max \\|attention − Conv1d\\| = ([-0-9.eE+]+)");
        assertTrue(a10 > 1e-6 && a10 < 1e-2, "α = 10: about e^−10 " + a10);
        assertTrue(nb.number("(?m)^α = 50: max \\|attention − Conv1d\\| = ([-0-9.eE+]+)") <= 1e-12);
        assertEquals(63, nb.number("output 63 first depends on input 0 after (\\d+) stacked Conv1d layers"), "the answer: 63 layers");
        assertEquals(32, nb.number("output 32 first depends on both input 0 and input 63 after (\\d+) stacked Conv1d layers"), "the answer: 32 layers");
        assertEquals(4194304, count(nb, "radius 2047: ([0-9,]+) scores"));
    }

    private static double slope(ExecutedNotebook nb, String layer) {
        return nb.number("(?m)^" + layer + ": fitted slope of time ([-0-9.]+)");
    }

    private static double seedMean(ExecutedNotebook nb, String what) {
        return nb.number("features " + what + ": accuracy on the 32 unlabelled over seeds 1-10: mean ([0-9.]+)");
    }

    private static long count(ExecutedNotebook nb, String regex) {
        return Long.parseLong(nb.find(regex).replace(",", ""));
    }
}
