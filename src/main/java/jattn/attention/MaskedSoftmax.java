package jattn.attention;

import jattn.autograd.Tensor;

/**
 * Row-wise softmax over the entries a {@link Mask} keeps; masked entries get weight
 * <b>exactly 0</b>.
 *
 * <p>For row i with kept set Kᵢ: yᵢⱼ = exp(xᵢⱼ/τ − maxᵢ) / Σ_{k∈Kᵢ} exp(xᵢₖ/τ − maxᵢ) for j ∈ Kᵢ,
 * yᵢⱼ = 0 otherwise, where maxᵢ is the largest kept logit. Masked entries are skipped rather
 * than filled with −1e9 (d2l, PyTorch's {@code masked_fill}), so their weight is 0.0 exactly,
 * never a tiny positive number, and logits of ±1e4 neither overflow nor leak weight.
 * Backward as in {@link Softmax}: ∂xᵢⱼ = (1/τ)·yᵢⱼ·(gᵢⱼ − Σₖ gᵢₖyᵢₖ), which is 0 on masked entries.
 *
 * <p><b>A fully masked row</b> (Kᵢ empty, e.g. valid length 0) returns all-zero weights and
 * passes back a zero gradient: an attention output built from it is the zero vector. This is a
 * choice: the formula is 0/0 there. PyTorch returns NaN for such a row with a boolean mask, and
 * uniform weights when the scores were filled with −1e9.
 *
 * <p>Shapes: X (m×n) → Y (m×n). X is not modified.
 */
public final class MaskedSoftmax {

    private MaskedSoftmax() {}

    /** Softmax over kept entries; {@code Mask.none()} (or null) means nothing is masked. */
    public static Tensor apply(Tensor x, Mask mask) {
        return apply(x, mask, 1.0);
    }

    /** Softmax of X/τ over kept entries; {@code Mask.none()} (or null) means nothing is masked. */
    public static Tensor apply(Tensor x, Mask mask, double temperature) {
        return Softmax.op("maskedSoftmax", x, mask, temperature);
    }

    /**
     * Padding mask with one length per row: key j of row i is kept iff j &lt; validLens[i];
     * validLens has one entry per row of x (for other layouts see {@link Mask}).
     */
    public static Tensor apply(Tensor x, int[] validLensPerRow) {
        return apply(x, Mask.validLensPerRow(validLensPerRow));
    }

    /** Explicit (m×n) mask, true = keep (causal, graph adjacency, …). */
    public static Tensor apply(Tensor x, boolean[][] keep) {
        return apply(x, Mask.of(keep));
    }
}
