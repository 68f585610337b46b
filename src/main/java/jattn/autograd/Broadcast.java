package jattn.autograd;

import org.ejml.data.DMatrixRMaj;

/**
 * Element-wise binary operations Y = A ∘ B with broadcasting of B.
 *
 * <p>A is (n×m). B is (n×m), a (1×m) row repeated over the rows, an (n×1) column repeated
 * over the columns, or a (1×1) scalar. The gradient that reaches B is summed over the axes
 * along which it was repeated, so that it has B's shape again.
 */
final class Broadcast {

    private Broadcast() {}

    private interface Rule {
        double f(double a, double b);
        double dA(double a, double b, double y);
        double dB(double a, double b, double y);
    }

    private static final Rule ADD = new Rule() {
        public double f(double a, double b) { return a + b; }
        public double dA(double a, double b, double y) { return 1; }
        public double dB(double a, double b, double y) { return 1; }
    };
    private static final Rule SUB = new Rule() {
        public double f(double a, double b) { return a - b; }
        public double dA(double a, double b, double y) { return 1; }
        public double dB(double a, double b, double y) { return -1; }
    };
    private static final Rule MUL = new Rule() {
        public double f(double a, double b) { return a * b; }
        public double dA(double a, double b, double y) { return b; }
        public double dB(double a, double b, double y) { return a; }
    };
    private static final Rule DIV = new Rule() {
        public double f(double a, double b) { return a / b; }
        public double dA(double a, double b, double y) { return 1 / b; }
        public double dB(double a, double b, double y) { return -y / b; }
    };

    static Tensor add(Tensor a, Tensor b) { return apply("add", ADD, a, b); }
    static Tensor sub(Tensor a, Tensor b) { return apply("sub", SUB, a, b); }
    static Tensor mul(Tensor a, Tensor b) { return apply("mul", MUL, a, b); }
    static Tensor div(Tensor a, Tensor b) { return apply("div", DIV, a, b); }

    private static Tensor apply(String name, Rule rule, Tensor a, Tensor b) {
        int n = a.rows(), m = a.cols();
        boolean rowsOk = b.rows() == n || b.rows() == 1;
        boolean colsOk = b.cols() == m || b.cols() == 1;
        if (!rowsOk || !colsOk)
            throw new IllegalArgumentException(name + ": cannot broadcast " + b.shape() + " to " + a.shape()
                    + " (the second operand must have the same shape, or 1 row, or 1 column)");
        int bRowStride = b.rows() == 1 ? 0 : b.cols();
        int bColStride = b.cols() == 1 ? 0 : 1;
        double[] av = a.value().data, bv = b.value().data;
        DMatrixRMaj y = new DMatrixRMaj(n, m);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
                y.data[i * m + j] = rule.f(av[i * m + j], bv[i * bRowStride + j * bColStride]);
        return Tensor.op(name, y, g -> {
            double[] ga = a.requiresGrad() ? a.gradBuffer().data : null;
            double[] gb = b.requiresGrad() ? b.gradBuffer().data : null;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < m; j++) {
                    int k = i * m + j, kb = i * bRowStride + j * bColStride;
                    double x = av[k], z = bv[kb], out = y.data[k], gk = g.data[k];
                    if (ga != null) ga[k] += gk * rule.dA(x, z, out);
                    if (gb != null) gb[kb] += gk * rule.dB(x, z, out);
                }
        }, a, b);
    }
}
