package jattn.nn;

import jattn.autograd.Tensor;

import java.util.function.Function;

/**
 * A residual (skip) connection (He et al., 2016): y = x + sublayer(x).
 *
 * <p>Shapes: X (n×d) → Y (n×d); the sublayer must return (n×d) too (no broadcasting, so a
 * sublayer that returns the wrong shape is caught). The gradient reaches X along both
 * paths: ∂L/∂X = G + (∂sublayer/∂X)ᵀG, which is why deep stacks still train.
 *
 * <p>Where the layer norm goes is left to the caller: the Transformer paper writes
 * LayerNorm(x + Sublayer(x)) (post-norm); the Annotated Transformer uses
 * x + Sublayer(LayerNorm(x)) (pre-norm). Both are {@code apply} with a different argument.
 */
public final class Residual {

    private Residual() {}

    /** Y = X + sublayer(X): (n×d) → (n×d). X is not modified. */
    public static Tensor apply(Tensor x, Function<Tensor, Tensor> sublayer) {
        Tensor fx = sublayer.apply(x);
        if (fx.rows() != x.rows() || fx.cols() != x.cols())
            throw new IllegalArgumentException("Residual: sublayer output " + fx.shape() + " differs from its input "
                    + x.shape() + "; a residual connection needs equal shapes");
        return x.add(fx);                                                // (n×d) + (n×d)
    }
}
