package jattn.position;

import jattn.autograd.Tensor;

/**
 * Adds position information to a sequence of vectors: X + P[0:T]. Self-attention alone is
 * permutation-equivariant (it treats its input as a set); adding a different vector to each
 * position lets it tell positions apart (Vaswani et al., 2017, section 3.5).
 *
 * <p>Shapes: the table P (maxLen×dModel); a sequence X (T×dModel) with T ≤ maxLen; a stack of
 * B sequences of length T as one (B·T×dModel) matrix with row b·T + t (see
 * {@link #encode(Tensor, int)}). Inputs are not modified; gradients flow to X and, for a
 * learned table, to P.
 */
public interface PositionalEncoding {

    /** P (maxLen×dModel): row pos is the encoding of position pos. */
    Tensor table();

    default int maxLen() { return table().rows(); }

    default int dModel() { return table().cols(); }

    /** X + P[0:T]: (T×dModel) → (T×dModel). */
    default Tensor encode(Tensor x) {
        return encode(x, x.rows());
    }

    /** Each block of seqLen rows of X (B·seqLen×dModel) gets P[0:seqLen] added: row b·T + t gets P[t]. */
    default Tensor encode(Tensor x, int seqLen) {
        String name = getClass().getSimpleName();
        if (x.cols() != dModel())
            throw new IllegalArgumentException(name + ": input " + x.shape() + " does not fit table " + table().shape()
                    + "; expected " + dModel() + " columns");
        if (seqLen < 1 || seqLen > maxLen() || x.rows() % seqLen != 0)
            throw new IllegalArgumentException(name + ": input " + x.shape() + " is not a stack of sequences of length "
                    + seqLen + " ≤ maxLen for table " + table().shape());
        if (x.rows() == seqLen) return x.add(table().sliceRows(0, seqLen));  // (T×d) + (T×d)
        int[] positions = new int[x.rows()];
        for (int r = 0; r < positions.length; r++) positions[r] = r % seqLen;
        return x.add(table().gatherRows(positions));                    // (B·T×d) + (B·T×d)
    }

    /**
     * The first {@code positions} rows of the table as a picture, one row per feature
     * dimension and one column per position: entry (j, pos) = P[pos, j] / max |P[0:positions]|,
     * so that tables of different scales can share one colour scale in [−1, 1]. (d×positions);
     * the table is not modified. An all-zero table stays zero.
     */
    default double[][] featuresByPosition(int positions) {
        if (positions < 1 || positions > maxLen())
            throw new IllegalArgumentException(getClass().getSimpleName() + ": " + positions
                    + " positions asked of table " + table().shape() + "; need 1 … " + maxLen());
        double max = 0;
        for (int pos = 0; pos < positions; pos++)
            for (int j = 0; j < dModel(); j++) max = Math.max(max, Math.abs(table().get(pos, j)));
        double scale = max == 0 ? 1 : 1 / max;
        double[][] picture = new double[dModel()][positions];
        for (int pos = 0; pos < positions; pos++)
            for (int j = 0; j < dModel(); j++) picture[j][pos] = table().get(pos, j) * scale;
        return picture;
    }
}
