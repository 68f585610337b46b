package jattn.nn;

import jattn.autograd.Tensor;

import java.util.List;
import java.util.Random;

/**
 * The Transformer's position-wise feed-forward network (Vaswani et al., 2017, §3.3):
 * <pre>  FFN(x) = max(0, x·W₁ + b₁)·W₂ + b₂  </pre>
 * applied to every position (row) separately with the same weights.
 *
 * <p>Shapes: X (n×dModel) → hidden (n×dFF) → Y (n×dModel); W₁ (dModel×dFF), b₁ (1×dFF),
 * W₂ (dFF×dModel), b₂ (1×dModel), as two {@link Linear} layers (Xavier weights, zero biases).
 * X is not modified.
 */
public final class PositionwiseFeedForward implements Module {

    private final Linear first;
    private final Linear second;

    /** dModel → dFF → dModel, seeded. The paper uses dModel = 512, dFF = 2048. */
    public PositionwiseFeedForward(int dModel, int dFF, Random rng) {
        this(new Linear(dModel, dFF, rng), new Linear(dFF, dModel, rng));
    }

    /**
     * From PyTorch's state dict with {@code nn.TransformerEncoderLayer}'s names: linear1.weight
     * (dFF×dModel), linear1.bias (dFF), linear2.weight (dModel×dFF), linear2.bias (dModel), for
     * linear2(relu(linear1(x))). Copied.
     */
    public static PositionwiseFeedForward fromTorch(TorchWeights torch) {
        return new PositionwiseFeedForward(Linear.fromTorch(torch.under("linear1")), Linear.fromTorch(torch.under("linear2")));
    }

    /** Given layers: first (dModel→dFF) and second (dFF→dModel), used as is. */
    public PositionwiseFeedForward(Linear first, Linear second) {
        if (first.outputSize() != second.inputSize() || second.outputSize() != first.inputSize())
            throw new IllegalArgumentException("PositionwiseFeedForward: W₁ " + first.weight().shape() + " and W₂ "
                    + second.weight().shape() + " do not make dModel → dFF → dModel");
        this.first = first;
        this.second = second;
    }

    /** FFN(X) = max(0, X·W₁ + b₁)·W₂ + b₂: (n×dModel) → (n×dModel). */
    public Tensor forward(Tensor x) {
        Tensor hidden = first.forward(x).relu();                         // (n×dModel)·(dModel×dFF) → (n×dFF)
        return second.forward(hidden);                                   // (n×dFF)·(dFF×dModel) → (n×dModel)
    }

    /** {@link #forward} with each layer as one fused operation ({@link Linear#forwardFused}): equal values and gradients. */
    public Tensor forwardFused(Tensor x) {
        Tensor hidden = first.forwardFused(x).relu();                    // (n×dModel)·(dModel×dFF) → (n×dFF)
        return second.forwardFused(hidden);                              // (n×dFF)·(dFF×dModel) → (n×dModel)
    }

    /** The layer x ↦ x·W₁ + b₁. */
    public Linear first() { return first; }
    /** The layer h ↦ h·W₂ + b₂. */
    public Linear second() { return second; }
    public int dModel() { return first.inputSize(); }
    public int dFF() { return first.outputSize(); }

    @Override
    public List<Tensor> parameters() {
        return Module.collect(first, second);
    }
}
