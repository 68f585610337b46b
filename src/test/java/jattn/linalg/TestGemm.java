package jattn.linalg;

import jattn.autograd.Tensor;
import jattn.linalg.Gemm.Operands;
import jattn.linalg.Gemm.Output;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both kernels of {@link Gemm}, every transpose combination, against EJML's products. */
class TestGemm {

    /** Sums taken in another order than EJML's: rounding, relative to the size of the entries. */
    static final double ROUNDING = 1e-12;

    /**
     * Shapes (m, k, n): degenerate; every row count mod 6 (the tile height), with the 4-row and
     * one-row tiles that finish them; columns not a multiple of the panel width, one short and
     * one past it; k above the 256-term block; rows above the 96-row block of packed A (200 rows:
     * two blocks and 8 left over; 100 rows with k above the term block, still on one thread);
     * row counts around the vector kernel's 48-row blocks (47, 48, 49, 53, 54, 97); 1×k and k×1
     * operands; and products large enough to be split between the cores.
     */
    static final int[][] SHAPES = {{1, 1, 1}, {1, 5, 1}, {3, 1, 4}, {2, 7, 3}, {5, 8, 1}, {0, 3, 2}, {4, 0, 3},
            {3, 2, 0}, {4, 4, 8}, {6, 3, 8}, {7, 9, 7}, {8, 5, 9}, {9, 3, 17}, {10, 3, 16}, {11, 4, 7},
            {14, 6, 10}, {33, 66, 17}, {6, 300, 9}, {200, 3, 5}, {100, 260, 10}, {130, 70, 90}, {64, 64, 64},
            {47, 5, 9}, {48, 7, 8}, {49, 3, 17}, {53, 9, 1}, {54, 2, 16}, {97, 11, 7}, {1, 64, 192}, {64, 1, 64}};

    /** The kernels, called directly, so that both are tested whichever one {@link Gemm} picked. */
    interface Kernel {
        void multAdd(boolean transA, boolean transB, int m, int n, int k, double alpha,
                     double[] a, int aOff, double[] b, int bOff, double[] c, int cOff);
    }

    static final Kernel SCALAR = ScalarGemm::multAdd, VECTOR = VectorGemm::multAdd;

    static DMatrixRMaj gaussian(int r, int c, Random rng) {
        return random(r, c, rng).value();
    }

    /** EJML's C + α·op(A)·op(B). */
    static DMatrixRMaj expected(boolean transA, boolean transB, double alpha, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        DMatrixRMaj opA = transA ? CommonOps_DDRM.transpose(a, null) : a, opB = transB ? CommonOps_DDRM.transpose(b, null) : b;
        DMatrixRMaj out = c.copy();
        CommonOps_DDRM.multAdd(alpha, opA, opB, out);
        return out;
    }

    static void checkKernel(Kernel kernel, long seed) {
        Random rng = new Random(seed);
        for (int[] s : SHAPES)
            for (boolean transA : new boolean[]{false, true})
                for (boolean transB : new boolean[]{false, true}) {
                    int m = s[0], k = s[1], n = s[2];
                    if (m == 0 || k == 0 || n == 0) continue;                     // Gemm returns before the kernels
                    DMatrixRMaj a = transA ? gaussian(k, m, rng) : gaussian(m, k, rng);
                    DMatrixRMaj b = transB ? gaussian(n, k, rng) : gaussian(k, n, rng);
                    DMatrixRMaj c = gaussian(m, n, rng), want = expected(transA, transB, -0.7, a, b, c);
                    kernel.multAdd(transA, transB, m, n, k, -0.7, a.data, 0, b.data, 0, c.data, 0);
                    assertClose(want, c, ROUNDING);
                }
    }

    @Test
    void vectorKernelMatchesEjmlForEveryShapeAndTranspose() {
        checkKernel(VECTOR, 401);
    }

    @Test
    void scalarKernelMatchesEjmlForEveryShapeAndTranspose() {
        checkKernel(SCALAR, 402);
    }

    @Test
    void theTestsRunWithTheVectorKernel() {
        // pom.xml gives the test JVM --add-modules=jdk.incubator.vector, as the Jupyter kernel spec does
        assertTrue(Gemm.VECTOR, "the Vector API kernel is not in use: " + Gemm.kernel());
        assertTrue(Gemm.kernel().startsWith("vector"), Gemm.kernel());
    }

