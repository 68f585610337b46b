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

    static double dot(double[] x, int xAt, double[] y, int yAt, int n) {
        double dot = 0;
        for (int j = 0; j < n; j++) dot += x[xAt + j] * y[yAt + j];
        return dot;
    }

    static double tanh(double x) {
        return 1 - 2 / (1 + Math.exp(2 * x));
    }

    static double tanhDot(double[] x, int xAt, double[] y, int yAt, double[] v, double[] t, int tAt, int n) {
        double sum = 0;
        for (int c = 0; c < n; c++) {
            double tc = tanh(x[xAt + c] + y[yAt + c]);
            if (t != null) t[tAt + c] = tc;
            sum += v[c] * tc;
        }
        return sum;
    }

    static void tanhBackward(double g, double[] v, double[] t, int tAt, double[] dx, int dxAt, double[] dy, int dyAt,
                             double[] dv, int n) {
        for (int c = 0; c < n; c++) {
            double tc = t[tAt + c], s = g * v[c] * (1 - tc * tc);
            dx[dxAt + c] += s;
            dy[dyAt + c] += s;
            if (dv != null) dv[c] += g * tc;
        }
    }
}
