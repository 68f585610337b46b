package jattn.experiments;

import jattn.seq2seq.Attention;

/**
 * The shape of a Seq2Seq model built by {@link Seq2SeqTask#newModel}: embedding width E, state
 * width H (encoder and decoder), attention or not, and the seed of its initial weights.
 * Presets with withers, so a call site names what it changes:
 * {@code Architecture.dates().with(Attention.BAHDANAU)}.
 *
 * @param embeddingSize E, the width of the source and target embeddings
 * @param hiddenSize    H, the width of the GRU states
 * @param attention     the decoder's attention
 * @param seed          the seed of the initial weights
 */
public record Architecture(int embeddingSize, int hiddenSize, Attention attention, long seed) {

    public Architecture {
        if (embeddingSize < 1 || hiddenSize < 1)
            throw new IllegalArgumentException("Architecture: E and H must be ≥ 1, got E = " + embeddingSize + ", H = " + hiddenSize);
        if (attention == null) throw new IllegalArgumentException("Architecture: attention must be NONE or BAHDANAU, got null");
    }

    /** The PyTorch anchor's date model: E = 32, H = 64, no attention, seed 0. */
    public static Architecture dates() { return new Architecture(32, 64, Attention.NONE, 0); }

    /** The copy experiment of lessons 04 and 05: E = 16, a small state H = 32, no attention, seed 0. */
    public static Architecture copy() { return new Architecture(16, 32, Attention.NONE, 0); }

    public Architecture withEmbeddingSize(int e) { return new Architecture(e, hiddenSize, attention, seed); }
    public Architecture withHiddenSize(int h) { return new Architecture(embeddingSize, h, attention, seed); }
    public Architecture with(Attention a) { return new Architecture(embeddingSize, hiddenSize, a, seed); }
    public Architecture withSeed(long s) { return new Architecture(embeddingSize, hiddenSize, attention, s); }
}
