package jattn.embedding;

import jattn.text.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import java.util.SplittableRandom;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestSubsampler {

    static final double EXACT = 1e-12;
    static final int WORDS = 100_000;

    @Test
    void keepProbabilityByHand() {
        // total 1000, t = 0.01: f = 0.9 → (√90 + 1)/90; f = 0.1 → (√10 + 1)·0.1; f = 0.001 < t → always kept
        Subsampler s = new Subsampler(new int[]{900, 99, 1, 0}, 0.01);
        assertEquals((Math.sqrt(90) + 1) / 90, s.keepProbability(0), EXACT);
        assertEquals((Math.sqrt(9.9) + 1) * 0.01 / 0.099, s.keepProbability(1), EXACT);
        assertEquals(1.0, s.keepProbability(2), EXACT);
        assertEquals(1.0, s.keepProbability(3), EXACT);
        assertTrue(s.keepProbability(0) < s.keepProbability(1), "the more frequent word is dropped more");
    }

    @Test
    void fromAVocabulary() {
        // 9 × "the", 1 × "cat": f = 0.9 and 0.1 with t = 0.01; the unused <pad> is always kept
        List<String> words = new ArrayList<>(Collections.nCopies(9, "the"));
        words.add("cat");
        Vocabulary vocab = Vocabulary.of(words);
        Subsampler s = Subsampler.of(vocab, 0.01);
        assertEquals((Math.sqrt(90) + 1) / 90, s.keepProbability(vocab.indexOf("the")), EXACT);
        assertEquals((Math.sqrt(10) + 1) * 0.1, s.keepProbability(vocab.indexOf("cat")), EXACT);
        assertEquals(1.0, s.keepProbability(Vocabulary.PAD_INDEX), EXACT);
    }

    @Test
    void filterKeepsTheExpectedFraction() {
        Subsampler s = new Subsampler(new int[]{900, 100}, 0.01);
        int[] ids = new int[WORDS];
        for (int i = 0; i < WORDS; i++) ids[i] = i % 10 == 0 ? 1 : 0;
        int[] out = new int[WORDS];
        int n = s.filter(ids, out, new SplittableRandom(5));
        long ones = 0;
        for (int i = 0; i < n; i++) ones += out[i];
        double p0 = s.keepProbability(0), p1 = s.keepProbability(1);
        double expected = 0.9 * WORDS * p0 + 0.1 * WORDS * p1;
        assertEquals(expected, n, 5 * Math.sqrt(expected));
        assertEquals(0.1 * WORDS * p1, ones, 5 * Math.sqrt(0.1 * WORDS * p1));
    }

    @Test
    void thresholdZeroKeepsEverythingInPlace() {
        Subsampler s = new Subsampler(new int[]{900, 100}, 0);
        int[] ids = {1, 0, 0, 1, 0};
        SplittableRandom rng = new SplittableRandom(1);
        assertEquals(5, s.filter(ids, ids, rng));
        assertArrayEquals(new int[]{1, 0, 0, 1, 0}, ids);
        assertEquals(new SplittableRandom(1).nextLong(), rng.nextLong(), "the random generator was not used");
    }

    @Test
    void filterInPlaceKeepsOrder() {
        Subsampler s = new Subsampler(new int[]{1000, 1, 1, 1}, 1e-3);   // word 0 is dropped ~96% of the time
        int[] ids = {0, 1, 0, 2, 0, 0, 3};
        int n = s.filter(ids, ids, new SplittableRandom(2));
        StringBuilder rare = new StringBuilder();
        for (int i = 0; i < n; i++) if (ids[i] != 0) rare.append(ids[i]);
        assertEquals("123", rare.toString());
    }

    @Test
    void negativeThresholdIsRejected() {
        assertRejects(() -> new Subsampler(new int[]{1}, -1e-3), "threshold");
    }
}
