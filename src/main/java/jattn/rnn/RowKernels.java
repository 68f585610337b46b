package jattn.rnn;

/**
 * The few dense products of the recurrent hot loops, on row-major {@code double[]} blocks, written
 * as row updates C[i,·] += a·B[k,·] that the JIT vectorises (EJML's A·Bᵀ is a chain of dot
 * products, several times slower on these (64×192)-sized blocks). Only C is modified.
 * <pre>
 *   multAdd:       C (n×m) += A (n×k) · B (k×m)
 *   multAddTransA: C (k×m) += Aᵀ · B,   A (n×k), B (n×m)
 *   transpose:     (n×m) → (m×n)
 * </pre>
 * A minimal kernel set for this package and the Seq2Seq encoder, not a general GEMM.
 */
public final class RowKernels {

    private RowKernels() {}

    /** C (n×m) at cOff += A (n×k) at aOff · B (k×m) at bOff. */
    public static void multAdd(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int n, int k, int m) {
        for (int i = 0; i < n; i++) {
            int ci = cOff + i * m, ai = aOff + i * k;
            for (int p = 0; p < k; p++) {
                double v = a[ai + p];
                if (v == 0) continue;
                int bp = bOff + p * m;
                for (int j = 0; j < m; j++) c[ci + j] += v * b[bp + j];
            }
        }
    }

    /** C (k×m) at cOff += Aᵀ · B with A (n×k) at aOff and B (n×m) at bOff. */
    public static void multAddTransA(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int n, int k, int m) {
        for (int i = 0; i < n; i++) {
            int ai = aOff + i * k, bi = bOff + i * m;
            for (int p = 0; p < k; p++) {
                double v = a[ai + p];
                if (v == 0) continue;
                int cp = cOff + p * m;
                for (int j = 0; j < m; j++) c[cp + j] += v * b[bi + j];
            }
        }
    }

    /** The transpose of A (n×m) into out (m×n), which is returned (a new array if out is null or too short). */
    public static double[] transpose(double[] a, int n, int m, double[] out) {
        if (out == null || out.length < n * m) out = new double[n * m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) out[j * n + i] = a[i * m + j];
        return out;
    }
}
