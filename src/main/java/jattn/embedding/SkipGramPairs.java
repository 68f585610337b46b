package jattn.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The (centre, context) pairs of skip-gram: every word wₜ of a sentence is a centre, and
 * every word w_{t+j} with 1 ≤ |j| ≤ b is one of its contexts (the window does not cross
 * the sentence's ends).
 *
 * <p>b is the window size, or, with a dynamic window as in the original word2vec, a size
 * drawn uniformly from 1…window for each centre, so that near words are used more often than
 * far ones (a word at distance j is used with probability (window − j + 1)/window).
 *
 * <p>Pairs come out centre by centre, contexts from left to right. No argument is modified.
 */
public final class SkipGramPairs {

    /** Receives one pair: {@code (centre id, context id)}. */
    @FunctionalInterface
    public interface PairConsumer {
        void accept(int centre, int context);
    }

    /** One training example of skip-gram. */
    public record Pair(int centre, int context) {}

    private SkipGramPairs() {}

    /** Every pair of {@code ids} with the fixed window {@code window}, as a list (for reading, not for training). */
    public static List<Pair> of(int[] ids, int window) {
        List<Pair> pairs = new ArrayList<>();
        forEach(ids, ids.length, window, null, (c, o) -> pairs.add(new Pair(c, o)));
        return pairs;
    }

    /**
     * Sends every pair of the first {@code length} ids to {@code out}, without allocating.
     *
     * @param ids     the word ids of one sentence (only the first {@code length} are used)
     * @param window  the largest distance between centre and context, ≥ 1
     * @param dynamic draws each centre's window from 1…window if not null (advanced once per
     *                centre); null for a fixed window
     */
    public static void forEach(int[] ids, int length, int window, SplittableRandom dynamic, PairConsumer out) {
        if (window < 1) throw new IllegalArgumentException("SkipGramPairs: window must be ≥ 1, got " + window);
        if (length < 0 || length > ids.length)
            throw new IllegalArgumentException("SkipGramPairs: length " + length + " is outside [0, " + ids.length + "]");
        for (int t = 0; t < length; t++) {
            int b = dynamic == null ? window : 1 + dynamic.nextInt(window);
            int from = Math.max(0, t - b), to = Math.min(length - 1, t + b);
            for (int j = from; j <= to; j++)
                if (j != t) out.accept(ids[t], ids[j]);
        }
    }
}
