package jattn.embedding;

import jattn.autograd.Tensor;
import jattn.text.Cosine;
import jattn.text.Vocabulary;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A table of word vectors looked up by word: row i of E (V×d) is the vector of the
 * vocabulary's token i. Similarity is the cosine, cos(a, b) = a·b / (‖a‖ ‖b‖)
 * ({@link Cosine}); the nearest neighbours of a word are the words of largest cosine.
 *
 * <p>The table may be trained embeddings ({@link SkipGramTrainer}) or the identity, i.e.
 * one-hot vectors ({@link #oneHot}), for comparison. The reserved tokens {@code <pad>} and
 * {@code <unk>} are never returned as neighbours. The table is used as is, not copied; no
 * method modifies it.
 */
public final class WordVectors {

    /** A word and its cosine similarity to the query. */
    public record Neighbour(String word, double cosine) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %.3f", word, cosine);
        }
    }

    private final Vocabulary vocabulary;
    private final Tensor table;

    /** The vectors {@code table} (V×d) of the tokens of {@code vocabulary} (V of them). */
    public WordVectors(Vocabulary vocabulary, Tensor table) {
        if (table.rows() != vocabulary.size())
            throw new IllegalArgumentException("WordVectors: table " + table.shape() + " needs one row per token of a vocabulary of "
                    + vocabulary.size());
        this.vocabulary = vocabulary;
        this.table = table;
    }

    /** One-hot vectors: the (V×V) identity, row i = eᵢ. Every two distinct words have cosine 0. */
    public static WordVectors oneHot(Vocabulary vocabulary) {
        int n = vocabulary.size();
        DMatrixRMaj identity = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) identity.unsafe_set(i, i, 1.0);
        return new WordVectors(vocabulary, Tensor.constant(identity));
    }

    public Vocabulary vocabulary() { return vocabulary; }
    /** E (V×d). */
    public Tensor table() { return table; }
    public int dModel() { return table.cols(); }

    /** The index of {@code word}. @throws IllegalArgumentException if it is not in the vocabulary */
    public int indexOf(String word) {
        if (!vocabulary.contains(word))
            throw new IllegalArgumentException("WordVectors: \"" + word + "\" is not in the vocabulary (" + vocabulary.size() + " tokens)");
        return vocabulary.indexOf(word);
    }

    /** The (1×d) vector of {@code word}, a copy. */
    public Tensor vector(String word) {
        return Tensor.constant(CommonOps_DDRM.extractRow(table.value(), indexOf(word), null));
    }

    /** cos(vector(a), vector(b)). */
    public double cosine(String a, String b) {
        return Cosine.similarity(table, indexOf(a), table, indexOf(b));
    }

    /** The {@code k} words nearest to {@code word} by cosine, most similar first, the word itself left out. */
    public List<Neighbour> nearest(String word, int k) {
        return nearest(vector(word), k, Set.of(word));
    }

    /**
     * The {@code k} words nearest to the (1×d) {@code query}, most similar first, leaving out
     * {@code exclude} and the reserved tokens. Ties keep vocabulary order.
     */
    public List<Neighbour> nearest(Tensor query, int k, Set<String> exclude) {
        if (query.rows() != 1 || query.cols() != table.cols())
            throw new IllegalArgumentException("WordVectors: query " + query.shape() + " must be a (1×" + table.cols()
                    + ") row like the rows of the table " + table.shape());
        if (k < 0) throw new IllegalArgumentException("WordVectors: k must be ≥ 0, got " + k);
        DMatrixRMaj cos = Cosine.matrix(query, table);                       // (1×d)·(V×d)ᵀ → (1×V)
        List<Neighbour> all = new ArrayList<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            String w = vocabulary.tokenOf(i);
            if (i == Vocabulary.PAD_INDEX || i == Vocabulary.UNK_INDEX || exclude.contains(w)) continue;
            all.add(new Neighbour(w, cos.get(0, i)));
        }
        all.sort((x, y) -> Double.compare(y.cosine(), x.cosine()));          // stable: ties keep vocabulary order
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }

    /**
     * Solves "a is to b as c is to ?" by the vector offset b − a + c (Mikolov et al. 2013):
     * the {@code k} words nearest to it, leaving out a, b and c.
     */
    public List<Neighbour> analogy(String a, String b, String c, int k) {
        Tensor target = vector(b).sub(vector(a)).add(vector(c));            // (1×d)
        return nearest(target, k, Set.of(a, b, c));
    }
}
