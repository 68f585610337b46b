package jattn.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp, σ and tanh on whole vectors, from additions, multiplications, fused multiply-adds and bit
 * operations only, so that every stage of the JVM (interpreter, C1, C2) computes the same bits:
 * the Vector API's own {@code lanewise(EXP)} is Intel's SVML once C2 has compiled a loop but a
 * per-lane {@link Math#exp} before that, and the two differ in the last bit, which made two
 * trainings of one seed drift apart depending on when the JIT finished. With x (L lanes):
 * <pre>
 *   exp(x) = 2ᵏ·p(r),  k = round(x·log₂e),  r = x − k·ln2 (ln2 in two parts),  |r| ≤ ln2/2
 *   p(r)   = Σ_{i≤13} rⁱ/i!          (Horner, fused multiply-adds; truncation below 1e-17)
 *   2ᵏ     = 2·(the bits (k + 1022) &lt;&lt; 52), k taken from the low bits of x·log₂e + 1.5·2⁵²
 *   x &lt; −708 → 0 (where e^x &lt; 3.3e-308: no subnormals),  x &gt; 709.79 → +∞,  NaN → NaN
 *   σ(x) = 1/(1 + exp(−x)),   tanh(x) = 1 − 2/(1 + exp(2x))   (exactly 0/1 and ±1 at ±∞)
 * </pre>
 * Within 1 ulp of {@link Math#exp} from −708 up (TestVectorMath). Loaded only when the JVM has the module
 * {@code jdk.incubator.vector} ({@link Gemm#vectorized()}).
 */
public final class VectorMath {

    /** The vector shape every kernel of the module uses. */
    public static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private static final double SHIFTER = 0x1.8p52, LOWEST = -708.0, HIGHEST = 709.79;
    private static final DoubleVector LOG2E = constant(1.4426950408889634), SHIFT = constant(SHIFTER),
            MINUS_LN2_HI = constant(-0.6931471803691238), MINUS_LN2_LO = constant(-1.9082149292705877e-10),
            ONE = constant(1.0), TWO = constant(2.0);
    /** 1/i! for i = 0 … 13, as constant vectors (fewer nodes for C2 than a broadcast per term, so that callers inline all of exp). */
    private static final DoubleVector F0 = constant(1.0), F1 = constant(1.0), F2 = constant(1.0 / 2), F3 = constant(1.0 / 6),
            F4 = constant(1.0 / 24), F5 = constant(1.0 / 120), F6 = constant(1.0 / 720), F7 = constant(1.0 / 5040),
            F8 = constant(1.0 / 40320), F9 = constant(1.0 / 362880), F10 = constant(1.0 / 3628800),
            F11 = constant(1.0 / 39916800), F12 = constant(1.0 / 479001600), F13 = constant(1.0 / 6227020800.0);

    private static DoubleVector constant(double c) {
        return DoubleVector.broadcast(SPECIES, c);
    }

    private VectorMath() {}

    /** e^x lane by lane. */
    public static DoubleVector exp(DoubleVector x) {
        DoubleVector t = x.fma(LOG2E, SHIFT);
        DoubleVector k = t.sub(SHIFT);                                   // round(x·log₂e), as a double
        DoubleVector r = k.fma(MINUS_LN2_LO, k.fma(MINUS_LN2_HI, x));     // x − k·ln2
        DoubleVector p = F13.fma(r, F12).fma(r, F11).fma(r, F10).fma(r, F9).fma(r, F8).fma(r, F7).fma(r, F6)
                .fma(r, F5).fma(r, F4).fma(r, F3).fma(r, F2).fma(r, F1).fma(r, F0);
        LongVector bits = ((LongVector) t.reinterpretAsLongs()).add(1022L).lanewise(VectorOperators.LSHL, 52);
        DoubleVector y = p.mul(bits.reinterpretAsDoubles()).mul(TWO);    // p·2ᵏ⁻¹·2: k = 1024 stays finite until the product
        VectorMask<Double> low = x.compare(VectorOperators.LT, LOWEST), high = x.compare(VectorOperators.GT, HIGHEST);
        return y.blend(0.0, low).blend(Double.POSITIVE_INFINITY, high);
    }

    /** σ(x) = 1/(1 + e^(−x)) lane by lane. */
    public static DoubleVector sigmoid(DoubleVector x) {
        return ONE.div(exp(x.neg()).add(ONE));
    }

    /** tanh(x) = 1 − 2/(1 + e^(2x)) lane by lane. */
    public static DoubleVector tanh(DoubleVector x) {
        return ONE.sub(TWO.div(exp(x.mul(TWO)).add(ONE)));
    }
}
