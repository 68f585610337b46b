package jattn.attention;

import jattn.autograd.Tensor;

/**
 * Dot-product score: e = Q·Kᵀ, eᵢⱼ = qᵢ·kⱼ (Luong et al., 2015).
 *
 * <p>Shapes: Q (m×d), K (n×d) → (m×n); queries and keys must have the same width d. No
 * parameters; inputs are not modified. Large d makes the scores large and the softmax peaked:
 * see {@link ScaledDotScore}.
 */
public final class DotScore implements Score {

    @Override
    public Tensor scores(Tensor queries, Tensor keys) {
        Score.requireSameWidth("DotScore", queries, keys);
        return queries.matmulTransB(keys);                               // (m×d)·(n×d)ᵀ → (m×n)
    }
}
