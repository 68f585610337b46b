package jattn.linalg;

/** {@link RowMath} as plain loops: what runs on a JVM without the Vector API (and the reference the vector version is tested against). */
final class ScalarRowMath {

    private ScalarRowMath() {}

    static double max(double[] x, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) max = Math.max(max, x[off + j]);
        return max;
    }

    static double expSum(double[] x, double[] y, int off, int n, double s, double shift) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double e = Math.exp(s * x[off + j] - shift);
            y[off + j] = e;
            sum += e;
        }
        return sum;
    }

    static double dot(double[] x, double[] y, int off, int n) {
        double dot = 0;
        for (int j = 0; j < n; j++) dot += x[off + j] * y[off + j];
        return dot;
    }
}
