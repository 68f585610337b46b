package jattn.nn;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;

import java.util.List;

/**
 * Layer normalisation over each row (Ba, Kiros and Hinton, 2016), as PyTorch's
 * {@code nn.LayerNorm(d)}:
 * <pre>
 *   μ = (1/d) Σⱼ xⱼ,   σ² = (1/d) Σⱼ (xⱼ − μ)²   (the biased variance),
 *   x̂ = (x − μ) / √(σ² + ε),   y = γ ⊙ x̂ + β
 * </pre>
 * Shapes: X (n×d) → Y (n×d); γ, β (1×d), shared by all rows; γ starts at 1, β at 0, ε = 1e-5.
 *
 * <p>{@link #forward} is one fused operation with its analytic backward, with r = 1/√(σ² + ε)
 * per row and Ĝ = G ⊙ γ:
 * <pre>
 *   ∂L/∂β = Σᵢ Gᵢ,   ∂L/∂γ = Σᵢ Gᵢ ⊙ x̂ᵢ,   ∂L/∂x = r · (Ĝ − mean(Ĝ) − x̂ ⊙ mean(Ĝ ⊙ x̂))   (means along the row)
 * </pre>
 * {@link #forwardReadable} builds the same function from Tensor operations, to read and to
 * test against. X is not modified.
 */
public final class LayerNorm implements Module {

    /** ε of PyTorch's default. */
    public static final double DEFAULT_EPS = 1e-5;

    private final Tensor gamma;
    private final Tensor beta;
    private final double eps;

    /** γ = 1, β = 0 of width d, ε = 1e-5. */
    public LayerNorm(int d) {
        this(Init.filled(1, d, 1.0), Init.zeros(1, d), DEFAULT_EPS);
    }

    /** The given γ and β (1×d each, used as is, not copied) and ε &gt; 0. */
    public LayerNorm(Tensor gamma, Tensor beta, double eps) {
        if (gamma.rows() != 1 || beta.rows() != 1 || gamma.cols() != beta.cols())
            throw new IllegalArgumentException("LayerNorm: gain " + gamma.shape() + " and bias " + beta.shape()
                    + " must be equal (1×d) rows");
        if (!(eps > 0)) throw new IllegalArgumentException("LayerNorm: ε = " + eps + " must be positive");
        this.gamma = gamma;
        this.beta = beta;
        this.eps = eps;
    }

    /** Y = γ ⊙ (X − μ)/√(σ² + ε) + β, row by row, fused: (n×d) → (n×d). */
    public Tensor forward(Tensor x) {
        checkWidth(x);
        int n = x.rows(), d = x.cols();
        double[] xv = x.value().data, g = gamma.value().data, b = beta.value().data;
        DMatrixRMaj xHat = new DMatrixRMaj(n, d);                         // kept for the backward
        double[] rstd = new double[n];                                   // 1/√(σ² + ε) per row
        DMatrixRMaj y = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            int o = i * d;
            double mu = 0;
            for (int j = 0; j < d; j++) mu += xv[o + j];
            mu /= d;
            double var = 0;
            for (int j = 0; j < d; j++) var += (xv[o + j] - mu) * (xv[o + j] - mu);
            var /= d;
            rstd[i] = 1 / Math.sqrt(var + eps);
            for (int j = 0; j < d; j++) {
                xHat.data[o + j] = (xv[o + j] - mu) * rstd[i];               // x̂ = (x − μ)/√(σ² + ε)
                y.data[o + j] = g[j] * xHat.data[o + j] + b[j];              // y = γ ⊙ x̂ + β
            }
        }
        return Tensor.op("layerNorm", y, gy -> {
            double[] gv = gy.data, xh = xHat.data;
            if (beta.requiresGrad()) {                                   // ∂β = Σᵢ Gᵢ
                double[] gb = beta.gradBuffer().data;
                for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) gb[j] += gv[i * d + j];
            }
            if (gamma.requiresGrad()) {                                  // ∂γ = Σᵢ Gᵢ ⊙ x̂ᵢ
                double[] gg = gamma.gradBuffer().data;
                for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) gg[j] += gv[i * d + j] * xh[i * d + j];
            }
            if (x.requiresGrad()) {                                      // ∂x = r(Ĝ − mean Ĝ − x̂ mean(Ĝ ⊙ x̂))
                double[] gx = x.gradBuffer().data;
                for (int i = 0; i < n; i++) {
                    int o = i * d;
                    double meanG = 0, meanGx = 0;
                    for (int j = 0; j < d; j++) {
                        double gHat = gv[o + j] * g[j];
                        meanG += gHat;
                        meanGx += gHat * xh[o + j];
                    }
                    meanG /= d;
                    meanGx /= d;
                    for (int j = 0; j < d; j++)
                        gx[o + j] += rstd[i] * (gv[o + j] * g[j] - meanG - xh[o + j] * meanGx);
                }
            }
        }, x, gamma, beta);
    }

    /** The same function from Tensor operations, as the formula reads; slower. (n×d) → (n×d). */
    public Tensor forwardReadable(Tensor x) {
        checkWidth(x);
        double invD = 1.0 / x.cols();
        Tensor mu = x.rowSums().scale(invD);                             // (n×1)
        Tensor centred = x.sub(mu);                                      // (n×d) − (n×1)
        Tensor var = centred.square().rowSums().scale(invD);             // (n×1), biased
        Tensor xHat = centred.div(var.addScalar(eps).sqrt());            // (n×d) ⊘ (n×1)
        return xHat.mul(gamma).add(beta);                                // (n×d) ⊙ (1×d) + (1×d)
    }

    /**
     * From PyTorch's {@code nn.LayerNorm(d)} state dict: weight (d) = γ, bias (d) = β; ε is
     * torch's default 1e-5 (a state dict does not hold it). Copied.
     */
    public static LayerNorm fromTorch(TorchWeights torch) {
        int d = torch.rows("weight") * torch.cols("weight");
        return new LayerNorm(Tensor.parameter(torch.vector("weight", d)), Tensor.parameter(torch.vector("bias", d)),
                DEFAULT_EPS);
    }

    private void checkWidth(Tensor x) {
        if (x.cols() != gamma.cols())
            throw new IllegalArgumentException("LayerNorm: input " + x.shape() + " does not fit gain " + gamma.shape()
                    + "; expected (n×" + gamma.cols() + ")");
    }

    /** γ (1×d). */
    public Tensor gamma() { return gamma; }
    /** β (1×d). */
    public Tensor beta() { return beta; }
    public double eps() { return eps; }
    /** d, the normalised width. */
    public int size() { return gamma.cols(); }

    @Override
    public List<Tensor> parameters() {
        return List.of(gamma, beta);
    }
}