    /**
     * Every edge size 1…13 of m and n (tiles of 6, 4 and 1 rows, the packed and the in-place
     * panels of B, full and partial panels) with k of 1, 7 and 300 (two blocks of terms), every
     * operand form, through {@link Gemm#gemm} with both outputs. C starts as NaN for OVERWRITE:
     * the vector kernel stores without reading C, and must not read it.
     */
    @Test
    void everyEdgeSizeOperandFormAndOutputMatchesEjml() {
        Random rng = new Random(408);
        for (int m = 1; m <= 13; m++)
            for (int n = 1; n <= 13; n++)
                for (int k : new int[]{1, 7, 300})
                    for (Operands ops : Operands.values())
                        for (Output out : Output.values()) {
                            DMatrixRMaj a = ops.transA ? gaussian(k, m, rng) : gaussian(m, k, rng);
                            DMatrixRMaj b = ops.transB ? gaussian(n, k, rng) : gaussian(k, n, rng);
                            DMatrixRMaj c = gaussian(m, n, rng);
                            DMatrixRMaj want = expected(ops.transA, ops.transB, 0.9, a, b, out == Output.ADD ? c : new DMatrixRMaj(m, n));
                            if (out == Output.OVERWRITE) Arrays.fill(c.data, Double.NaN);
                            Gemm.gemm(ops, m, n, k, 0.9, a.data, 0, b.data, 0, c.data, 0, out);
                            assertClose(want, c, ROUNDING);
                        }
    }

    @Test
    void matrixMethodsOverwriteOrAccumulate() {
        Random rng = new Random(403);
        for (int[] s : SHAPES) {
            int m = s[0], k = s[1], n = s[2];
            DMatrixRMaj a = gaussian(m, k, rng), b = gaussian(k, n, rng), c0 = gaussian(m, n, rng);
            DMatrixRMaj aT = CommonOps_DDRM.transpose(a, null), bT = CommonOps_DDRM.transpose(b, null);
            DMatrixRMaj zero = new DMatrixRMaj(m, n);
            for (Output out : Output.values()) {
                DMatrixRMaj want = expected(false, false, 1.5, a, b, out == Output.ADD ? c0 : zero);
                DMatrixRMaj c = c0.copy();
                Gemm.mult(1.5, a, b, c, out);
                assertClose(want, c, ROUNDING);
                c = c0.copy();
                Gemm.multTransA(1.5, aT, b, c, out);
                assertClose(want, c, ROUNDING);
                c = c0.copy();
                Gemm.multTransB(1.5, a, bT, c, out);
                assertClose(want, c, ROUNDING);
            }
        }
    }

    @Test
    void blocksAtOffsetsLeaveTheRestOfTheArraysAlone() {
        Random rng = new Random(404);
        int m = 6, k = 5, n = 11;
        double[] a = new double[3 + m * k], b = new double[7 + n * k], c = new double[2 + m * n + 4];
        for (int i = 0; i < a.length; i++) a[i] = rng.nextGaussian();
        for (int i = 0; i < b.length; i++) b[i] = rng.nextGaussian();
        Arrays.fill(c, 9.0);
        Gemm.gemm(Operands.A_BT, m, n, k, 1, a, 3, b, 7, c, 2, Output.OVERWRITE);
        DMatrixRMaj am = DMatrixRMaj.wrap(m, k, Arrays.copyOfRange(a, 3, 3 + m * k));
        DMatrixRMaj bm = DMatrixRMaj.wrap(n, k, Arrays.copyOfRange(b, 7, 7 + n * k));
        DMatrixRMaj want = new DMatrixRMaj(m, n);
        CommonOps_DDRM.multTransB(am, bm, want);
        assertClose(want, DMatrixRMaj.wrap(m, n, Arrays.copyOfRange(c, 2, 2 + m * n)), ROUNDING);
        assertArrayEquals(new double[]{9, 9}, Arrays.copyOfRange(c, 0, 2));
        assertArrayEquals(new double[]{9, 9, 9, 9}, Arrays.copyOfRange(c, 2 + m * n, c.length));
    }

    /**
     * The vector kernel's order of summation, written out for one element: per block of KC terms
     * s = fma(op(A)ᵢₚ, op(B)ₚⱼ, s) from s = 0 over p in order, then cᵢⱼ = fma(s, α, cᵢⱼ) (α = 1: the
     * same as cᵢⱼ + s for the edge columns). Bit for bit, so neither the tile shape (6, 4, 1 rows),
     * nor the row blocks, nor how ParallelRows splits the rows can change a result.
     */
    @Test
    void vectorKernelSumsEveryElementInOneFixedOrder() {
        Random rng = new Random(407);
        int[][] shapes = {{1, 1, 1}, {47, 5, 9}, {49, 300, 17}, {53, 9, 1}, {97, 11, 7}, {130, 70, 90}, {1, 64, 192}, {64, 1, 64}};
        for (int[] s : shapes)
            for (boolean transA : new boolean[]{false, true})
                for (boolean transB : new boolean[]{false, true}) {
                    int m = s[0], k = s[1], n = s[2];
                    double[] a = gaussian(m * k, 1, rng).data, b = gaussian(k * n, 1, rng).data, c = gaussian(m, n, rng).data;
                    double[] want = c.clone();
                    for (int i = 0; i < m; i++)
                        for (int j = 0; j < n; j++)
                            for (int p0 = 0; p0 < k; p0 += VectorGemm.KC) {
                                double sum = 0;
                                for (int p = p0; p < Math.min(k, p0 + VectorGemm.KC); p++)
                                    sum = Math.fma(transA ? a[p * m + i] : a[i * k + p], transB ? b[j * k + p] : b[p * n + j], sum);
                                want[i * n + j] = Math.fma(sum, 1.0, want[i * n + j]);
                            }
                    VECTOR.multAdd(transA, transB, m, n, k, 1.0, a, 0, b, 0, c, 0);
                    assertArrayEquals(want, c, m + "×" + k + "·" + k + "×" + n + " transA=" + transA + " transB=" + transB);
                }
    }

