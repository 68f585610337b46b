package jattn.linalg;

import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;

/**
 * The general matrix product of the module, on row-major {@code double[]} data:
 * <pre>
 *   C = α·op(A)·op(B)   or   C += α·op(A)·op(B)        op(A) (m×k), op(B) (k×n), C (m×n)
 *   op(A) = A, stored (m×k), or Aᵀ, stored (k×m);  likewise op(B) = B (k×n) or Bᵀ, stored (n×k)
 * </pre>
 * {@link jattn.autograd.Tensor#matmul}, attention, the recurrent cells and the Seq2Seq encoder
 * all multiply through it; the readable code paths they are tested against use EJML's
 * {@code CommonOps_DDRM}. Two kernels compute the same function:
 * <ul>
 *   <li>{@link VectorGemm}, when the JVM runs with {@code --add-modules jdk.incubator.vector}
 *       (the course's Jupyter kernel, the Maven tests and the benchmarks do): a 6 × 2-vector
 *       register tile on the JDK's Vector API, with op(B) packed into column panels and op(A)
 *       into row strips;</li>
 *   <li>{@link ScalarGemm} otherwise: row updates c += s·b that HotSpot vectorises by itself,
 *       about half as fast.</li>
 * </ul>
 * Both split the rows of C between the cores for large products ({@link ParallelRows}).
 * System property {@code jattn.gemm.kernel=scalar} selects the scalar kernel.
 * Sums are taken in another order than EJML's, so results agree to rounding (about 1e-15
 * relative), not bit for bit. Only C is modified, and C must not overlap A or B.
 */
public final class Gemm {

    /** Whether the Vector API kernel is in use (the module is present and not switched off). */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"scalar".equals(System.getProperty("jattn.gemm.kernel"));

    static {
        KernelWarmup.startInBackground();                                // C2 compiles the vector kernel before a lesson trains
    }

    private Gemm() {}

    /** What the product does to C: {@code C = α·op(A)·op(B)} or {@code C += α·op(A)·op(B)}. */
    public enum Output {
        /** C = α·op(A)·op(B): C's old values are ignored. */
        OVERWRITE,
        /** C += α·op(A)·op(B): e.g. a gradient buffer that other terms also add to. */
        ADD
    }

    /** Which operands are read transposed: op(A)·op(B) with A stored (m×k) or, for Aᵀ, (k×m); B stored (k×n) or, for Bᵀ, (n×k). */
    public enum Operands {
        /** A·B: A (m×k), B (k×n). */
        A_B(false, false),
        /** Aᵀ·B: A stored (k×m), B (k×n). */
        AT_B(true, false),
        /** A·Bᵀ: A (m×k), B stored (n×k). */
        A_BT(false, true),
        /** Aᵀ·Bᵀ: A stored (k×m), B stored (n×k). */
        AT_BT(true, true);

        final boolean transA, transB;

        Operands(boolean transA, boolean transB) {
            this.transA = transA;
            this.transB = transB;
        }
    }

    /** Whether the Vector API kernels run in this JVM: true with the module jdk.incubator.vector, unless {@code jattn.gemm.kernel=scalar}. */
    public static boolean vectorized() {
        return VECTOR;
    }

    /** Which kernel computes the products, e.g. "vector (4 doubles per register)" or "scalar". */
    public static String kernel() {
        return VECTOR ? VectorGemm.describe() : "scalar (run the JVM with --add-modules jdk.incubator.vector for the vector kernel)";
    }

    /** C (=|+=) α·A·B: (m×k)·(k×n) → (m×n). */
    public static void mult(double alpha, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, Output out) {
        check("mult", "A·B", a.numCols == b.numRows && c.numRows == a.numRows && c.numCols == b.numCols, a, b, c);
        gemm(Operands.A_B, a.numRows, b.numCols, a.numCols, alpha, a.data, 0, b.data, 0, c.data, 0, out);
    }

    /** C (=|+=) α·Aᵀ·B: (k×m)ᵀ·(k×n) → (m×n). */
    public static void multTransA(double alpha, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, Output out) {
        check("multTransA", "Aᵀ·B", a.numRows == b.numRows && c.numRows == a.numCols && c.numCols == b.numCols, a, b, c);
        gemm(Operands.AT_B, a.numCols, b.numCols, a.numRows, alpha, a.data, 0, b.data, 0, c.data, 0, out);
    }

    /** C (=|+=) α·A·Bᵀ: (m×k)·(n×k)ᵀ → (m×n). */
    public static void multTransB(double alpha, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, Output out) {
        check("multTransB", "A·Bᵀ", a.numCols == b.numCols && c.numRows == a.numRows && c.numCols == b.numRows, a, b, c);
        gemm(Operands.A_BT, a.numRows, b.numRows, a.numCols, alpha, a.data, 0, b.data, 0, c.data, 0, out);
    }

    /**
     * C (=|+=) α·op(A)·op(B) on blocks of arrays: A from {@code aOff}, B from {@code bOff} and C
     * (m×n, contiguous) from {@code cOff}, all row-major. A is stored (m×k), or (k×m) for
     * {@link Operands#AT_B}; B is stored (k×n), or (n×k) for {@link Operands#A_BT}.
     * <pre>
     *   Gemm.gemm(Operands.AT_B, m, n, k, 1, x, 0, g, 0, dW, 0, Output.ADD);   // ∂W += xᵀ·g: (m×k)ᵀ… → (m×n)
     * </pre>
     *
     * @throws IllegalArgumentException if a size is negative or a block runs past its array
     */
    public static void gemm(Operands ops, int m, int n, int k, double alpha,
                            double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, Output out) {
        if (ops == null || out == null)
            throw new IllegalArgumentException("Gemm: which operands are transposed and what happens to C must be given, got " + ops + " and " + out);
        boolean transA = ops.transA, transB = ops.transB, add = out == Output.ADD;
        if (m < 0 || n < 0 || k < 0)
            throw new IllegalArgumentException("Gemm: negative size m=" + m + ", n=" + n + ", k=" + k);
        fits("A", a, aOff, transA ? k : m, transA ? m : k);
        fits("B", b, bOff, transB ? n : k, transB ? k : n);
        fits("C", c, cOff, m, n);
        if (m == 0 || n == 0) return;
        if (VECTOR && k > 0 && alpha != 0) {                             // OVERWRITE: the kernel stores without reading C
            VectorGemm.multiply(transA, transB, m, n, k, alpha, a, aOff, b, bOff, c, cOff, out);
            return;
        }
        if (!add) Arrays.fill(c, cOff, cOff + m * n, 0);
        if (k == 0 || alpha == 0) return;
        ScalarGemm.multAdd(transA, transB, m, n, k, alpha, a, aOff, b, bOff, c, cOff);
    }

    /** A (rows×cols) block from {@code off} must lie inside {@code data}. */
    private static void fits(String name, double[] data, int off, int rows, int cols) {
        long size = (long) rows * cols;
        if (off < 0 || off + size > data.length)
            throw new IllegalArgumentException("Gemm: " + name + " (" + rows + "×" + cols + ") from offset " + off
                    + " needs " + size + " doubles, its array has " + data.length);
    }

    private static void check(String what, String product, boolean ok, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (!ok)
            throw new IllegalArgumentException("Gemm." + what + ": C = " + product + " with A " + shape(a) + ", B "
                    + shape(b) + " and C " + shape(c) + ": the shapes do not fit");
    }

    private static String shape(DMatrixRMaj m) {
        return "(" + m.numRows + "×" + m.numCols + ")";
    }
}
