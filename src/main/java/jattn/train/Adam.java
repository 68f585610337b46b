package jattn.train;

import jattn.autograd.Tensor;

import java.util.List;

/**
 * Adam (Kingma and Ba, arXiv 1412.6980), computed exactly as PyTorch's {@code torch.optim.Adam}
 * (amsgrad off). For each parameter θ with gradient g, at its t-th update (t = 1, 2, …):
 * <pre>
 *   g ← g + λ·θ                      (only if weightDecay λ &gt; 0: L2 penalty, not AdamW)
 *   m ← β₁·m + (1 − β₁)·g            first moment, starts at 0
 *   v ← β₂·v + (1 − β₂)·g²           second moment, starts at 0
 *   θ ← θ − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 * Defaults as PyTorch: η = 1e-3, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, λ = 0. The bias corrections
 * 1 − βᵗ undo the moments' start at 0. Note ε is added to √v̂, not to v.
 *
 * <p>State is kept per parameter (by position in the list): m, v and t. A parameter counts
 * its own t, which advances only on steps where it has a gradient (as in PyTorch). All
 * buffers are allocated in the constructor; {@link #step()} allocates nothing. It modifies
 * the parameters' values; the gradients are only read (the weight-decay term is not written
 * into them).
 */
public final class Adam implements Optimizer {

    public static final double DEFAULT_LR = 1e-3;
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPS = 1e-8;

    private final List<Tensor> parameters;
    private final double beta1, beta2, eps, weightDecay;
    private final double[][] m, v;       // first and second moments, one buffer per parameter
    private final int[] t;               // number of updates of each parameter
    private double lr;

    /** Adam with PyTorch's defaults (η = 1e-3). */
    public Adam(List<Tensor> parameters) {
        this(parameters, DEFAULT_LR);
    }

    /** Adam with learning rate η and PyTorch's other defaults. */
    public Adam(List<Tensor> parameters, double lr) {
        this(parameters, lr, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS, 0);
    }

    /** Adam with every hyper-parameter given; β₁, β₂ in [0, 1), ε &gt; 0, weightDecay ≥ 0. */
    public Adam(List<Tensor> parameters, double lr, double beta1, double beta2, double eps, double weightDecay) {
        this.parameters = Parameters.checked("Adam", parameters);
        this.lr = Parameters.checkedRate("Adam", lr);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1))
            throw new IllegalArgumentException("Adam: betas must be in [0, 1), got " + beta1 + ", " + beta2);
        if (!(eps > 0)) throw new IllegalArgumentException("Adam: eps must be > 0, got " + eps);
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("Adam: weightDecay must be ≥ 0, got " + weightDecay);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        int n = this.parameters.size();
        this.m = new double[n][];
        this.v = new double[n][];
        this.t = new int[n];
        for (int k = 0; k < n; k++) {
            int size = this.parameters.get(k).value().getNumElements();
            m[k] = new double[size];
            v[k] = new double[size];
        }
    }

    @Override
    public void step() {
        for (int k = 0; k < parameters.size(); k++) {
            Tensor p = parameters.get(k);
            if (p.grad() == null) continue;
            double[] theta = p.value().data, grad = p.grad().data, mk = m[k], vk = v[k];
            t[k]++;
            double bias1 = 1 - Math.pow(beta1, t[k]);                      // 1 − β₁ᵗ
            double sqrtBias2 = Math.sqrt(1 - Math.pow(beta2, t[k]));       // √(1 − β₂ᵗ)
            double stepSize = lr / bias1;
            for (int i = 0; i < theta.length; i++) {
                double g = grad[i] + weightDecay * theta[i];
                mk[i] = beta1 * mk[i] + (1 - beta1) * g;                   // m ← β₁m + (1−β₁)g
                vk[i] = beta2 * vk[i] + (1 - beta2) * g * g;               // v ← β₂v + (1−β₂)g²
                theta[i] -= stepSize * mk[i] / (Math.sqrt(vk[i]) / sqrtBias2 + eps);
            }
        }
    }

    @Override public List<Tensor> parameters() { return parameters; }
    @Override public double learningRate() { return lr; }
    @Override public void setLearningRate(double lr) { this.lr = Parameters.checkedRate("Adam", lr); }

    /** How many updates parameter {@code index} has received (PyTorch's {@code state['step']}). */
    public int stepCount(int index) { return t[index]; }
}
