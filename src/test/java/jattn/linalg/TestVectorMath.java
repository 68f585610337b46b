package jattn.linalg;

import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link VectorMath}: exp within 1 ulp of {@link Math#exp}, the limits, σ and tanh; and the same
 * bits as the same steps written as plain double arithmetic, which is what makes it compute
 * identically in the interpreter and in compiled code (unlike {@code lanewise(EXP)}).
 */
class TestVectorMath {

    static final int L = VectorMath.SPECIES.length();

    private static double[] apply(java.util.function.UnaryOperator<DoubleVector> f, double... x) {
        double[] y = new double[x.length];
        for (int i = 0; i + L <= x.length; i += L) f.apply(DoubleVector.fromArray(VectorMath.SPECIES, x, i)).intoArray(y, i);
        return y;
    }

    /** The algorithm of {@link VectorMath#exp} on one double, step by step. */
    private static double plainExp(double x) {
        if (x < -708.0) return 0;
        if (x > 709.79) return Double.POSITIVE_INFINITY;
        double t = Math.fma(x, 1.4426950408889634, 0x1.8p52), k = t - 0x1.8p52;
        double r = Math.fma(k, -0.6931471803691238, x);
        r = Math.fma(k, -1.9082149292705877e-10, r);
        double[] inv = new double[14];
        double f = 1;
        for (int i = 0; i < 14; i++) { if (i > 0) f *= i; inv[i] = 1 / f; }
        double p = inv[13];
        for (int i = 12; i >= 0; i--) p = Math.fma(p, r, inv[i]);
        double scale = Double.longBitsToDouble((Double.doubleToRawLongBits(t) + 1022L) << 52);
        return p * scale * 2.0;
    }

    @Test
    void expIsWithinOneUlpOfMathExpAndBitForBitItsPlainArithmetic() {
        Random rng = new Random(81);
        double[] x = new double[L * 50_000];
        for (int i = 0; i < x.length; i++) x[i] = (2 * rng.nextDouble() - 1) * new double[]{1, 20, 700}[i % 3];
        double[] y = apply(VectorMath::exp, x);
        for (int i = 0; i < x.length; i++) {
            double want = Math.exp(x[i]);
            if (x[i] >= -708) assertTrue(Math.abs(y[i] - want) <= Math.ulp(want), "exp(" + x[i] + ") = " + y[i] + ", Math.exp " + want);
            assertEquals(Double.doubleToRawLongBits(plainExp(x[i])), Double.doubleToRawLongBits(y[i]), "bits of exp(" + x[i] + ")");
        }
    }

    @Test
    void limits() {
        double[] x = {Double.NEGATIVE_INFINITY, -745, -708.5, 0, 709.7, 709.8, Double.POSITIVE_INFINITY, Double.NaN};
        double[] y = apply(VectorMath::exp, x);
        assertEquals(0.0, y[0]);
        assertEquals(0.0, y[1]);
        assertEquals(0.0, y[2]);                                         // Math.exp: 1.9e-308; no subnormals here
        assertEquals(1.0, y[3]);
        assertEquals(Math.exp(709.7), y[4], Math.ulp(Math.exp(709.7)));  // k = 1024 stays finite
        assertEquals(Double.POSITIVE_INFINITY, y[5]);
        assertEquals(Double.POSITIVE_INFINITY, y[6]);
        assertTrue(Double.isNaN(y[7]));
    }

    @Test
    void sigmoidAndTanhMatchTheirScalarFormsAndSaturateExactly() {
        Random rng = new Random(82);
        double[] x = new double[L * 1000];
        for (int i = 0; i < x.length; i++) x[i] = 8 * rng.nextGaussian();
        double[] s = apply(VectorMath::sigmoid, x), t = apply(VectorMath::tanh, x);
        for (int i = 0; i < x.length; i++) {
            assertEquals(1 / (1 + Math.exp(-x[i])), s[i], 1e-15, "σ(" + x[i] + ")");
            assertEquals(Math.tanh(x[i]), t[i], 1e-15, "tanh(" + x[i] + ")");
        }
        double[] ends = {Double.NEGATIVE_INFINITY, -800, 800, Double.POSITIVE_INFINITY};
        double[] se = apply(VectorMath::sigmoid, ends), te = apply(VectorMath::tanh, ends);
        assertEquals(0.0, se[0]);
        assertEquals(0.0, se[1]);
        assertEquals(1.0, se[2]);
        assertEquals(1.0, se[3]);
        assertEquals(-1.0, te[0]);
        assertEquals(-1.0, te[1]);
        assertEquals(1.0, te[2]);
        assertEquals(1.0, te[3]);
    }
}
