package jattn.position;

import jattn.testing.Fixtures;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static jattn.testing.TorchAssert.assertMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link SinusoidalPositionalEncoding} against the Annotated Transformer's PyTorch table
 * ({@code positional_encoding.json}, cases d32 with maxLen 61 and d6 with maxLen 10):
 * {@code div_term = exp(arange(0, d, 2)·(−ln 10000 / d))}, {@code pe[:, 0::2] = sin(pos·div_term)},
 * {@code pe[:, 1::2] = cos(pos·div_term)}. Our ωᵢ = 10000^(−2i/d) is the same number computed
 * with pow instead of exp, so the two differ by rounding only; angles up to 60 rad carry it.
 */
class TestSinusoidalPositionalEncodingAgainstTorch {

    /** ωᵢ by pow versus exp: an ulp or two (observed ≤ 5.6e-17). */
    static final double FREQUENCY_TOL = 1e-15;
    /** sin/cos of angles up to 60 rad: 60·(an ulp of ω) ≈ 7e-15 (observed ≤ 3.6e-15). */
    static final double TABLE_TOL = 1e-13;

    static final Fixtures F = Fixtures.load("positional_encoding.json");

    @Test
    void tableAndFrequenciesMatchTorch() {
        assertEquals(2, F.keys("inputs").size());
        for (String c : F.keys("inputs")) {
            int maxLen = F.integer("inputs", c, "maxLen"), d = F.integer("inputs", c, "d");
            SinusoidalPositionalEncoding pe = new SinusoidalPositionalEncoding(maxLen, d);
            assertMatches(c + ".pe", F.matrix("outputs", c, "pe"), pe.table(), TABLE_TOL);
            DMatrixRMaj omega = new DMatrixRMaj(1, d / 2);
            for (int i = 0; i < d / 2; i++) omega.set(0, i, pe.frequency(i));
            assertMatches(c + ".divTerm", F.matrix("outputs", c, "divTerm"), omega, FREQUENCY_TOL);
        }
    }
}
