package jattn.seq2seq;

/**
 * Whether a Seq2Seq model's decoder attends to the encoder states: a named setting instead of
 * a boolean at call sites ({@code jattn.experiments.Architecture.dates().with(Attention.BAHDANAU)}, {@code new Seq2Seq(source, target, E, H, Attention.BAHDANAU, rng)}).
 */
public enum Attention {
    /** The plain decoder ({@link jattn.seq2seq.GruDecoder}): the source reaches it only through s₀ = h_n. */
    NONE,
    /** The decoder with Bahdanau's additive attention ({@link jattn.seq2seq.BahdanauDecoder}). */
    BAHDANAU;

    /** Whether the decoder attends. */
    public boolean attends() { return this == BAHDANAU; }
}
