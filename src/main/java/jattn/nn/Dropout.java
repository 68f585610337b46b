package jattn.nn;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;

import java.util.List;
import java.util.Random;

/**
 * Inverted dropout: in training, every element is zeroed with probability p and the kept
 * ones are scaled by 1/(1 − p), so that E[Y] = X and evaluation needs no rescaling.
 *
 * <p>Y = X ⊙ M with M (same shape as X) drawn afresh on each call: Mᵢⱼ = 1/(1 − p) with
 * probability 1 − p, else 0 (p = 1 gives M = 0). ∂L/∂X = G ⊙ M. In evaluation mode
 * {@code forward} returns X itself. X is never modified.
 *
 * <p>The masks come from this layer's own seeded {@link Random}, so a run is repeatable.
 * To gradient-check the random operation, either hold the mask fixed with
 * {@link #apply(Tensor, DMatrixRMaj)}, or build a new layer with the same seed inside the
 * loss, so every evaluation draws the same mask. Starts in training mode, as in PyTorch.
 */
public final class Dropout implements Module {

    private final double p;
    private final Random rng;
    private boolean training = true;
    private DMatrixRMaj lastMask;

    /** A layer that drops with probability p ∈ [0, 1], drawing masks from {@code rng} (kept and advanced). */
    public Dropout(double p, Random rng) {
        if (!(p >= 0 && p <= 1))
            throw new IllegalArgumentException("Dropout: probability " + p + " is outside [0, 1]");
        this.p = p;
        this.rng = rng;
    }

    /** Y = X ⊙ M with a fresh mask in training, Y = X in evaluation: (n×m) → (n×m). */
    public Tensor forward(Tensor x) {
        if (!training) return x;
        lastMask = sampleMask(x.rows(), x.cols());
        return apply(x, lastMask);
    }

    /** A (rows×cols) mask: 1/(1 − p) with probability 1 − p, else 0. Advances the generator. */
    public DMatrixRMaj sampleMask(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        double keptScale = p < 1 ? 1 / (1 - p) : 0;
        for (int i = 0; i < m.data.length; i++) m.data[i] = rng.nextDouble() >= p ? keptScale : 0;
        return m;
    }

    /** Y = X ⊙ M for a given mask M (same shape as X, not modified, kept by the graph). */
    public static Tensor apply(Tensor x, DMatrixRMaj mask) {
        if (mask.numRows != x.rows() || mask.numCols != x.cols())
            throw new IllegalArgumentException("Dropout: input " + x.shape() + " and mask " + Tensor.shape(mask) + " differ");
        return x.mul(Tensor.constant(mask));                             // (n×m) ⊙ (n×m)
    }

    /** Training mode: {@link #forward} drops. Returns this. */
    public Dropout train() { training = true; return this; }

    /** Evaluation mode: {@link #forward} is the identity. Returns this. */
    public Dropout eval() { training = false; return this; }

    public boolean isTraining() { return training; }
    public double p() { return p; }

    /** The mask of the last training-mode {@link #forward}, or null; for plots and tests. */
    public DMatrixRMaj lastMask() { return lastMask; }

    /** None: dropout has no trainable parameters. */
    @Override
    public List<Tensor> parameters() {
        return List.of();
    }
}
