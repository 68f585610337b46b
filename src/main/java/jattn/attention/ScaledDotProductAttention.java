package jattn.attention;

import jattn.autograd.Tensor;
import jattn.linalg.Gemm;
import jattn.linalg.Gemm.Output;
import jattn.linalg.ParallelRows;
import org.ejml.data.DMatrixRMaj;

/**
 * Scaled dot-product attention as two fused operations with analytic backward rules, the fast
 * version of {@link AttentionPooling#scaledDotProductReadable} (which builds the same function
 * from a score, a masked softmax and a matmul, and is the one to read):
 * <pre>
 *   A = masked-softmax(Q·Kᵀ / √dK)     weights   (m×n)
 *   O = A·V                            output    (m×dV)
 * </pre>
 * Backward, with G = ∂L/∂O and ∂L/∂A (from O, and from anything else that used the weights):
 * <pre>
 *   ∂A += G·Vᵀ,   ∂V += Aᵀ·G                                       (the output operation)
 *   ∂S  = A ⊙ (∂A − rowsum(∂A ⊙ A)) / √dK                          (softmax, scale)
 *   ∂Q += ∂S·K,   ∂K += ∂Sᵀ·Q                                      (the weights operation)
 * </pre>
 * Masked entries of A are exactly 0 and get no gradient; a fully masked row has zero weights.
 * Shapes: Q (m×dK), K (n×dK), V (n×dV). No input is modified.
 *
 * <p>What is fused: the scores, the 1/√dK scale and the softmax are one operation, computed in
 * place in A's matrix, and the products use {@link Gemm} (the module's
 * matrix product: register tiles on the Vector API, both cores for large sequences), so one step allocates A, O, their gradients and O(n·d) row copies,
 * instead of a score matrix, a scaled copy and their gradients as well.
 */
public final class ScaledDotProductAttention {

    private ScaledDotProductAttention() {}

    /** The weights A (m×n) and the output O = A·V (m×dV); {@code Mask.none()} (or null) keeps every key. */
    public static AttentionResult apply(Tensor queries, Tensor keys, Tensor values, Mask mask) {
        Score.requireSameWidth("ScaledDotProductAttention", queries, keys);
        if (keys.rows() != values.rows())
            throw new IllegalArgumentException("ScaledDotProductAttention: keys " + keys.shape() + " and values "
                    + values.shape() + " must have the same number of rows");
        Tensor weights = weights(queries, keys, mask);
        return new AttentionResult(output(weights, values), weights);
    }

    /** A = masked-softmax(Q·Kᵀ/√dK): (m×dK)·(n×dK)ᵀ → (m×n), scores and softmax in one operation. */
    static Tensor weights(Tensor q, Tensor k, Mask mask) {
        int m = q.rows(), n = k.rows();
        double scale = 1 / Math.sqrt(k.cols());
        boolean[][] keep = Mask.keepOrNull(mask, "ScaledDotProductAttention", m, n);
        DMatrixRMaj a = new DMatrixRMaj(m, n);
        Gemm.multTransB(scale, q.value(), k.value(), a, Output.OVERWRITE);         // S = Q·Kᵀ/√dK: (m×dK)·(dK×n) → (m×n)
        double[] av = a.data;
        ParallelRows.run(m, 16L * m * n, (lo, hi) -> {                       // A = softmax(S) row by row, in place
            for (int i = lo; i < hi; i++) Softmax.forwardRow(av, av, i * n, n, 1.0, keep == null ? null : keep[i]);
        });
        return Tensor.op("scaledDotSoftmax", a, g -> {
            DMatrixRMaj dS = new DMatrixRMaj(m, n);                      // ∂S = A ⊙ (∂A − rowsum(∂A ⊙ A)) / √dK
            ParallelRows.run(m, 4L * m * n, (lo, hi) -> {
                for (int i = lo; i < hi; i++) Softmax.backwardRow(g.data, av, dS.data, i * n, n, scale);
            });
            if (q.requiresGrad()) Gemm.mult(1, dS, k.value(), q.gradBuffer(), Output.ADD);          // ∂Q += ∂S·K: (m×n)·(n×dK)
            if (k.requiresGrad()) Gemm.multTransA(1, dS, q.value(), k.gradBuffer(), Output.ADD);   // ∂K += ∂Sᵀ·Q: (n×m)·(m×dK)
        }, q, k);
    }

    /** O = A·V: (m×n)·(n×dV) → (m×dV). ∂A += G·Vᵀ, ∂V += Aᵀ·G. */
    static Tensor output(Tensor a, Tensor v) {
        DMatrixRMaj o = new DMatrixRMaj(a.rows(), v.cols());
        Gemm.mult(1, a.value(), v.value(), o, Output.OVERWRITE);                    // (m×n)·(n×dV) → (m×dV)
        return Tensor.op("attentionOutput", o, g -> {
            if (a.requiresGrad()) Gemm.multTransB(1, g, v.value(), a.gradBuffer(), Output.ADD);    // (m×dV)·(dV×n)
            if (v.requiresGrad()) Gemm.multTransA(1, a.value(), g, v.gradBuffer(), Output.ADD);    // (n×m)·(m×dV)
        }, a, v);
    }
}
