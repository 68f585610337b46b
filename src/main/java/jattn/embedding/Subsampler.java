package jattn.embedding;

import jattn.text.Vocabulary;

import java.util.SplittableRandom;

/**
 * Subsampling of frequent words (Mikolov et al. 2013): each occurrence of a word w with
 * relative frequency f(w) is kept with probability
 * <pre>
 *   P_keep(w) = (√(f(w)/t) + 1) · t / f(w)      (capped at 1)
 * </pre>
 * the formula of the original word2vec code (the paper writes the discard probability
 * 1 − √(t/f(w)), nearly the same). Words rarer than t are always kept; "the", "is", "a" are
 * mostly dropped, so they crowd the windows less and training spends its time on the
 * informative pairs. Typical t: 10⁻³ to 10⁻⁵; t = 0 keeps every word. The counts are read, not kept.
 */
public final class Subsampler {

    private final double[] keep;   // P_keep by word id

    /** Subsampling of the tokens of {@code vocabulary} by their counts, with threshold t. */
    public static Subsampler of(Vocabulary vocabulary, double threshold) {
        return new Subsampler(NegativeSampler.counts(vocabulary), threshold);
    }

    /**
     * @param counts    occurrences of each word id (not modified)
     * @param threshold t ≥ 0; 0 disables subsampling
     */
    public Subsampler(int[] counts, double threshold) {
        if (!(threshold >= 0)) throw new IllegalArgumentException("Subsampler: threshold must be ≥ 0, got " + threshold);
        long total = 0;
        for (int c : counts) total += c;
        keep = new double[counts.length];
        for (int w = 0; w < counts.length; w++) {
            double f = total == 0 ? 0 : (double) counts[w] / total;
            keep[w] = threshold == 0 || f == 0 ? 1.0 : Math.min(1.0, (Math.sqrt(f / threshold) + 1) * threshold / f);
        }
    }

    /** P_keep of word {@code w}. */
    public double keepProbability(int w) {
        return keep[w];
    }

    /**
     * Copies the kept ids of {@code ids} to the front of {@code out} and returns how many were
     * kept; {@code rng} is advanced once per word whose P_keep is below 1. {@code ids} is not
     * modified; {@code out} may be {@code ids} itself.
     */
    public int filter(int[] ids, int[] out, SplittableRandom rng) {
        int n = 0;
        for (int id : ids)
            if (keep[id] >= 1.0 || rng.nextDouble() < keep[id]) out[n++] = id;
        return n;
    }
}
