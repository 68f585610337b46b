package jattn.attention;

import jattn.autograd.Tensor;
import jattn.nn.Init;

import java.util.List;
import java.util.Random;

/**
 * General (bilinear) score: e = Q·W·Kᵀ, eᵢⱼ = qᵢ·W·kⱼᵀ (Luong et al., 2015, "general").
 *
 * <p>Shapes: Q (m×dq), W (dq×dk), K (n×dk) → (m×n). Queries and keys may have different
 * widths. W is the only parameter (Xavier-uniform when seeded); inputs are not modified.
 */
public final class GeneralScore implements Score {

    private final Tensor w;

    /** A seeded W (dq×dk). */
    public GeneralScore(int dq, int dk, Random rng) {
        this(Init.xavierUniform(dq, dk, rng));
    }

    /** A given W (dq×dk), used as it is (not copied). */
    public GeneralScore(Tensor w) {
        this.w = w;
    }

    @Override
    public Tensor scores(Tensor queries, Tensor keys) {
        if (queries.cols() != w.rows() || keys.cols() != w.cols())
            throw new IllegalArgumentException("GeneralScore: queries " + queries.shape() + " and keys " + keys.shape()
                    + " do not fit W " + w.shape() + "; expected (m×" + w.rows() + ") and (n×" + w.cols() + ")");
        return queries.matmul(w).matmulTransB(keys);                     // (m×dq)·(dq×dk)·(n×dk)ᵀ → (m×n)
    }

    /** W (dq×dk). */
    public Tensor weight() { return w; }

    @Override
    public List<Tensor> parameters() { return List.of(w); }
}
