package jattn.autograd;

import jattn.linalg.Gemm;
import jattn.linalg.Gemm.Output;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;


/**
 * Matrix products and the transpose: Y = A·B, Y = A·Bᵀ, Y = Aᵀ.
 * Each method computes Y and registers, next to it, the rule that adds ∂L/∂input from
 * G = ∂L/∂Y. Called through the methods of {@link Tensor} of the same names. The products are
 * computed by {@link Gemm}, the module's fast matrix product.
 */
final class Products {

    private Products() {}

    /** Y = A·B: (n×k)·(k×m) → (n×m). ∂A += G·Bᵀ, ∂B += Aᵀ·G. */
    static Tensor matmul(Tensor a, Tensor b) {
        if (a.cols() != b.rows())
            throw new IllegalArgumentException("matmul: " + a.shape() + "·" + b.shape()
                    + ", inner dimensions " + a.cols() + " ≠ " + b.rows());
        DMatrixRMaj y = new DMatrixRMaj(a.rows(), b.cols());
        Gemm.mult(1, a.value(), b.value(), y, Output.OVERWRITE);                        // (n×k)·(k×m) → (n×m)
        return Tensor.op("matmul", y, g -> {
            if (a.requiresGrad()) Gemm.multTransB(1, g, b.value(), a.gradBuffer(), Output.ADD);   // (n×m)·(m×k)
            if (b.requiresGrad()) Gemm.multTransA(1, a.value(), g, b.gradBuffer(), Output.ADD);   // (k×n)·(n×m)
        }, a, b);
    }

    /** Y = A·Bᵀ: (n×k)·(m×k)ᵀ → (n×m), without building Bᵀ. ∂A += G·B, ∂B += Gᵀ·A. */
    static Tensor matmulTransB(Tensor a, Tensor b) {
        if (a.cols() != b.cols())
            throw new IllegalArgumentException("matmulTransB: " + a.shape() + "·" + b.shape()
                    + "ᵀ, inner dimensions " + a.cols() + " ≠ " + b.cols());
        DMatrixRMaj y = new DMatrixRMaj(a.rows(), b.rows());
        Gemm.multTransB(1, a.value(), b.value(), y, Output.OVERWRITE);                  // (n×k)·(k×m) → (n×m)
        return Tensor.op("matmulTransB", y, g -> {
            if (a.requiresGrad()) Gemm.mult(1, g, b.value(), a.gradBuffer(), Output.ADD);         // (n×m)·(m×k)
            if (b.requiresGrad()) Gemm.multTransA(1, g, a.value(), b.gradBuffer(), Output.ADD);   // (m×n)·(n×k)
        }, a, b);
    }

    /** Y = Aᵀ: (n×m) → (m×n). ∂A += Gᵀ. */
    static Tensor transpose(Tensor a) {
        DMatrixRMaj y = CommonOps_DDRM.transpose(a.value(), null);
        return Tensor.op("transpose", y, g -> {
            DMatrixRMaj ga = a.gradBuffer();
            for (int i = 0; i < ga.numRows; i++)
                for (int j = 0; j < ga.numCols; j++) ga.data[i * ga.numCols + j] += g.data[j * g.numCols + i];
        }, a);
    }
}
