package jattn.attention;

import jattn.autograd.Tensor;
import jattn.nn.Init;
import jattn.nn.Module;

import java.util.List;
import java.util.Random;

/**
 * One head of scaled dot-product self-attention: the queries, keys and values all come from
 * the same sequence X (Vaswani et al., 2017).
 * <pre>
 *   Q = X·Wq,  K = X·Wk,  V = X·Wv
 *   Y = softmax(Q·Kᵀ / √dK) · V
 * </pre>
 * Shapes: X (T×d), Wq (d×dK), Wk (d×dK), Wv (d×dV); weights (T×T), Y (T×dV). Every position
 * is computed at once from every other: no recurrence.
 *
 * <p>Masks: {@code Mask.causal()} lets position i see only positions j ≤ i (a decoder must not
 * look at the future); {@code Mask.validLen(n)} hides padding positions j ≥ validLen. Masked
 * weights are exactly 0. Without positional information the layer is permutation-equivariant:
 * permuting the rows of X permutes the rows of Y the same way.
 *
 * <p>No bias, as in the paper's equations ({@link MultiHeadAttention} has PyTorch's biases).
 * X is not modified. The projections and the attention run on the fast path
 * ({@link Gemm} products, the fused {@link ScaledDotProductAttention}); the same function from
 * plain Tensor operations is {@code AttentionPooling.scaledDotProductReadable} on X·Wq, X·Wk, X·Wv.
 */
public final class SelfAttention implements Module {

    private final Tensor wq, wk, wv;

    /** Seeded: Wq (d×dK), Wk (d×dK), Wv (d×dV) Xavier-uniform. */
    public SelfAttention(int d, int dK, int dV, Random rng) {
        this(Init.xavierUniform(d, dK, rng), Init.xavierUniform(d, dK, rng), Init.xavierUniform(d, dV, rng));
    }

    /** Given weights, used as they are: Wq (d×dK), Wk (d×dK), Wv (d×dV). */
    public SelfAttention(Tensor wq, Tensor wk, Tensor wv) {
        if (wq.rows() != wk.rows() || wq.rows() != wv.rows() || wq.cols() != wk.cols())
            throw new IllegalArgumentException("SelfAttention: Wq " + wq.shape() + ", Wk " + wk.shape() + " and Wv "
                    + wv.shape() + " do not agree; expected (d×dK), (d×dK) and (d×dV)");
        this.wq = wq;
        this.wk = wk;
        this.wv = wv;
    }

    /** Y = softmax(QKᵀ/√dK)·V over all positions. */
    public AttentionResult forward(Tensor x) {
        return forward(x, Mask.none());
    }

    /**
     * With any (T×T) {@link Mask} (true = keep): {@code Mask.causal()} (a decoder),
     * {@code Mask.validLen(n)} (padding), {@code Mask.causal().and(Mask.validLen(n))} (both).
     */
    public AttentionResult forward(Tensor x, Mask mask) {
        if (x.cols() != wq.rows())
            throw new IllegalArgumentException("SelfAttention: input " + x.shape() + " does not fit Wq " + wq.shape()
                    + "; expected (T×" + wq.rows() + ")");
        Tensor q = x.matmul(wq);                                         // Q = X·Wq: (T×d)·(d×dK) → (T×dK)
        Tensor k = x.matmul(wk);                                         // K = X·Wk: (T×d)·(d×dK) → (T×dK)
        Tensor v = x.matmul(wv);                                         // V = X·Wv: (T×d)·(d×dV) → (T×dV)
        return AttentionPooling.scaledDotProduct(q, k, v, mask);         // softmax(QKᵀ/√dK)·V
    }

    /** Wq (d×dK). */
    public Tensor wq() { return wq; }
    /** Wk (d×dK). */
    public Tensor wk() { return wk; }
    /** Wv (d×dV). */
    public Tensor wv() { return wv; }

    @Override
    public List<Tensor> parameters() { return List.of(wq, wk, wv); }
}
