package jattn.attention;

import jattn.autograd.Tensor;

/**
 * Cosine score: eᵢⱼ = qᵢ·kⱼ / (‖qᵢ‖ε ‖kⱼ‖ε) with ‖x‖ε = √(Σ x² + ε), in [−1, 1].
 *
 * <p>The ε under the square root keeps the score defined (and 0) for a zero vector and its
 * gradient finite; for ordinary vectors it changes the result by about ε / (2‖x‖²).
 * Shapes: Q (m×d), K (n×d) → (m×n). No parameters; inputs are not modified.
 */
public final class CosineScore implements Score {

    /** The default ε. */
    public static final double EPSILON = 1e-12;

    private final double epsilon;

    public CosineScore() { this(EPSILON); }

    public CosineScore(double epsilon) {
        if (!(epsilon >= 0)) throw new IllegalArgumentException("CosineScore: epsilon must be ≥ 0, got " + epsilon);
        this.epsilon = epsilon;
    }

    @Override
    public Tensor scores(Tensor queries, Tensor keys) {
        Score.requireSameWidth("CosineScore", queries, keys);
        return unitRows(queries).matmulTransB(unitRows(keys));          // (m×d)·(n×d)ᵀ → (m×n)
    }

    /** Each row divided by its ε-norm: (n×d) → (n×d). */
    private Tensor unitRows(Tensor x) {
        Tensor norms = x.square().rowSums().addScalar(epsilon).sqrt();  // (n×1)
        return x.div(norms);                                             // (n×d) ⊘ (n×1)
    }
}
