package jattn.embedding;

import jattn.text.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import java.util.SplittableRandom;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestNegativeSampler {

    static final double EXACT = 1e-12;
    static final int DRAWS = 200_000;

    @Test
    void probabilitiesAreCountsToTheThreeQuarters() {
        // 16^¾ = 8 and 1^¾ = 1: P = 8/9 and 1/9; a word never seen is never drawn
        NegativeSampler s = new NegativeSampler(new int[]{0, 16, 1});
        assertEquals(0.0, s.probability(0), EXACT);
        assertEquals(8.0 / 9, s.probability(1), EXACT);
        assertEquals(1.0 / 9, s.probability(2), EXACT);
        // power 1 is the unigram distribution; power 0 uniform over the seen words
        NegativeSampler unigram = new NegativeSampler(new int[]{3, 0, 1}, 1.0);
        assertEquals(0.75, unigram.probability(0), EXACT);
        assertEquals(1.0 / 3, new NegativeSampler(new int[]{5, 1, 0, 9}, 0.0).probability(1), EXACT);
    }

    @Test
    void fromAVocabularyTheReservedTokensAreNeverDrawn() {
        // "the" 16 times, "cat" once: P = 8/9, 1/9; <pad> and <unk> have count 0
        List<String> words = new ArrayList<>(Collections.nCopies(16, "the"));
        words.add("cat");
        Vocabulary vocab = Vocabulary.of(words);
        NegativeSampler s = NegativeSampler.of(vocab);
        assertEquals(vocab.size(), s.size());
        assertEquals(0.0, s.probability(Vocabulary.PAD_INDEX), EXACT);
        assertEquals(0.0, s.probability(Vocabulary.UNK_INDEX), EXACT);
        assertEquals(8.0 / 9, s.probability(vocab.indexOf("the")), EXACT);
        assertEquals(1.0 / 9, s.probability(vocab.indexOf("cat")), EXACT);
    }

    @Test
    void drawsFollowTheProbabilities() {
        int[] counts = {0, 0, 50, 10, 1, 0, 200, 3};
        NegativeSampler s = new NegativeSampler(counts);
        long[] seen = new long[counts.length];
        SplittableRandom rng = new SplittableRandom(11);
        for (int i = 0; i < DRAWS; i++) seen[s.sample(rng)]++;
        for (int w = 0; w < counts.length; w++) {
            double p = s.probability(w);
            double sd = Math.sqrt(p * (1 - p) / DRAWS);
            assertEquals(p, seen[w] / (double) DRAWS, 5 * sd + 1e-9, "word " + w);
            if (counts[w] == 0) assertEquals(0, seen[w], "word " + w + " has count 0");
        }
    }

    @Test
    void sameSeedSameDraws() {
        NegativeSampler s = new NegativeSampler(new int[]{4, 9, 1, 7});
        SplittableRandom a = new SplittableRandom(3), b = new SplittableRandom(3);
        for (int i = 0; i < 100; i++) assertEquals(s.sample(a), s.sample(b));
        // one word: always that word
        NegativeSampler one = new NegativeSampler(new int[]{0, 5});
        for (int i = 0; i < 10; i++) assertEquals(1, one.sample(a));
        assertEquals(2, one.size());
    }

    @Test
    void badCountsAreRejected() {
        assertRejects(() -> new NegativeSampler(new int[]{0, 0}), "every count is 0");
        assertRejects(() -> new NegativeSampler(new int[]{2, -1}), "word 1", "-1");
        assertRejects(() -> new NegativeSampler(new int[0]), "no words");
    }
}
