package jattn.transformer;

import jattn.attention.MultiHeadAttention;

/**
 * The sizes of a seeded {@link TransformerEncoder} and of its {@link TransformerEncoderBlock}s,
 * named, so that a call site reads without the source open:
 * {@code TransformerSettings.paper().withVocabSize(20).withDModel(32).withHeads(4).withFeedForward(64).withLayers(2)}.
 *
 * @param vocabSize |V|, the number of token ids (the embedding table is |V|×dModel)
 * @param dModel    d, the width of every position's vector
 * @param nHeads    heads per block; dModel must be divisible by nHeads (dK = dModel / nHeads), checked
 *                  when a block is built, so that the withers may come in any order
 * @param dFF       the hidden width of the position-wise feed-forward network
 * @param nLayers   N, the number of blocks
 * @param maxLen    the longest sequence the positional table covers
 * @param dropout   the dropout probability of the embeddings and of every sub-layer's output
 * @param positions how positions are encoded
 */
public record TransformerSettings(int vocabSize, int dModel, int nHeads, int dFF, int nLayers, int maxLen,
                                  double dropout, Positions positions) {

    /** How the encoder tells positions apart. */
    public enum Positions {
        /** The paper's fixed sines and cosines ({@link jattn.position.SinusoidalPositionalEncoding}). */
        SINUSOIDAL,
        /** A learned (maxLen×dModel) table ({@link jattn.position.LearnedPositionalEncoding}). */
        LEARNED,
        /** None: the encoder is permutation-equivariant. */
        NONE
    }

    public TransformerSettings {
        if (vocabSize < 1) throw new IllegalArgumentException("TransformerSettings: vocabSize must be ≥ 1, got " + vocabSize);
        if (dFF < 1) throw new IllegalArgumentException("TransformerSettings: dFF must be ≥ 1, got " + dFF);
        if (nLayers < 1) throw new IllegalArgumentException("TransformerSettings: nLayers must be ≥ 1, got " + nLayers);
        if (maxLen < 1) throw new IllegalArgumentException("TransformerSettings: maxLen must be ≥ 1, got " + maxLen);
        if (!(dropout >= 0 && dropout < 1))
            throw new IllegalArgumentException("TransformerSettings: dropout must be in [0, 1), got " + dropout);
        if (positions == null) throw new IllegalArgumentException("TransformerSettings: positions must be given");
    }

    /**
     * The paper's base model (Vaswani et al., 2017, table 3): dModel 512, 8 heads, dFF 2048,
     * 6 layers, dropout 0.1, sinusoidal positions; |V| 37 000 (its shared BPE vocabulary) and
     * sequences up to 512.
     */
    public static TransformerSettings paper() {
        return new TransformerSettings(37_000, 512, 8, 2048, 6, 512, 0.1, Positions.SINUSOIDAL);
    }

    /** The size of one block's multi-head attention. */
    public MultiHeadAttention.Settings attention() {
        return new MultiHeadAttention.Settings(nHeads, dModel);
    }

    public TransformerSettings withVocabSize(int v) {
        return new TransformerSettings(v, dModel, nHeads, dFF, nLayers, maxLen, dropout, positions);
    }

    public TransformerSettings withDModel(int d) {
        return new TransformerSettings(vocabSize, d, nHeads, dFF, nLayers, maxLen, dropout, positions);
    }

    public TransformerSettings withHeads(int h) {
        return new TransformerSettings(vocabSize, dModel, h, dFF, nLayers, maxLen, dropout, positions);
    }

    public TransformerSettings withFeedForward(int hidden) {
        return new TransformerSettings(vocabSize, dModel, nHeads, hidden, nLayers, maxLen, dropout, positions);
    }

    public TransformerSettings withLayers(int n) {
        return new TransformerSettings(vocabSize, dModel, nHeads, dFF, n, maxLen, dropout, positions);
    }

    public TransformerSettings withMaxLen(int n) {
        return new TransformerSettings(vocabSize, dModel, nHeads, dFF, nLayers, n, dropout, positions);
    }

    public TransformerSettings withDropout(double p) {
        return new TransformerSettings(vocabSize, dModel, nHeads, dFF, nLayers, maxLen, p, positions);
    }

    public TransformerSettings withPositions(Positions p) {
        return new TransformerSettings(vocabSize, dModel, nHeads, dFF, nLayers, maxLen, dropout, p);
    }
}
