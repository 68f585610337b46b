package jattn.rnn;

import jattn.autograd.Tensor;
import jattn.nn.Module;

/**
 * One step of a recurrent network: the new state from the current input and the previous
 * state, h' = f(x, h), for a batch of B sequences at once.
 *
 * <p>Shapes: x (B×dIn), h (B×H) → h' (B×H), with dIn = {@link #inputSize()} and
 * H = {@link #hiddenSize()}. Implementations do not modify x or h. {@link Recurrent} runs a
 * cell over time steps; lessons can also call {@link #step} in their own loop.
 */
public interface RecurrentCell extends Module {

    /** h' = f(x, h): x (B×dIn), h (B×H) → (B×H). Neither argument is modified. */
    Tensor step(Tensor x, Tensor h);

    /** dIn, the width of each input row. */
    int inputSize();

    /** H, the width of the state. */
    int hiddenSize();

    /** The zero state (B×H), the usual h₀. */
    default Tensor zeroState(int batch) {
        return Tensor.zeros(batch, hiddenSize());
    }

    /** Throws IllegalArgumentException naming both shapes unless x is (B×dIn) and h is (B×H) for one B. */
    default void checkStep(Tensor x, Tensor h) {
        if (x.cols() != inputSize() || h.cols() != hiddenSize() || x.rows() != h.rows())
            throw new IllegalArgumentException(getClass().getSimpleName() + ": input x " + x.shape() + " and state h "
                    + h.shape() + " do not fit a cell with inputSize " + inputSize() + " and hiddenSize " + hiddenSize()
                    + "; expected (B×" + inputSize() + ") and (B×" + hiddenSize() + ")");
    }
}
