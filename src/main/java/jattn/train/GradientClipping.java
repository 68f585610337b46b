package jattn.train;

import jattn.autograd.Tensor;

import java.util.List;

/**
 * Clipping by global norm, as PyTorch's {@code torch.nn.utils.clip_grad_norm_}: all gradients
 * together are seen as one long vector g, and if its L2 norm is larger than maxNorm they are
 * all scaled by the same factor, so the direction is kept:
 * <pre>
 *   ‖g‖ = √(Σ_params Σᵢ gᵢ²)
 *   c = maxNorm / (‖g‖ + 1e-6);   if c &lt; 1:  g ← c·g
 * </pre>
 * This keeps one exploding step (common in recurrent networks) from throwing the parameters
 * far away. Parameters without a gradient are skipped. If ‖g‖ is NaN or infinite the
 * gradients are left as they are and the norm is returned, so the caller can stop.
 */
public final class GradientClipping {

    /** Added to the norm before dividing, as in PyTorch. */
    public static final double EPS = 1e-6;

    private GradientClipping() {}

    /** ‖g‖, the L2 norm of all gradients together. Nothing is modified. */
    public static double globalNorm(List<Tensor> parameters) {
        double sumSq = 0;
        for (Tensor p : parameters) {
            if (p.grad() == null) continue;
            for (double g : p.grad().data) sumSq += g * g;
        }
        return Math.sqrt(sumSq);
    }

    /**
     * Scales the gradients (in place) so that their global norm is at most about maxNorm.
     *
     * @return the global norm before clipping
     */
    public static double clipGradNorm(List<Tensor> parameters, double maxNorm) {
        if (!(maxNorm > 0)) throw new IllegalArgumentException("GradientClipping: maxNorm must be > 0, got " + maxNorm);
        double total = globalNorm(parameters);
        if (!Double.isFinite(total)) return total;
        double c = maxNorm / (total + EPS);
        if (c < 1) {
            for (Tensor p : parameters) {
                if (p.grad() == null) continue;
                double[] g = p.grad().data;
                for (int i = 0; i < g.length; i++) g[i] *= c;                  // g ← c·g
            }
        }
        return total;
    }
}
