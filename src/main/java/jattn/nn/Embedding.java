package jattn.nn;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;

import java.util.List;
import java.util.Random;

/**
 * A lookup table of word vectors: token id i ↦ row i of W.
 *
 * <p>Shapes: W (vocabSize×dModel); {@code forward(ids)} returns (len(ids)×dModel), row k
 * being W[ids[k]]. The lookup is the product of the one-hot matrix with W, OneHot(ids)·W,
 * computed without building the (len×vocabSize) one-hot matrix: ∂L/∂W gets G's row k added
 * to row ids[k] (repeated ids add up).
 *
 * <p>Optional padding index, as PyTorch's {@code padding_idx}: that row of W starts at zero,
 * the output at a padding position is zero, and no gradient reaches the row, so it stays
 * zero under training. Code: {@code W.gatherRows(ids) ⊙ m} with m a (len×1) column that is
 * 0 at padding positions and 1 elsewhere.
 *
 * <p>W starts N(0, 1), as in PyTorch's {@code nn.Embedding}.
 */
public final class Embedding implements Module {

    /** The padding index when there is none. */
    public static final int NO_PADDING = -1;

    private final Tensor weight;
    private final int paddingIdx;

    /** A table of N(0, 1) vectors without padding index. */
    public Embedding(int vocabSize, int dModel, Random rng) {
        this(vocabSize, dModel, NO_PADDING, rng);
    }

    /** A table of N(0, 1) vectors whose row {@code paddingIdx} is zero (or {@link #NO_PADDING}). */
    public Embedding(int vocabSize, int dModel, int paddingIdx, Random rng) {
        this(Init.normal(vocabSize, dModel, 1.0, rng), paddingIdx);
        if (paddingIdx != NO_PADDING)
            for (int j = 0; j < dModel; j++) weight.value().set(paddingIdx, j, 0.0);
    }

    /** A table with the given W (vocabSize×dModel), used as is (not copied), without padding. */
    public Embedding(Tensor weight) {
        this(weight, NO_PADDING);
    }

    /**
     * A table with the given W (vocabSize×dModel), used as is (not copied; its padding row is
     * not changed, but the output at padding positions is zero whatever it holds).
     */
    public Embedding(Tensor weight, int paddingIdx) {
        if (paddingIdx != NO_PADDING && (paddingIdx < 0 || paddingIdx >= weight.rows()))
            throw new IllegalArgumentException("Embedding: padding index " + paddingIdx
                    + " is outside the rows of " + weight.shape());
        this.weight = weight;
        this.paddingIdx = paddingIdx;
    }

    /** The vectors of the tokens: ids (len) → (len×dModel). {@code ids} is not modified. */
    public Tensor forward(int... ids) {
        for (int k = 0; k < ids.length; k++)
            if (ids[k] < 0 || ids[k] >= weight.rows())
                throw new IllegalArgumentException("Embedding: id " + ids[k] + " at position " + k
                        + " is outside the vocabulary of " + weight.rows() + " (weight " + weight.shape() + ")");
        Tensor rows = weight.gatherRows(ids.clone());                    // OneHot(ids)·W: (len×vocab)·(vocab×d) → (len×d)
        if (paddingIdx == NO_PADDING) return rows;
        DMatrixRMaj keep = new DMatrixRMaj(ids.length, 1);
        boolean anyPadding = false;
        for (int k = 0; k < ids.length; k++) {
            boolean pad = ids[k] == paddingIdx;
            keep.data[k] = pad ? 0 : 1;
            anyPadding |= pad;
        }
        return anyPadding ? rows.mul(Tensor.constant(keep)) : rows;      // (len×d) ⊙ (len×1)
    }

    /** W (vocabSize×dModel); its value is the live table. */
    public Tensor weight() { return weight; }
    public int vocabSize() { return weight.rows(); }
    public int dModel() { return weight.cols(); }
    /** The padding index, or {@link #NO_PADDING}. */
    public int paddingIdx() { return paddingIdx; }

    @Override
    public List<Tensor> parameters() {
        return List.of(weight);
    }
}
