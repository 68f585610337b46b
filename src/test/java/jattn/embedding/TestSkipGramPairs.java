package jattn.embedding;

import jattn.embedding.SkipGramPairs.Pair;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestSkipGramPairs {

    /** Largest deviation allowed between an observed and an expected frequency. */
    static final double FREQ_TOL = 0.01;

    @Test
    void windowTwoOnTheCourseSentence() {
        // china=0 is=1 a=2 great=3 country=4
        List<Pair> pairs = SkipGramPairs.of(new int[]{0, 1, 2, 3, 4}, 2);
        List<Pair> expected = List.of(
                new Pair(0, 1), new Pair(0, 2),
                new Pair(1, 0), new Pair(1, 2), new Pair(1, 3),
                new Pair(2, 0), new Pair(2, 1), new Pair(2, 3), new Pair(2, 4),
                new Pair(3, 1), new Pair(3, 2), new Pair(3, 4),
                new Pair(4, 2), new Pair(4, 3));
        assertEquals(expected, pairs);
    }

    @Test
    void windowOneAndShortSentences() {
        assertEquals(List.of(new Pair(7, 8), new Pair(8, 7), new Pair(8, 9), new Pair(9, 8)),
                SkipGramPairs.of(new int[]{7, 8, 9}, 1));
        assertEquals(List.of(), SkipGramPairs.of(new int[]{5}, 3));            // one word: no context
        assertEquals(List.of(new Pair(5, 5), new Pair(5, 5)), SkipGramPairs.of(new int[]{5, 5}, 4)); // a repeated word is its own context
    }

    @Test
    void onlyTheFirstLengthIdsAreUsed() {
        List<Pair> pairs = new ArrayList<>();
        SkipGramPairs.forEach(new int[]{1, 2, 3, 4}, 2, 5, null, (c, o) -> pairs.add(new Pair(c, o)));
        assertEquals(List.of(new Pair(1, 2), new Pair(2, 1)), pairs);
    }

    @Test
    void dynamicWindowUsesNearWordsMoreOften() {
        int window = 3, n = 40;
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) ids[i] = i;
        long[] atDistance = new long[window + 1];
        long centres = 0;
        SplittableRandom rng = new SplittableRandom(4);
        for (int rep = 0; rep < 2000; rep++) {
            SkipGramPairs.forEach(ids, n, window, rng, (c, o) -> atDistance[Math.abs(c - o)]++);
            centres += n;
        }
        // a word at distance j is a context with probability (window − j + 1)/window, on each side
        for (int j = 1; j <= window; j++) {
            double perCentre = atDistance[j] / (double) centres;
            double wordsAtJ = 2.0 * (n - j) / n;                                 // words at distance j, per centre
            assertEquals((window - j + 1.0) / window * wordsAtJ, perCentre, FREQ_TOL, "distance " + j);
        }
        assertEquals(0, atDistance[0], "a centre is not its own context");
    }

    @Test
    void badArgumentsAreRejected() {
        assertRejects(() -> SkipGramPairs.of(new int[]{1, 2}, 0), "window", "0");
        assertRejects(() -> SkipGramPairs.forEach(new int[]{1, 2}, 3, 1, null, (c, o) -> { }), "length 3", "[0, 2]");
    }
}
