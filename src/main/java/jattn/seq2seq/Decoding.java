package jattn.seq2seq;

import jattn.autograd.Tensor;

/**
 * One batch being decoded: the decoder's current state, advanced one token at a time.
 * <pre>
 *   s₀ given (the encoder's last valid state);   step t: (yₜ₋₁, sₜ₋₁) ↦ (sₜ, logitsₜ, αₜ)
 * </pre>
 * Teacher forcing feeds the true previous tokens, greedy decoding the arg max of the last
 * logits; both are loops over {@link #next}. Built by {@link Decoder#start}; one object per
 * batch, not shared between threads.
 */
public final class Decoding {

    /** One step of a particular decoder: previous token ids (B) and state (B×H) → the step's output. */
    @FunctionalInterface
    public interface Step {
        DecoderStep apply(int[] previous, Tensor state);
    }

    private final Step step;
    private Tensor state;

    public Decoding(Tensor initialState, Step step) {
        this.state = initialState;
        this.step = step;
    }

    /**
     * Feeds the previous token of every sequence (B ids, not modified) and moves the state on.
     *
     * @return the step's new state, logits (B×V) and attention weights (or null)
     */
    public DecoderStep next(int[] previous) {
        if (previous.length != state.rows())
            throw new IllegalArgumentException("Decoding: " + previous.length + " previous tokens for a state "
                    + state.shape() + "; expected one per row");
        DecoderStep out = step.apply(previous, state);
        state = out.state();
        return out;
    }

    /** The current state (B×H). */
    public Tensor state() { return state; }
}
