package jattn.attention;

import jattn.autograd.Tensor;
import jattn.nn.Module;

import java.util.List;

/**
 * A similarity function e = f_sim(Q, K) between every query and every key: the first step of
 * attention, before the weights α = softmax(e) and the output αV ({@link AttentionPooling}).
 *
 * <p>Shapes: queries Q (m×dq), keys K (n×dk) → scores (m×n), entry (i, j) the score of query
 * row i against key row j. Neither input is modified. Implementations: {@link DotScore},
 * {@link ScaledDotScore}, {@link GeneralScore}, {@link AdditiveScore}, {@link CosineScore},
 * {@link NadarayaWatson}. A score with parameters lists them through {@link Module}.
 */
public interface Score extends Module {

    /** The (m×n) scores of queries (m×dq) against keys (n×dk). */
    Tensor scores(Tensor queries, Tensor keys);

    /** Scores without parameters list none. */
    @Override
    default List<Tensor> parameters() {
        return List.of();
    }

    /** Throws IllegalArgumentException naming both shapes unless queries and keys have the same width. */
    static void requireSameWidth(String what, Tensor queries, Tensor keys) {
        if (queries.cols() != keys.cols())
            throw new IllegalArgumentException(what + ": queries " + queries.shape() + " and keys " + keys.shape()
                    + " must have the same width");
    }
}
