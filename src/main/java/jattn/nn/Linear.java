package jattn.nn;

import jattn.autograd.Tensor;

import java.util.List;
import java.util.Random;

/**
 * A fully connected layer: Y = X·W + b.
 *
 * <p>Shapes: X (n×dIn), W (dIn×dOut), b (1×dOut) added to every row, Y (n×dOut).
 * W is stored (dIn×dOut), the transpose of PyTorch's {@code nn.Linear.weight}, so that the
 * code reads like the formula. W is Xavier-uniform, b starts at zero.
 */
public final class Linear implements Module {

    private final Tensor weight;
    private final Tensor bias; // null when built without bias

    /** A layer with bias. */
    public Linear(int dIn, int dOut, Random rng) {
        this(dIn, dOut, Bias.INCLUDED, rng);
    }

    /** A layer with or without bias: {@code new Linear(6, 4, Bias.NONE, rng)}. */
    public Linear(int dIn, int dOut, Bias bias, Random rng) {
        this(Init.xavierUniform(dIn, dOut, rng), bias == Bias.INCLUDED ? Init.zeros(1, dOut) : null);
    }

    /** A layer without bias, with a given weight W (dIn×dOut). */
    public Linear(Tensor weight) {
        this(weight, null);
    }

    /** A layer with given parameters: W (dIn×dOut), b (1×dOut) or null. */
    public Linear(Tensor weight, Tensor bias) {
        if (bias != null && (bias.rows() != 1 || bias.cols() != weight.cols()))
            throw new IllegalArgumentException("Linear: bias " + bias.shape() + " does not fit weight " + weight.shape()
                    + "; expected (1×" + weight.cols() + ")");
        this.weight = weight;
        this.bias = bias;
    }

    /**
     * From PyTorch's {@code nn.Linear} state dict: weight (out×in), bias (out) if there is one;
     * W = weightᵀ (in×out), b = bias as (1×out). Copied.
     */
    public static Linear fromTorch(TorchWeights torch) {
        int out = torch.rows("weight"), in = torch.cols("weight");
        Tensor w = torch.transposedRows("weight", 0, out, in);          // (out×in)ᵀ → (in×out)
        return torch.has("bias") ? new Linear(w, Tensor.parameter(torch.vector("bias", out))) : new Linear(w);
    }

    /** Y = X·W + b: (n×dIn) → (n×dOut). */
    public Tensor forward(Tensor x) {
        if (x.cols() != weight.rows())
            throw new IllegalArgumentException("Linear: input " + x.shape() + " does not fit weight " + weight.shape()
                    + "; expected (n×" + weight.rows() + ")");
        Tensor y = x.matmul(weight);                                     // (n×dIn)·(dIn×dOut) → (n×dOut)
        return bias == null ? y : y.add(bias);                           // + (1×dOut) on every row
    }

    /**
     * The same Y = X·W + b as {@link #forward}, as one fused operation ({@link FusedAffine}) when
     * there is a bias: equal values and gradients, one graph node and one (n×dOut) buffer fewer.
     */
    public Tensor forwardFused(Tensor x) {
        if (bias == null) return forward(x);
        if (x.cols() != weight.rows())
            throw new IllegalArgumentException("Linear: input " + x.shape() + " does not fit weight " + weight.shape()
                    + "; expected (n×" + weight.rows() + ")");
        return FusedAffine.apply(x, weight, bias);                       // (n×dIn)·(dIn×dOut) + (1×dOut)
    }

    public Tensor weight() { return weight; }
    public Tensor bias() { return bias; }
    public int inputSize() { return weight.rows(); }
    public int outputSize() { return weight.cols(); }

    @Override
    public List<Tensor> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}
