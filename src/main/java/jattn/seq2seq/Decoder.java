package jattn.seq2seq;

import jattn.nn.Embedding;
import jattn.nn.Module;

/**
 * The decoder of a Seq2Seq model: emits the target sequence one token at a time, starting
 * from the encoder's last valid state s₀ and feeding back the previous token yₜ₋₁:
 * <pre>  (yₜ₋₁, sₜ₋₁, encoder output) ↦ sₜ, logitsₜ (B×V)</pre>
 * {@link GruDecoder} sees the source only through s₀; {@link BahdanauDecoder} also attends to
 * every encoder state at every step.
 */
public interface Decoder extends Module {

    /** Starts decoding a batch from the encoder's output (not modified); work that every step shares is done here, once. */
    Decoding start(Encoded source);

    /** The target-token embedding (V×E). */
    Embedding embedding();

    /** V, the number of target tokens (the width of the logits). */
    int vocabSize();

    /** H, the width of the state sₜ; equal to the encoder's. */
    int hiddenSize();

    /** Whether the decoder attends to the encoder states (and so returns attention weights). */
    boolean attends();
}
