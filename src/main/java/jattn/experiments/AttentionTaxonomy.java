package jattn.experiments;

import jattn.attention.AdditiveScore;
import jattn.attention.AttentionPooling;
import jattn.attention.DotScore;
import jattn.attention.GeneralScore;
import jattn.attention.Mask;
import jattn.attention.MaskedSoftmax;
import jattn.attention.MultiHeadAttention;
import jattn.attention.NadarayaWatson;
import jattn.attention.ScaledDotScore;
import jattn.attention.SelfAttention;
import jattn.attention.Sparsemax;
import jattn.seq2seq.BahdanauDecoder;
import jattn.transformer.TransformerEncoderBlock;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The seed's taxonomy of attention (seed 001, "Attention Mechanism"): every attention is
 * m = α·V with α = f_norm(e) and e = f_sim(Q, K), and so is placed by three choices: what the
 * queries, keys and values are (and which of them coincide), the normalisation f_norm and the
 * similarity f_sim. One {@link Entry} per attention of the course, in the order of the lessons.
 *
 * <p>Each entry names the module classes it is built from as {@code Class} objects, so that a
 * renamed class breaks the build rather than the table. Entries of later lessons whose layers
 * are still to be written name the building blocks that exist.
 */
public final class AttentionTaxonomy {

    private AttentionTaxonomy() {}

    /**
     * One attention of the course.
     *
     * @param lesson  the lesson that shows it ("05" … "10")
     * @param name    its name
     * @param query   what Q is
     * @param key     what K is
     * @param value   what V is
     * @param fSim    the similarity e = f_sim(Q, K)
     * @param fNorm   the normalisation α = f_norm(e)
     * @param classes the module classes it is built from
     */
    public record Entry(String lesson, String name, String query, String key, String value, String fSim, String fNorm,
                        List<Class<?>> classes) {
        public Entry {
            classes = List.copyOf(classes);
        }

        /** The simple names of {@link #classes}, joined by ", ". */
        public String classNames() {
            return classes.stream().map(Class::getSimpleName).collect(Collectors.joining(", "));
        }
    }

    /** Every attention of the course, lessons 05 to 10. */
    public static List<Entry> entries() {
        return List.of(
                new Entry("05", "Bahdanau (encoder–decoder)", "s_{t−1}, the decoder state", "h_i, the encoder states",
                        "h_i (K = V)", "additive: vᵀ tanh(W s + U h + b)", "softmax over the source, masked at padding",
                        List.of(BahdanauDecoder.class, AdditiveScore.class, MaskedSoftmax.class)),
                new Entry("06", "Luong (encoder–decoder)", "s_t, the decoder state", "h_i, the encoder states", "h_i (K = V)",
                        "dot: s·h, or general: s W hᵀ", "softmax", List.of(DotScore.class, GeneralScore.class)),
                new Entry("06", "Nadaraya–Watson pooling", "x, where to predict", "x_i, the training inputs",
                        "y_i, the training outputs", "Gaussian kernel: −((x − x_i) w)²/2", "softmax",
                        List.of(NadarayaWatson.class, AttentionPooling.class)),
                new Entry("06", "sparse attention", "any", "any", "any", "any score", "sparsemax: exact zeros, no mask",
                        List.of(Sparsemax.class)),
                new Entry("07", "self-attention", "X·W_q", "X·W_k", "X·W_v (Q, K, V all from X)",
                        "scaled dot: q·k/√d", "softmax", List.of(SelfAttention.class, ScaledDotScore.class)),
                new Entry("07", "causal (masked) self-attention", "X·W_q", "X·W_k", "X·W_v (Q, K, V all from X)",
                        "scaled dot: q·k/√d", "masked softmax, keys j ≤ i", List.of(SelfAttention.class, Mask.class)),
                new Entry("07", "multi-head self-attention", "X·W_q^(h), per head", "X·W_k^(h)", "X·W_v^(h)",
                        "scaled dot, per head", "softmax, per head", List.of(MultiHeadAttention.class)),
                new Entry("09", "windowed self-attention (speech)", "X·W_q", "X·W_k, near positions only",
                        "X·W_v", "scaled dot", "masked softmax, |i − j| ≤ w", List.of(SelfAttention.class, Mask.class)),
                new Entry("09", "graph attention", "node features", "the neighbours' features", "the neighbours' features",
                        "scaled dot", "masked softmax, edges of the graph", List.of(MultiHeadAttention.class, Mask.class)),
                new Entry("10", "Transformer encoder", "X·W_q", "X·W_k", "X·W_v (Q, K, V all from X)",
                        "scaled dot, per head", "softmax, masked at padding", List.of(TransformerEncoderBlock.class)),
                new Entry("10", "Transformer decoder: cross-attention", "the decoder's states",
                        "the encoder's outputs", "the encoder's outputs (K = V)", "scaled dot, per head",
                        "softmax, masked at source padding", List.of(MultiHeadAttention.class)));
    }

    /** The entries as a table: lesson, attention, Q, K, V, f_sim, f_norm, module. */
    public static Table table() {
        List<Entry> e = entries();
        return Table.create("Attention by (Q, K, V), f_sim and f_norm",
                StringColumn.create("lesson", e.stream().map(Entry::lesson).toList()),
                StringColumn.create("attention", e.stream().map(Entry::name).toList()),
                StringColumn.create("query Q", e.stream().map(Entry::query).toList()),
                StringColumn.create("key K", e.stream().map(Entry::key).toList()),
                StringColumn.create("value V", e.stream().map(Entry::value).toList()),
                StringColumn.create("f_sim", e.stream().map(Entry::fSim).toList()),
                StringColumn.create("f_norm", e.stream().map(Entry::fNorm).toList()),
                StringColumn.create("in the module", e.stream().map(Entry::classNames).toList()));
    }
}
