package jattn.attention;

import jattn.autograd.Tensor;

/**
 * Scaled dot-product score: e = Q·Kᵀ / √d, where d is the width of the keys (Vaswani et al.,
 * 2017, "Attention is all you need", eq. 1).
 *
 * <p>Why √d: if the entries of q and k are independent with mean 0 and variance 1, q·k has
 * variance d; dividing by √d brings it back to 1, so the softmax does not saturate.
 * (d2l-java's shared copy once divided by √2 instead; the tests check the scale by hand.)
 *
 * <p>Shapes: Q (m×d), K (n×d) → (m×n). No parameters; inputs are not modified.
 */
public final class ScaledDotScore implements Score {

    @Override
    public Tensor scores(Tensor queries, Tensor keys) {
        Score.requireSameWidth("ScaledDotScore", queries, keys);
        double d = keys.cols();
        return queries.matmulTransB(keys).scale(1 / Math.sqrt(d));       // (m×d)·(n×d)ᵀ / √d → (m×n)
    }
}
