package jattn.rnn;

/**
 * The few dense products of the recurrent hot loops, on row-major {@code double[]} blocks, written
 * as row updates C[i,·] += a·B[k,·] (four rows at a time) that the JIT vectorises (EJML's A·Bᵀ is a chain of dot
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

    /** C (n×m) at cOff += A (n×k) at aOff · B (k×m) at bOff. Four rows of C at a time: each row of B is loaded once per four. */
    public static void multAdd(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int n, int k, int m) {
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            int c0 = cOff + i * m, c1 = c0 + m, c2 = c1 + m, c3 = c2 + m, ai = aOff + i * k;
            for (int p = 0; p < k; p++) {
                double v0 = a[ai + p], v1 = a[ai + k + p], v2 = a[ai + 2 * k + p], v3 = a[ai + 3 * k + p];
                int bp = bOff + p * m;
                for (int j = 0; j < m; j++) {
                    double bj = b[bp + j];
                    c[c0 + j] += v0 * bj;
                    c[c1 + j] += v1 * bj;
                    c[c2 + j] += v2 * bj;
                    c[c3 + j] += v3 * bj;
                }
            }
        }
        for (; i < n; i++) {
            int ci = cOff + i * m, ai = aOff + i * k;
            for (int p = 0; p < k; p++) {
                double v = a[ai + p];
                int bp = bOff + p * m;
                for (int j = 0; j < m; j++) c[ci + j] += v * b[bp + j];
            }
        }
    }

    /** C (k×m) at cOff += Aᵀ · B with A (n×k) at aOff and B (n×m) at bOff. Four rows of A and B at a time: each row of C is updated once per four. */
    public static void multAddTransA(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int n, int k, int m) {
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            int ai = aOff + i * k, b0 = bOff + i * m, b1 = b0 + m, b2 = b1 + m, b3 = b2 + m;
            for (int p = 0; p < k; p++) {
                double v0 = a[ai + p], v1 = a[ai + k + p], v2 = a[ai + 2 * k + p], v3 = a[ai + 3 * k + p];
                int cp = cOff + p * m;
                for (int j = 0; j < m; j++)
                    c[cp + j] += v0 * b[b0 + j] + v1 * b[b1 + j] + v2 * b[b2 + j] + v3 * b[b3 + j];
            }
        }
        for (; i < n; i++) {
            int ai = aOff + i * k, bi = bOff + i * m;
            for (int p = 0; p < k; p++) {
                double v = a[ai + p];
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
