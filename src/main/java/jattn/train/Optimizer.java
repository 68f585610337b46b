package jattn.train;

import jattn.autograd.Tensor;

import java.util.List;

/**
 * Updates parameters from their gradients: one {@link #step()} after each {@code loss.backward()}.
 *
 * <p>The usual loop is {@code zeroGrad(); loss = f(batch); loss.backward(); step();}.
 * {@link #step()} modifies the parameters' values in place and reads, but does not modify,
 * their gradients. A parameter whose gradient was never allocated (no gradient reached it
 * yet) is skipped, as PyTorch skips parameters whose {@code .grad} is None.
 */
public interface Optimizer {

    /** Applies one update to every parameter that has a gradient. */
    void step();

    /** The parameters this optimiser updates, in a fixed order (unmodifiable). */
    List<Tensor> parameters();

    double learningRate();

    /** Sets the learning rate used by the next {@link #step()} (a schedule calls this before each step). */
    void setLearningRate(double lr);

    /** Sets every parameter's gradient to zero. */
    default void zeroGrad() {
        for (Tensor p : parameters()) p.zeroGrad();
    }
}
