package jattn.embedding;

import jattn.text.Vocabulary;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws the "noise" words of negative sampling from the unigram distribution raised to 3/4
 * (Mikolov et al. 2013, "Distributed Representations of Words and Phrases"):
 * P(w) = count(w)^α / Σᵥ count(v)^α with α = {@value #POWER}. The power flattens the
 * distribution: rare words are drawn more often than their frequency, frequent ones less.
 *
 * <p>Sampling inverts the cumulative distribution by binary search (exact, O(log V)); the
 * original word2vec fills a table of 10⁸ entries instead. A word with count 0 (the reserved
 * {@code <pad>} and {@code <unk>} of a vocabulary) is never drawn. The counts are copied.
 */
public final class NegativeSampler {

    /** The exponent α of the original word2vec. */
    public static final double POWER = 0.75;

    private final double[] cumulative;   // cumulative[w] = P(0) + … + P(w)

    /** A sampler over the tokens of {@code vocabulary} with P(w) ∝ count(w)^{@value #POWER}. */
    public static NegativeSampler of(Vocabulary vocabulary) {
        return new NegativeSampler(counts(vocabulary));
    }

    /** How often each token of {@code vocabulary} occurred, by index (0 for unused reserved tokens). */
    static int[] counts(Vocabulary vocabulary) {
        int[] counts = new int[vocabulary.size()];
        for (int i = 0; i < counts.length; i++) counts[i] = vocabulary.count(i);
        return counts;
    }

    /** A sampler over ids 0…counts.length−1 with P(w) ∝ counts[w]^{@value #POWER}. */
    public NegativeSampler(int[] counts) {
        this(counts, POWER);
    }

    /** A sampler with P(w) ∝ counts[w]^power (power 1: the unigram distribution, 0: uniform over seen words). */
    public NegativeSampler(int[] counts, double power) {
        if (counts.length == 0) throw new IllegalArgumentException("NegativeSampler: no words");
        cumulative = new double[counts.length];
        double total = 0;
        for (int w = 0; w < counts.length; w++) {
            if (counts[w] < 0) throw new IllegalArgumentException("NegativeSampler: count of word " + w + " is " + counts[w]);
            total += counts[w] == 0 ? 0 : Math.pow(counts[w], power);
            cumulative[w] = total;
        }
        if (total == 0) throw new IllegalArgumentException("NegativeSampler: every count is 0");
        for (int w = 0; w < counts.length; w++) cumulative[w] /= total;
        cumulative[counts.length - 1] = 1.0;
    }

    /** P(w). */
    public double probability(int w) {
        return w == 0 ? cumulative[0] : cumulative[w] - cumulative[w - 1];
    }

    /** The number of ids, V. */
    public int size() {
        return cumulative.length;
    }

    /** One word id drawn from P (advances {@code rng} once). */
    public int sample(SplittableRandom rng) {
        double r = rng.nextDouble();                     // in [0, 1)
        int i = Arrays.binarySearch(cumulative, r);
        int w = i >= 0 ? i + 1 : -i - 1;                 // the first w with cumulative[w] > r
        while (probability(w) == 0) w++;                 // ties at r exactly skip zero-count words
        return w;
    }
}
