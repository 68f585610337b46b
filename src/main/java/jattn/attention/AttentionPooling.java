package jattn.attention;

import jattn.autograd.Tensor;
import jattn.nn.Module;

import java.util.List;

/**
 * Attention pooling: the three steps of attention with queries Q, keys K and values V.
 * <pre>
 *   e = f_sim(Q, K)         (m×n)   similarity ({@link Score})
 *   α = f_norm(e)           (m×n)   masked softmax over the keys of each row ({@link MaskedSoftmax})
 *   m = α·V                 (m×dv)  weighted sum of the values
 * </pre>
 * Shapes: Q (m×dq), K (n×dk), V (n×dv). A {@link Mask} (true = keep) may hide keys; masked
 * weights are exactly 0, and a fully masked row pools to the zero vector. No argument is
 * modified. The parameters are those of the score.
 */
public final class AttentionPooling implements Module {

    private final Score score;

    public AttentionPooling(Score score) {
        this.score = score;
    }

    /** Pools the values with weights softmax(score(Q, K)). */
    public AttentionResult forward(Tensor queries, Tensor keys, Tensor values) {
        return forward(queries, keys, values, Mask.none());
    }

    /** Pools the values with weights masked-softmax(score(Q, K)); {@code Mask.none()} keeps every key. */
    public AttentionResult forward(Tensor queries, Tensor keys, Tensor values, Mask mask) {
        requireKeysMatchValues("AttentionPooling", keys, values);
        return pool(score.scores(queries, keys), values, mask);          // e (m×n)
    }

    /**
     * Scaled dot-product attention, softmax(Q·Kᵀ/√dK)·V (Vaswani et al., 2017, eq. 1), the
     * building block of {@link SelfAttention} and {@link MultiHeadAttention}.
     * Shapes: Q (m×dK), K (n×dK), V (n×dV) → output (m×dV), weights (m×n).
     *
     * <p>Computed by the fused {@link ScaledDotProductAttention}; the same function as
     * {@link #scaledDotProductReadable}, which shows the three steps.
     */
    public static AttentionResult scaledDotProduct(Tensor queries, Tensor keys, Tensor values, Mask mask) {
        requireKeysMatchValues("scaledDotProduct", keys, values);
        return ScaledDotProductAttention.apply(queries, keys, values, mask);
    }

    /**
     * The three steps of {@link #scaledDotProduct}, one Tensor operation each, as the formula
     * reads: e = Q·Kᵀ/√dK ({@link ScaledDotScore}), α = masked-softmax(e), output α·V. Slower;
     * the tests check the fused version against it, values and gradients.
     */
    public static AttentionResult scaledDotProductReadable(Tensor queries, Tensor keys, Tensor values, Mask mask) {
        requireKeysMatchValues("scaledDotProduct", keys, values);
        return pool(new ScaledDotScore().scores(queries, keys), values, mask);
    }

    /** Steps 2 and 3 from given scores e (m×n) and values V (n×dv): α = masked-softmax(e), output α·V. */
    public static AttentionResult pool(Tensor scores, Tensor values, Mask mask) {
        if (scores.cols() != values.rows())
            throw new IllegalArgumentException("AttentionPooling: scores " + scores.shape() + " and values "
                    + values.shape() + " disagree on the number of keys");
        Tensor alpha = MaskedSoftmax.apply(scores, mask);                // (m×n)
        Tensor output = alpha.matmul(values);                            // (m×n)·(n×dv) → (m×dv)
        return new AttentionResult(output, alpha);
    }

    private static void requireKeysMatchValues(String what, Tensor keys, Tensor values) {
        if (keys.rows() != values.rows())
            throw new IllegalArgumentException(what + ": keys " + keys.shape() + " and values " + values.shape()
                    + " must have the same number of rows");
    }

    public Score score() { return score; }

    @Override
    public List<Tensor> parameters() { return score.parameters(); }
}
