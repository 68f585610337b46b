package jattn.train;

import jattn.autograd.Tensor;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Checks shared by the optimisers: a parameter list that can be updated in place. */
final class Parameters {

    private Parameters() {}

    /** An unmodifiable copy of {@code parameters}, after checking each is trainable and appears once. */
    static List<Tensor> checked(String who, List<Tensor> parameters) {
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            Tensor p = parameters.get(i);
            if (!p.requiresGrad())
                throw new IllegalArgumentException(who + ": parameter " + i + " " + p.shape() + " is a constant, not a parameter");
            if (seen.put(p, Boolean.TRUE) != null)
                throw new IllegalArgumentException(who + ": parameter " + i + " " + p.shape() + " appears twice");
        }
        return List.copyOf(parameters);
    }

    static double checkedRate(String who, double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr))
            throw new IllegalArgumentException(who + ": learning rate must be finite and ≥ 0, got " + lr);
        return lr;
    }
}