    @Test
    void zerosOfAAndTheZeroPaddingOfThePanelsChangeNothing() {
        Random rng = new Random(405);
        DMatrixRMaj a = gaussian(6, 9, rng), b = gaussian(9, 5, rng);            // 5 columns: a padded panel
        for (int j = 0; j < 8; j++) a.set(2, j, 0);                              // a causal-style block of zeros
        for (int i = 0; i < 6; i++) for (int j = 4; j < 8; j++) a.set(i, j, 0);
        DMatrixRMaj want = new DMatrixRMaj(6, 5), c = new DMatrixRMaj(6, 5);
        CommonOps_DDRM.mult(a, b, want);
        for (Kernel kernel : new Kernel[]{SCALAR, VECTOR}) {
            c.zero();
            kernel.multAdd(false, false, 6, 5, 9, 1, a.data, 0, b.data, 0, c.data, 0);
            assertClose(want, c, ROUNDING);
        }
    }

    @Test
    void nestedAndRepeatedCallsOnOneThreadKeepTheirPanelsApart() {
        Random rng = new Random(406);
        DMatrixRMaj big = gaussian(40, 40, rng), small = gaussian(3, 2, rng);
        DMatrixRMaj c1 = new DMatrixRMaj(40, 40), c2 = new DMatrixRMaj(3, 2), want1 = new DMatrixRMaj(40, 40), want2 = new DMatrixRMaj(3, 2);
        CommonOps_DDRM.mult(big, big, want1);
        CommonOps_DDRM.mult(small, CommonOps_DDRM.transpose(small, null), new DMatrixRMaj(3, 3));
        for (int r = 0; r < 3; r++) {                                            // the packing buffer is reused
            Gemm.mult(1, big, big, c1, Output.OVERWRITE);
            Gemm.mult(1, small, gaussian(2, 2, new Random(7)), c2, Output.OVERWRITE);
            assertClose(want1, c1, ROUNDING);
        }
        CommonOps_DDRM.mult(small, gaussian(2, 2, new Random(7)), want2);
        assertClose(want2, c2, ROUNDING);
    }

    @Test
    void shapeErrorsNameTheShapes() {
        assertRejects(() -> Gemm.mult(1, new DMatrixRMaj(2, 3), new DMatrixRMaj(4, 2), new DMatrixRMaj(2, 2), Output.OVERWRITE),
                "(2×3)", "(4×2)", "(2×2)");
        assertRejects(() -> Gemm.multTransA(1, new DMatrixRMaj(2, 3), new DMatrixRMaj(3, 2), new DMatrixRMaj(3, 2), Output.OVERWRITE),
                "Aᵀ·B", "(2×3)", "(3×2)");
        assertRejects(() -> Gemm.multTransB(1, new DMatrixRMaj(2, 3), new DMatrixRMaj(2, 2), new DMatrixRMaj(2, 2), Output.ADD),
                "A·Bᵀ", "(2×3)", "(2×2)");
        assertRejects(() -> Gemm.gemm(Operands.A_B, 2, 2, 2, 1, new double[4], 1, new double[4], 0, new double[4], 0, Output.ADD),
                "A (2×2)", "offset 1", "4 doubles");
        assertRejects(() -> Gemm.gemm(Operands.A_B, -1, 2, 2, 1, new double[4], 0, new double[4], 0, new double[4], 0, Output.ADD),
                "negative", "m=-1");
    }

    @Test
    void tensorMatmulUsesTheseProductsAndItsGradientsAreChecked() {
        Random rng = new Random(407);
        Tensor a = random(9, 6, rng), b = random(6, 13, rng);
        DMatrixRMaj want = new DMatrixRMaj(9, 13);
        CommonOps_DDRM.mult(a.value(), b.value(), want);
        assertClose(want, a.matmul(b).value(), ROUNDING);
        assertGrad(x -> x[0].matmul(x[1]), a, b);
        assertGrad(x -> x[0].matmulTransB(x[1]), random(5, 7, rng), random(9, 7, rng));
        assertGrad(x -> x[0].matmul(x[1]), random(40, 70, rng), random(70, 5, rng));   // split between cores
        assertEquals(0, Tensor.zeros(0, 3).matmul(Tensor.zeros(3, 2)).value().getNumElements());
    }
}
