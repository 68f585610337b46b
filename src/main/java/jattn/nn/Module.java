package jattn.nn;

import jattn.autograd.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Anything with trainable parameters: a layer, a block, a whole model.
 *
 * <p>A module lists its parameters (leaf tensors whose gradients are kept) so that an
 * optimiser can update them and {@link #zeroGrad()} can clear them. Composite modules list
 * their children's parameters with {@link #collect}.
 */
public interface Module {

    /** The trainable leaves of this module and of its children, in a fixed order. */
    List<Tensor> parameters();

    /** Sets every parameter's gradient to zero. */
    default void zeroGrad() {
        for (Tensor p : parameters()) p.zeroGrad();
    }

    /** The number of trainable scalars. */
    default long parameterCount() {
        long n = 0;
        for (Tensor p : parameters()) n += p.value().getNumElements();
        return n;
    }

    /** The parameters of several modules, concatenated in order. */
    static List<Tensor> collect(Module... children) {
        List<Tensor> all = new ArrayList<>();
        for (Module m : children) all.addAll(m.parameters());
        return all;
    }
}
