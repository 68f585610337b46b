package jattn.position;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.SimpleMatrix;

/**
 * The fixed sine–cosine encoding of "Attention is all you need" (section 3.5):
 * <pre>
 *   P[pos, 2i]   = sin(pos · ωᵢ)
 *   P[pos, 2i+1] = cos(pos · ωᵢ),     ωᵢ = 1 / 10000^(2i/d),  i = 0 … d/2 − 1
 * </pre>
 * Each pair of columns is a clock hand turning at its own frequency, from one turn per 2π
 * positions (i = 0) down to one per 2π·10000 positions.
 *
 * <p>A shift by k positions is a rotation: for each pair,
 * [P(pos+k, 2i), P(pos+k, 2i+1)]ᵀ = Rᵢ(k)·[P(pos, 2i), P(pos, 2i+1)]ᵀ with
 * Rᵢ(k) = [[cos ωᵢk, sin ωᵢk], [−sin ωᵢk, cos ωᵢk]], independent of pos ({@link #rotation},
 * {@link #shiftMatrix}, {@link #shift}). Hence P(p)·P(p+k) = Σᵢ cos(ωᵢk) depends on k only.
 *
 * <p>d must be even (the encoding is made of sin/cos pairs). The table is a constant: no
 * parameters. Shapes: table (maxLen×d).
 */
public final class SinusoidalPositionalEncoding implements PositionalEncoding {

    /** The wavelength base 10000 of the paper. */
    public static final double BASE = 10000;

    private final int d;
    private final Tensor table;

    /** The table for positions 0 … maxLen − 1 and an even width d. */
    public SinusoidalPositionalEncoding(int maxLen, int d) {
        if (maxLen < 1) throw new IllegalArgumentException("SinusoidalPositionalEncoding: maxLen must be ≥ 1, got " + maxLen);
        if (d < 2 || d % 2 != 0)
            throw new IllegalArgumentException("SinusoidalPositionalEncoding: d must be even and ≥ 2 (sin/cos pairs), got " + d);
        this.d = d;
        DMatrixRMaj p = new DMatrixRMaj(maxLen, d);
        for (int pos = 0; pos < maxLen; pos++)
            for (int i = 0; i < d / 2; i++) {
                double angle = pos * frequency(i);
                p.set(pos, 2 * i, Math.sin(angle));
                p.set(pos, 2 * i + 1, Math.cos(angle));
            }
        this.table = Tensor.constant(p);
    }

    @Override
    public Tensor table() { return table; }

    /** ωᵢ = 1 / 10000^(2i/d), the angular frequency of column pair i (0 ≤ i &lt; d/2). */
    public double frequency(int i) {
        if (i < 0 || i >= d / 2)
            throw new IllegalArgumentException("SinusoidalPositionalEncoding: pair " + i + " is outside [0, " + d / 2 + ")");
        return Math.pow(BASE, -2.0 * i / d);
    }

    /** Rᵢ(k) (2×2) = [[cos ωᵢk, sin ωᵢk], [−sin ωᵢk, cos ωᵢk]]: moves pair i of P(pos) to P(pos+k). */
    public SimpleMatrix rotation(int i, int k) {
        double c = Math.cos(frequency(i) * k), s = Math.sin(frequency(i) * k);
        return new SimpleMatrix(new double[][]{{c, s}, {-s, c}});
    }

    /** M(k) (d×d), block-diagonal with the Rᵢ(k): P(pos+k)ᵀ = M(k)·P(pos)ᵀ for every pos. */
    public SimpleMatrix shiftMatrix(int k) {
        SimpleMatrix m = new SimpleMatrix(d, d);
        for (int i = 0; i < d / 2; i++) m.insertIntoThis(2 * i, 2 * i, rotation(i, k));
        return m;
    }

    /** Each row of {@code encodings} (n×d) rotated by k positions: rows·M(k)ᵀ → (n×d). Not modified. */
    public Tensor shift(Tensor encodings, int k) {
        if (encodings.cols() != d)
            throw new IllegalArgumentException("SinusoidalPositionalEncoding: encodings " + encodings.shape()
                    + " do not fit table " + table.shape());
        return encodings.matmulTransB(Tensor.of(shiftMatrix(k)));        // (n×d)·(d×d)ᵀ → (n×d)
    }
}
