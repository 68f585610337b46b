package jattn.train;

import jattn.autograd.Tensor;

import java.util.List;

/**
 * Stochastic gradient descent, optionally with momentum, as PyTorch's {@code torch.optim.SGD}
 * (no dampening, no Nesterov, no weight decay):
 * <pre>
 *   without momentum:  θ ← θ − η·g
 *   with momentum μ:   b ← μ·b + g   (b starts at 0, so the first b is g)
 *                      θ ← θ − η·b
 * </pre>
 * The velocity buffers b are allocated once, in the constructor, so {@link #step()} allocates
 * nothing. {@code step()} modifies the parameters' values; the gradients are only read.
 */
public final class Sgd implements Optimizer {

    private final List<Tensor> parameters;
    private final double momentum;
    private final double[][] velocity;   // b, one buffer per parameter; null without momentum
    private double lr;

    /** Plain SGD: θ ← θ − η·g. */
    public Sgd(List<Tensor> parameters, double lr) {
        this(parameters, lr, 0);
    }

    /** SGD with momentum μ in [0, 1). */
    public Sgd(List<Tensor> parameters, double lr, double momentum) {
        this.parameters = Parameters.checked("Sgd", parameters);
        this.lr = Parameters.checkedRate("Sgd", lr);
        if (!(momentum >= 0 && momentum < 1))
            throw new IllegalArgumentException("Sgd: momentum must be in [0, 1), got " + momentum);
        this.momentum = momentum;
        this.velocity = momentum == 0 ? null : new double[this.parameters.size()][];
        if (velocity != null)
            for (int k = 0; k < velocity.length; k++) velocity[k] = new double[this.parameters.get(k).value().getNumElements()];
    }

    @Override
    public void step() {
        for (int k = 0; k < parameters.size(); k++) {
            Tensor p = parameters.get(k);
            if (p.grad() == null) continue;
            double[] theta = p.value().data, g = p.grad().data;
            if (velocity == null) {
                for (int i = 0; i < theta.length; i++) theta[i] -= lr * g[i];                 // θ ← θ − η·g
            } else {
                double[] b = velocity[k];
                for (int i = 0; i < theta.length; i++) {
                    b[i] = momentum * b[i] + g[i];                                          // b ← μ·b + g
                    theta[i] -= lr * b[i];                                                  // θ ← θ − η·b
                }
            }
        }
    }

    @Override public List<Tensor> parameters() { return parameters; }
    @Override public double learningRate() { return lr; }
    @Override public void setLearningRate(double lr) { this.lr = Parameters.checkedRate("Sgd", lr); }
    public double momentum() { return momentum; }
}
