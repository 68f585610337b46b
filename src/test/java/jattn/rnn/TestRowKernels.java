package jattn.rnn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;

class TestRowKernels {

    static final double ROUNDING = 1e-12;

    @Test
    void productsEqualEjmlIncludingOneRowAndOneColumn() {
        Random rng = new Random(21);
        for (int[] s : new int[][]{{5, 3, 7}, {8, 6, 9}, {1, 4, 1}, {3, 1, 2}, {1, 1, 1}, {4, 1, 1}}) {
            int n = s[0], k = s[1], m = s[2];
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(n, k, -1, 1, rng), b = RandomMatrices_DDRM.rectangle(k, m, -1, 1, rng);
            DMatrixRMaj c0 = RandomMatrices_DDRM.rectangle(n, m, -1, 1, rng), expected = c0.copy(), actual = c0.copy();
            CommonOps_DDRM.multAdd(a, b, expected);                      // (n×k)·(k×m)
            RowKernels.multAdd(a.data, 0, b.data, 0, actual.data, 0, n, k, m);
            assertClose(expected, actual, ROUNDING);

            DMatrixRMaj bn = RandomMatrices_DDRM.rectangle(n, m, -1, 1, rng);
            DMatrixRMaj d0 = RandomMatrices_DDRM.rectangle(k, m, -1, 1, rng), e2 = d0.copy(), a2 = d0.copy();
            CommonOps_DDRM.multAddTransA(a, bn, e2);                     // (k×n)·(n×m)
            RowKernels.multAddTransA(a.data, 0, bn.data, 0, a2.data, 0, n, k, m);
            assertClose(e2, a2, ROUNDING);

            DMatrixRMaj t = new DMatrixRMaj(k, n);
            t.data = RowKernels.transpose(a.data, n, k, null);
            assertClose(CommonOps_DDRM.transpose(a, null), t, 0.0);
        }
    }

    @Test
    void offsetsSelectTheBlocks() {
        double[] a = {9, 9, 1, 2}, b = {9, 3, 4}, c = {0, 0, 0};
        RowKernels.multAdd(a, 2, b, 1, c, 1, 1, 2, 1);                   // [1 2]·[3; 4] = 11 into c[1]
        assertClose(new DMatrixRMaj(1, 3, true, 0, 11, 0), new DMatrixRMaj(1, 3, true, c), 0.0);
    }
}
