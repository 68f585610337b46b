package jattn.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The code a JVM without the Vector API runs. pom.xml runs this class twice: in the ordinary
 * test JVM (with {@code --add-modules=jdk.incubator.vector}: the vector kernels are compared
 * with the scalar ones here) and in the Surefire execution {@code scalar-kernels}, a JVM without
 * the module (system property {@code jattn.expect.kernel=scalar}), where {@link Gemm} and
 * {@link RowMath} fall back to {@link ScalarGemm} and {@link ScalarRowMath}; that execution also
 * runs the fused layers' tests (attention, softmax, GRU, packed GRU, layer norm, fromTorch).
 * No class here touches the Vector API directly, so it loads in both JVMs.
 */
class TestScalarKernels {

    @Test
    void theKernelIsTheOneThisJvmWasStartedFor() {
        String expected = System.getProperty("jattn.expect.kernel", "vector");
        assertTrue(Gemm.kernel().startsWith(expected), "expected the " + expected + " kernel, got " + Gemm.kernel());
        assertEquals(expected.equals("vector"), Gemm.VECTOR);
    }

    @Test
    void rowMathEqualsThePlainLoops() {
        Random rng = new Random(601);
        for (int n : new int[]{0, 1, 3, 4, 5, 8, 13, 64, 131}) {
            int off = 2;
            double[] x = new double[off + n + 1], g = new double[off + n + 1];
            for (int j = 0; j < x.length; j++) { x[j] = 10 * rng.nextGaussian(); g[j] = rng.nextGaussian(); }
            assertEquals(ScalarRowMath.max(x, off, n), RowMath.max(x, off, n), "max, n=" + n);
            double[] y1 = new double[x.length], y2 = new double[x.length];
            double s1 = ScalarRowMath.expSum(x, y1, off, n, 0.5, 2), s2 = RowMath.expSum(x, y2, off, n, 0.5, 2);
            assertEquals(s1, s2, 1e-14 * Math.max(1, s1), "exp-sum, n=" + n);
            for (int j = 0; j < x.length; j++) assertEquals(y1[j], y2[j], 4e-16 * Math.abs(y1[j]), "exp at " + j);
            double d1 = ScalarRowMath.dot(x, off, g, off, n), d2 = RowMath.dot(x, g, off, n);
            assertEquals(d1, d2, 1e-12 * Math.max(1, Math.abs(d1)), "dot, n=" + n);
        }
    }

    @Test
    void gemmEqualsEjmlForEveryTransposeAndTheScalarKernelToRounding() {
        Random rng = new Random(602);
        int[][] shapes = {{1, 1, 1}, {3, 5, 2}, {7, 13, 9}, {6, 8, 4}, {200, 3, 5}, {100, 260, 10}};
        for (int[] s : shapes) {
            int m = s[0], n = s[1], k = s[2];
            for (boolean ta : new boolean[]{false, true})
                for (boolean tb : new boolean[]{false, true}) {
                    DMatrixRMaj a = ta ? RandomMatrices_DDRM.rectangle(k, m, -1, 1, rng) : RandomMatrices_DDRM.rectangle(m, k, -1, 1, rng);
                    DMatrixRMaj b = tb ? RandomMatrices_DDRM.rectangle(n, k, -1, 1, rng) : RandomMatrices_DDRM.rectangle(k, n, -1, 1, rng);
                    DMatrixRMaj want = new DMatrixRMaj(m, n), c = RandomMatrices_DDRM.rectangle(m, n, -1, 1, rng);
                    DMatrixRMaj scalar = c.copy();
                    DMatrixRMaj opA = ta ? CommonOps_DDRM.transpose(a, null) : a, opB = tb ? CommonOps_DDRM.transpose(b, null) : b;
                    CommonOps_DDRM.mult(0.5, opA, opB, want);
                    CommonOps_DDRM.addEquals(want, c);                   // C += 0.5·op(A)·op(B)
                    Gemm.gemm(ta ? (tb ? Gemm.Operands.AT_BT : Gemm.Operands.AT_B) : (tb ? Gemm.Operands.A_BT : Gemm.Operands.A_B),
                            m, n, k, 0.5, a.data, 0, b.data, 0, c.data, 0, Gemm.Output.ADD);
                    ScalarGemm.multAdd(ta, tb, m, n, k, 0.5, a.data, 0, b.data, 0, scalar.data, 0);
                    String what = m + "×" + n + "×" + k + " transA=" + ta + " transB=" + tb;
                    for (int i = 0; i < want.data.length; i++) {
                        assertEquals(want.data[i], c.data[i], 1e-12, what + " (" + Gemm.kernel() + ")");
                        assertEquals(scalar.data[i], c.data[i], 1e-12, what + " against ScalarGemm");
                    }
                }
        }
    }
}
