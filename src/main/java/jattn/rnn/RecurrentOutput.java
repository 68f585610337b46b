package jattn.rnn;

import jattn.autograd.Tensor;

import java.util.List;

/**
 * What {@link Recurrent} returns for a padded batch of B sequences of T steps.
 *
 * @param outputs   T matrices (B×H): row b of step t is the state after step t of sequence b,
 *                  and zero where t ≥ validLens[b] (padding)
 * @param lastState (B×H): row b is the state after the last valid step, t = validLens[b] − 1
 *                  (the encoder's summary of the sequence)
 */
public record RecurrentOutput(List<Tensor> outputs, Tensor lastState) {

    public RecurrentOutput {
        outputs = List.copyOf(outputs);
    }

    /** The outputs as one (B·T×H) matrix, row b·T + t; builds a new node on each call. */
    public Tensor stacked() {
        return TimeSteps.stack(outputs);
    }

    /** T, the number of time steps. */
    public int steps() { return outputs.size(); }

    /** B, the number of sequences. */
    public int batchSize() { return lastState.rows(); }
}
