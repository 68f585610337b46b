package jattn.autograd;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;


/**
 * Sums: of all elements (1×1), of each row (n×1), of each column (1×m).
 * Each method computes Y and registers, next to it, the rule that adds ∂L/∂input from
 * G = ∂L/∂Y. Called through the methods of {@link Tensor} of the same names.
 */
final class Reductions {

    private Reductions() {}

    /** Y = Σᵢⱼ Aᵢⱼ: (n×m) → (1×1). ∂A += G (every element). */
    static Tensor sum(Tensor a) {
        DMatrixRMaj y = new DMatrixRMaj(1, 1);
        y.data[0] = CommonOps_DDRM.elementSum(a.value());
        return Tensor.op("sum", y, g -> CommonOps_DDRM.add(a.gradBuffer(), g.data[0]), a);
    }

    /** Y = the sum of each row: (n×m) → (n×1). ∂Aᵢⱼ += Gᵢ. */
    static Tensor rowSums(Tensor a) {
        DMatrixRMaj y = CommonOps_DDRM.sumRows(a.value(), null);            // (n×1)
        return Tensor.op("rowSums", y, g -> {
            DMatrixRMaj ga = a.gradBuffer();
            int m = ga.numCols;
            for (int i = 0; i < ga.numRows; i++)
                for (int j = 0; j < m; j++) ga.data[i * m + j] += g.data[i];
        }, a);
    }

    /** Y = the sum of each column: (n×m) → (1×m). ∂Aᵢⱼ += Gⱼ. */
    static Tensor colSums(Tensor a) {
        DMatrixRMaj y = CommonOps_DDRM.sumCols(a.value(), null);            // (1×m)
        return Tensor.op("colSums", y, g -> {
            DMatrixRMaj ga = a.gradBuffer();
            int m = ga.numCols;
            for (int i = 0; i < ga.numRows; i++)
                for (int j = 0; j < m; j++) ga.data[i * m + j] += g.data[j];
        }, a);
    }
}
