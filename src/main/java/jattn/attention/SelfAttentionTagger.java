package jattn.attention;

import jattn.autograd.NoGrad;
import jattn.autograd.Tensor;
import jattn.autograd.Tensors;
import jattn.nn.Linear;
import jattn.nn.Module;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Sequence labelling with one layer of multi-head self-attention over fixed word vectors: one
 * tag per input vector (the task shape of the seed's "sequence labelling" slide).
 * <pre>
 *   X = E[ids]                         (T×d)        rows of a fixed table E (|V|×d), not trained
 *   Y = MultiHead(X, X, X; mask)       (T×d)        self-attention: query = key = value = X
 *   Z = Y·W + b                        (T×nTags)    the tag of position t is argmax Z[t]
 * </pre>
 * W (d×nTags), b (1×nTags); the trained parameters are the attention's Wq, Wk, Wv, Wo (with
 * biases) and W, b. d must be divisible by the number of heads. The {@link Context} says which
 * positions each word may look at (a mask on every head): the whole sentence, the words up to
 * itself (the causal mask), or only itself (then every weight is 1 on the word itself and the
 * model is a per-word classifier, the baseline without attention).
 *
 * <p>There are no positional encodings: the layer is permutation-equivariant, so it suits
 * tags that depend on the whole sentence but not on the order of its words (lesson 08 adds
 * positions). Sentences of any length are processed one at a time, so there is no padding;
 * a batch's logits are stacked. The table E is used as it is (not copied, not modified).
 */
public final class SelfAttentionTagger implements Module {

    /** Which words each word may attend to. */
    public enum Context {
        /** Every word of the sentence ({@link Mask#none()}). */
        WHOLE_SENTENCE,
        /** The words up to and including itself ({@link Mask#causal()}). */
        UP_TO_ITSELF,
        /** Only itself (a diagonal mask): no information moves between words. */
        ONLY_ITSELF;

        /** The (T×T) mask of this context. */
        public Mask mask() {
            return switch (this) {
                case WHOLE_SENTENCE -> Mask.none();
                case UP_TO_ITSELF -> Mask.causal();
                case ONLY_ITSELF -> (what, rows, cols) -> {
                    boolean[][] keep = new boolean[rows][cols];
                    for (int i = 0; i < Math.min(rows, cols); i++) keep[i][i] = true;
                    return keep;
                };
            };
        }
    }

    /**
     * The tagger's sizes: {@code Settings.of(4).withHeads(5).with(Context.UP_TO_ITSELF)}.
     *
     * @param nTags   the number of tags
     * @param nHeads  heads of the attention layer (they must divide d)
     * @param context which words each word may attend to
     */
    public record Settings(int nTags, int nHeads, Context context) {
        public Settings {
            if (nTags < 2) throw new IllegalArgumentException("SelfAttentionTagger.Settings: need at least 2 tags, got " + nTags);
            if (nHeads < 1) throw new IllegalArgumentException("SelfAttentionTagger.Settings: need at least 1 head, got " + nHeads);
            if (context == null) throw new IllegalArgumentException("SelfAttentionTagger.Settings: context must be given");
        }

        /** nTags tags, one head, the whole sentence. */
        public static Settings of(int nTags) { return new Settings(nTags, 1, Context.WHOLE_SENTENCE); }

        public Settings withHeads(int n) { return new Settings(nTags, n, context); }

        public Settings with(Context c) { return new Settings(nTags, nHeads, c); }
    }

    private final Tensor table;
    private final MultiHeadAttention attention;
    private final Linear head;
    private final Context context;

    /** Seeded: the attention's four projections (Xavier-uniform, zero biases) and the head over the fixed table E (|V|×d). */
    public SelfAttentionTagger(Tensor table, Settings settings, Random rng) {
        this(table, new MultiHeadAttention(new MultiHeadAttention.Settings(settings.nHeads(), table.cols()), rng),
                new Linear(table.cols(), settings.nTags(), rng), settings.context());
    }

    /** Given parts, used as they are: the attention and the head must be d = table.cols() wide. */
    public SelfAttentionTagger(Tensor table, MultiHeadAttention attention, Linear head, Context context) {
        if (attention.dModel() != table.cols() || head.inputSize() != table.cols())
            throw new IllegalArgumentException("SelfAttentionTagger: table " + table.shape() + ", attention dModel "
                    + attention.dModel() + " and head " + head.weight().shape() + " must all be d = " + table.cols() + " wide");
        this.table = Tensor.constant(table.value());                     // fixed: no gradient flows into E
        this.attention = attention;
        this.head = head;
        this.context = context;
    }

    /** X = E[ids] (T×d), the fixed word vectors of a sentence. */
    public Tensor vectors(int[] ids) {
        for (int k = 0; k < ids.length; k++)
            if (ids[k] < 0 || ids[k] >= table.rows())
                throw new IllegalArgumentException("SelfAttentionTagger: id " + ids[k] + " at position " + k
                        + " is outside the table " + table.shape());
        return table.gatherRows(ids.clone());                            // (T×d)
    }

    /** Y = MultiHead(X, X, X) with the context's mask, and every head's (T×T) weights. */
    public AttentionResult attend(int[] ids) {
        if (ids.length == 0) throw new IllegalArgumentException("SelfAttentionTagger: empty sentence");
        Tensor x = vectors(ids);
        return attention.forward(x, x, x, context.mask());               // (T×d), per head (T×T)
    }

    /** Z = Y·W + b for one sentence: (T×nTags). */
    public Tensor logits(int[] ids) {
        return head.forward(attend(ids).output());                       // (T×d)·(d×nTags) + (1×nTags)
    }

    /** Z for several sentences, stacked: (ΣT×nTags), sentence after sentence. */
    public Tensor logits(List<int[]> sentences) {
        List<Tensor> parts = new ArrayList<>(sentences.size());
        for (int[] ids : sentences) parts.add(logits(ids));
        return parts.size() == 1 ? parts.get(0) : Tensor.concatRows(parts);
    }

    /** The most likely tag of every word of a sentence (no graph is recorded). */
    public int[] predict(int[] ids) {
        try (NoGrad ignored = NoGrad.start()) {
            return Tensors.argmaxRows(logits(ids));
        }
    }

    public MultiHeadAttention attention() { return attention; }
    public Linear head() { return head; }
    public Context context() { return context; }
    /** The fixed table E (|V|×d). */
    public Tensor table() { return table; }
    public int nHeads() { return attention.nHeads(); }

    /** Wq, bq, Wk, bk, Wv, bv, Wo, bo, W, b (the table E is fixed and not among them). */
    @Override
    public List<Tensor> parameters() { return Module.collect(attention, head); }
}
