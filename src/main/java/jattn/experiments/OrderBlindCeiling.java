package jattn.experiments;

/**
 * The best accuracy an order-blind (permutation-equivariant) tagger can expect on the
 * {@link ReversalTask}, y_t = x_{T−1−t} with tokens uniform over V ids.
 *
 * <p>Why a ceiling. A permutation-equivariant model f (f(πx) = π f(x), e.g. a Transformer
 * encoder without positional encoding) tags position t with a function of the token x_t and of
 * the multiset S of all tokens only: if x′ has the same multiset and x′_s = x_t, some π maps x
 * to x′ and t to s, so f(x′)_s = f(x)_t. Given (x_t, S), every arrangement is equally likely, and:
 * <ul>
 * <li>T even: the mirror position T−1−t is never t, so its token is a uniform draw from the
 *     other T−1 tokens S∖{x_t}; the best guess is their most frequent id, right with probability
 *     max_b N_b / (T−1), where N counts the ids of the other T−1 tokens.</li>
 * <li>T odd: t is the middle (its own mirror) with probability 1/T, so
 *     P(mirror token = b) = ([b = x_t] + count of b in S∖{x_t}) / T = count of b in S / T:
 *     the best guess is the most frequent id of all T tokens.</li>
 * </ul>
 * The other tokens are i.i.d. uniform, so with m = T−1 (T even) or m = T (T odd) and
 * N ~ Multinomial(m; 1/V, …, 1/V):
 * <pre>
 *   ceiling = E[max_b N_b] / m = (1/m) Σ_{k=1..m} (1 − P(max_b N_b ≤ k−1)),
 *   P(max_b N_b ≤ c) = m!/V^m · [z^m] (Σ_{j=0..c} z^j / j!)^V
 * </pre>
 * (the exponential generating function of words of length m in which no id occurs more than c
 * times). Exact, from the task's structure: no sampling, no training.
 */
public final class OrderBlindCeiling {

    /** The largest m (T or T−1) accepted: m! must stay finite in double precision. */
    public static final int MAX_COUNTED = 150;

    private OrderBlindCeiling() {}

    /** The ceiling for the task's length T and vocabulary size V. */
    public static double of(ReversalTask task) {
        return of(task.length(), task.vocabSize());
    }

    /** The ceiling for sequences of {@code length} tokens over {@code vocabSize} ids (see the class comment). */
    public static double of(int length, int vocabSize) {
        if (length < 1 || vocabSize < 1)
            throw new IllegalArgumentException("OrderBlindCeiling: need length ≥ 1 and vocabSize ≥ 1, got " + length
                    + " and " + vocabSize);
        int m = length % 2 == 0 ? length - 1 : length;
        if (m > MAX_COUNTED)
            throw new IllegalArgumentException("OrderBlindCeiling: length " + length + " counts " + m
                    + " tokens, more than " + MAX_COUNTED);
        double expectedMax = 0;
        for (int k = 1; k <= m; k++) expectedMax += 1 - maxAtMost(k - 1, m, vocabSize);
        return expectedMax / m;
    }

    /** P(max_b N_b ≤ c) for N ~ Multinomial(m; uniform over v ids). */
    static double maxAtMost(int c, int m, int v) {
        double[] factor = new double[m + 1];                  // Σ_{j ≤ c} z^j / j!, truncated at z^m
        double f = 1;
        for (int j = 0; j <= Math.min(c, m); j++) {
            if (j > 0) f /= j;
            factor[j] = f;
        }
        double[] power = new double[m + 1];
        power[0] = 1;
        for (int b = 0; b < v; b++) {                         // power ← power · factor, v times
            double[] next = new double[m + 1];
            for (int i = 0; i <= m; i++) {
                if (power[i] == 0) continue;
                for (int j = 0; i + j <= m && j <= c; j++) next[i + j] += power[i] * factor[j];
            }
            power = next;
        }
        double scale = 1;                                     // m! / v^m, computed as Π (i / v)
        for (int i = 1; i <= m; i++) scale *= i / (double) v;
        return power[m] * scale;
    }
}
