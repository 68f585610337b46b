package jattn.seq2seq;

import jattn.autograd.Tensor;

/**
 * What the encoder hands to the decoder for a batch of B source sequences padded to T steps.
 *
 * @param states     hs, the encoder state after every step, stacked (B·T×H) with row b·T + t;
 *                   zero where t ≥ validLens[b] (padding). Attention reads these.
 * @param finalState the state after the last VALID step of each sequence (B×H), t = validLens[b] − 1:
 *                   the single vector a decoder without attention gets to see.
 * @param validLens  B source lengths, each in [1, T] (copied; the accessor returns a copy)
 */
public record Encoded(Tensor states, Tensor finalState, int[] validLens) {

    public Encoded {
        validLens = validLens.clone();
        if (validLens.length != finalState.rows() || validLens.length == 0 || states.rows() % validLens.length != 0
                || states.cols() != finalState.cols())
            throw new IllegalArgumentException("Encoded: states " + states.shape() + ", final state " + finalState.shape()
                    + " and " + validLens.length + " valid lengths do not describe one batch; expected (B·T×H), (B×H), B");
    }

    /** A copy of the valid lengths. */
    @Override
    public int[] validLens() { return validLens.clone(); }

    /** B, the number of sequences. */
    public int batch() { return validLens.length; }

    /** T, the padded source length. */
    public int steps() { return states.rows() / validLens.length; }

    /** H, the width of a state. */
    public int hidden() { return finalState.cols(); }
}
