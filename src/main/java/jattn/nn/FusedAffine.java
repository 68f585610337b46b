package jattn.nn;

import jattn.autograd.Tensor;
import jattn.linalg.Gemm;
import jattn.linalg.Gemm.Output;
import org.ejml.data.DMatrixRMaj;

/**
 * Y = X·W + b as ONE autograd operation (the fast twin of {@code x.matmul(w).add(b)}, which
 * {@link Linear#forward} writes out):
 * <pre>
 *   Y = X·W + 1·b                       (n×dIn)·(dIn×dOut) + (1×dOut) on every row → (n×dOut)
 *   ∂X += G·Wᵀ,  ∂W += Xᵀ·G,  ∂b += Σᵢ Gᵢ   (G = ∂L/∂Y, n×dOut)
 * </pre>
 * The composition makes two graph nodes, an (n×dOut) product and its gradient buffer, and adds
 * the bias through the general broadcasting rule; this op adds b in place and reads G directly.
 * The sums run in the same order, so values and gradients equal the composition's (the tests
 * check it, and check the gradient by finite differences). Inputs are not modified.
 */
public final class FusedAffine {

    private FusedAffine() {}

    /** X·W + b: X (n×dIn), W (dIn×dOut), b (1×dOut) → (n×dOut). */
    public static Tensor apply(Tensor x, Tensor w, Tensor b) {
        if (x.cols() != w.rows() || b.rows() != 1 || b.cols() != w.cols())
            throw new IllegalArgumentException("FusedAffine: input " + x.shape() + ", weight " + w.shape() + " and bias "
                    + b.shape() + " do not fit (n×dIn)·(dIn×dOut) + (1×dOut)");
        int n = x.rows(), dOut = w.cols();
        DMatrixRMaj y = new DMatrixRMaj(n, dOut);
        Gemm.mult(1, x.value(), w.value(), y, Output.OVERWRITE);                     // (n×dIn)·(dIn×dOut) → (n×dOut)
        double[] yd = y.data, bd = b.value().data;
        for (int i = 0; i < n; i++)
            for (int j = 0, row = i * dOut; j < dOut; j++) yd[row + j] += bd[j];      // + b on every row
        return Tensor.op("affine", y, g -> {
            if (x.requiresGrad()) Gemm.multTransB(1, g, w.value(), x.gradBuffer(), Output.ADD);   // (n×dOut)·(dOut×dIn)
            if (w.requiresGrad()) Gemm.multTransA(1, x.value(), g, w.gradBuffer(), Output.ADD);   // (dIn×n)·(n×dOut)
            if (b.requiresGrad()) {
                double[] gb = b.gradBuffer().data, gd = g.data;
                for (int i = 0; i < n; i++)
                    for (int j = 0, row = i * dOut; j < dOut; j++) gb[j] += gd[row + j];  // Σᵢ Gᵢ
            }
        }, x, w, b);
    }
}
