package jattn.text;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;

import java.util.List;

/**
 * One-hot vectors: token i of a vocabulary of size V is the (1×V) row eᵢ, 1 at column i and 0
 * elsewhere. A sequence of T tokens is the (T×V) matrix whose row t is e_{ids[t]}.
 *
 * <p>Multiplying by a (V×d) matrix E picks rows: eᵢ·E = row i of E, which is why an embedding
 * lookup ({@link Tensor#gatherRows}) is the same as a one-hot product, only without the V−1
 * multiplications by zero. Every two distinct one-hot vectors are orthogonal (cosine 0, see
 * {@link Cosine}) and V grows with the vocabulary: the motivation for dense embeddings.
 *
 * <p>The results are constants (no gradient); arguments are not modified.
 */
public final class OneHot {

    private OneHot() {}

    /** eᵢ: a (1×V) row with a 1 at column {@code index}. */
    public static Tensor of(int index, int vocabSize) {
        return of(new int[]{index}, vocabSize);
    }

    /** The (T×V) matrix whose row t is e_{ids[t]}. */
    public static Tensor of(int[] ids, int vocabSize) {
        if (vocabSize < 1) throw new IllegalArgumentException("OneHot: vocabSize must be ≥ 1, got " + vocabSize);
        DMatrixRMaj m = new DMatrixRMaj(ids.length, vocabSize);               // (T×V)
        for (int t = 0; t < ids.length; t++) {
            if (ids[t] < 0 || ids[t] >= vocabSize)
                throw new IllegalArgumentException("OneHot: id " + ids[t] + " at position " + t + " is outside [0, " + vocabSize + ")");
            m.unsafe_set(t, ids[t], 1.0);
        }
        return Tensor.constant(m);
    }

    /** The one-hot rows of a tokenised sentence in {@code vocab}: (T×V); unknown tokens become {@code <unk>}. */
    public static Tensor of(List<String> sentence, Vocabulary vocab) {
        return of(vocab.encode(sentence), vocab.size());
    }
}
