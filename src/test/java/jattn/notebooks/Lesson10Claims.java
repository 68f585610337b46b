package jattn.notebooks;

import static org.junit.jupiter.api.Assertions.*;

/**
 * 10 The Transformer: the encoder block is its formula; a 2-block encoder solves reversal tagging
 * on held-out sequences and a head of its last layer draws the anti-diagonal; the decoder block is
 * causal; the encoder-decoder Transformer reaches 99 % validation exact match on the dates (the
 * rule, not the budget, stops it) and is scored on the test dates once; lesson 05's GRU with
 * attention, retrained from its named settings, reaches it too, and the side-by-side table holds
 * what the prose says; the heatmap grids are shown; the try-it answers hold.
 */
final class Lesson10Claims {

    private Lesson10Claims() {}

    static void check(ExecutedNotebook nb) {
        // 1. the encoder block
        assertTrue(nb.number("encoder block by hand vs TransformerEncoderBlock: max difference = ([-0-9.eE+]+)") <= 1e-12);

        // 2. reversal
        assertTrue(nb.number("reversal: held-out accuracy before training = ([0-9.]+)") < 0.3, "an untrained tagger is near chance");
        double positions = nb.number("reversal: held-out accuracy = ([0-9.]+) of the positions");
        assertTrue(positions >= 0.95, "the stack solves reversal on held-out sequences: " + positions);
        double anti = Math.max(nb.number("layer 2, head 1: mean weight on the mirrored position = ([0-9.]+)"),
                nb.number("layer 2, head 2: mean weight on the mirrored position = ([0-9.]+)"));
        assertTrue(anti > 0.5, "a head of the last layer draws the anti-diagonal: " + anti);

        // 3. the decoder block is causal
        assertTrue(nb.number("causal: changing the last target changes positions 1-3 by ([-0-9.eE+]+)") <= 1e-15);
        assertTrue(nb.number("and position 4 by ([0-9.]+)") > 0.01);

        // 4. the Transformer on dates: the rule stops it, the test set is scored once
        assertEquals("rule", nb.find("Transformer: \\d+ updates in [0-9.]+ s, stopped by the (\\w+)"));
        double tValid = nb.number("Transformer: \\d+ updates in [0-9.]+ s, stopped by the \\w+, validation exact match = ([0-9.]+)");
        assertTrue(tValid >= 0.99, "validation exact match " + tValid);
        double tTest = nb.number("Transformer: test exact match = ([0-9.]+)");
        assertTrue(tTest >= 0.97, "test exact match " + tTest);
        assertEquals(1, count(nb.printed(), "Transformer: test exact match"), "the test dates are scored once");

        // 5. lesson 05's model, side by side
        double gValid = nb.number("GRU with attention: \\d+ updates in [0-9.]+ s, validation exact match = ([0-9.]+)");
        double gTest = nb.number("GRU with attention: .*test exact match = ([0-9.]+)");
        assertTrue(gValid >= 0.99, "the GRU reaches the rule too: " + gValid);
        assertTrue(Math.abs(gTest - tTest) <= 0.02, "both score about the same on the test dates: " + gTest + " and " + tTest);
        int gSteps = (int) nb.number("side by side: GRU (\\d+) updates"), tSteps = (int) nb.number("Transformer (\\d+) updates;");
        assertTrue(gSteps < tSteps, "the prose says the GRU needs fewer updates: " + gSteps + " vs " + tSteps);
        double gMs = nb.number("GRU ([0-9.]+) ms per update"), tMs = nb.number("Transformer ([0-9.]+) ms per update");
        assertTrue(tMs < gMs, "the prose says each Transformer update is cheaper: " + tMs + " vs " + gMs + " ms");
        long gParams = (long) nb.number("GRU with attention: (\\d+) parameters"), tParams = (long) nb.number("Transformer: (\\d+) parameters");
        assertTrue(tParams < gParams, "the prose says the Transformer has fewer parameters: " + tParams + " vs " + gParams);
        assertTrue(nb.find("(GRU \\+ additive attention \\(lesson 05\\) \\|.*)").contains(String.format("%.3f", gTest)));
        assertTrue(nb.find("(Transformer +\\|.*)").contains(String.format("%.3f", tTest)));

        // the year rows of the cross-attention
        double year = 0;
        for (int t = 0; t < 4; t++) year += nb.number("output " + t + " '\\d': weight on the year's four characters, averaged over the heads = ([0-9.]+)") / 4;
        assertTrue(year >= YEAR_SHARE, "the year rows put a large share of their weight on the year: " + year);

        // figures: the reversal grid, the decoder block's two maps, the validation curves, the cross-attention grid
        assertEquals(4, nb.figures());
        String html = String.join("\n", nb.html());
        assertTrue(html.contains("layer 2, head 2") && html.contains("Cross-attention of the last decoder block"), "both grids are shown");

        // try it: the answers
        long encoder = (long) nb.number("parameters: encoder (\\d+)"), decoder = (long) nb.number("decoder blocks (\\d+)");
        assertTrue(decoder > encoder, "answer 1: the decoder side is larger");
        for (int t = 1; t <= 4; t++)
            assertTrue(nb.number("changing the first target: position " + t + " changes by ([0-9.]+)") > 0.01, "answer 3: all four change");
    }

    /** The share of the year rows' weight on the year that the prose calls large. */
    static final double YEAR_SHARE = 0.5;

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }
}
