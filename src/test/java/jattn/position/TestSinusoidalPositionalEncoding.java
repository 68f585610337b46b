package jattn.position;

import jattn.autograd.Tensor;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestSinusoidalPositionalEncoding {

    @Test
    void tableValuesComputedByHand() {
        Tensor p = new SinusoidalPositionalEncoding(10, 4).table();
        assertArrayEquals(new double[]{0, 1, 0, 1}, p.sliceRows(0, 1).value().data, CLOSE);
        // d = 4: ω₀ = 1, ω₁ = 10000^(−2/4) = 1/100
        assertArrayEquals(new double[]{Math.sin(3), Math.cos(3), Math.sin(0.03), Math.cos(0.03)},
                p.sliceRows(3, 4).value().data, CLOSE);
        SinusoidalPositionalEncoding pe6 = new SinusoidalPositionalEncoding(60, 6);
        double w2 = 1 / Math.pow(10000, 4.0 / 6);
        assertEquals(Math.sin(59 * w2), pe6.table().get(59, 4), CLOSE);
        assertEquals(Math.cos(59 * w2), pe6.table().get(59, 5), CLOSE);
        assertEquals(w2, pe6.frequency(2), CLOSE);
        assertEquals(60, pe6.maxLen());
        assertEquals(6, pe6.dModel());
        assertFalse(pe6.table().requiresGrad());
    }

    @Test
    void dotProductOfTwoPositionsDependsOnlyOnTheirDistance() {
        int d = 16;
        SinusoidalPositionalEncoding pe = new SinusoidalPositionalEncoding(80, d);
        Tensor gram = pe.table().matmulTransB(pe.table());                    // (80×80)
        for (int k = 0; k < 20; k++) {
            double expected = 0;
            for (int i = 0; i < d / 2; i++) expected += Math.cos(pe.frequency(i) * k);
            for (int p = 0; p + k < 80; p += 7) {
                assertEquals(expected, gram.get(p, p + k), 1e-10, "p=" + p + " k=" + k);
                assertEquals(expected, gram.get(p + k, p), 1e-10);
            }
        }
        assertEquals(d / 2.0, gram.get(33, 33), 1e-10);                       // ‖P(p)‖² = d/2
    }

    @Test
    void aShiftByKPositionsIsARotationOfEachPair() {
        SinusoidalPositionalEncoding pe = new SinusoidalPositionalEncoding(50, 8);
        Tensor p = pe.table();
        for (int i = 0; i < 4; i++)
            for (int k : new int[]{1, 5, -3}) {
                SimpleMatrix r = pe.rotation(i, k);
                assertEquals(1.0, r.determinant(), CLOSE);
                assertTrue(r.transpose().mult(r).isIdentical(SimpleMatrix.identity(2), CLOSE));
                for (int pos = 3; pos + k < 50; pos += 11) {
                    SimpleMatrix now = new SimpleMatrix(new double[][]{{p.get(pos, 2 * i)}, {p.get(pos, 2 * i + 1)}});
                    SimpleMatrix later = r.mult(now);
                    assertEquals(p.get(pos + k, 2 * i), later.get(0), CLOSE);
                    assertEquals(p.get(pos + k, 2 * i + 1), later.get(1), CLOSE);
                }
            }
        SimpleMatrix m = pe.shiftMatrix(7);
        SimpleMatrix col = p.sliceRows(10, 11).toSimple().transpose();
        assertArrayEquals(p.sliceRows(17, 18).value().data, m.mult(col).getDDRM().data, 1e-12);
        assertClose(p.sliceRows(4, 40), pe.shift(p.sliceRows(0, 36), 4), 1e-12);
        assertClose(p.sliceRows(0, 36), pe.shift(p.sliceRows(4, 40), -4), 1e-12);
    }

    @Test
    void encodeAddsTheFirstTRowsAndPassesTheGradientToTheInput() {
        Random rng = new Random(121);
        SinusoidalPositionalEncoding pe = new SinusoidalPositionalEncoding(10, 4);
        Tensor x = random(3, 4, rng);
        Tensor y = pe.encode(x);
        assertEquals(x.get(2, 1) + Math.cos(2), y.get(2, 1), CLOSE);
        assertClose(x.add(pe.table().sliceRows(0, 3)), y, 0.0);
        assertGrad(t -> pe.encode(t[0]), x);
        assertGrad(t -> pe.encode(t[0]), random(1, 4, rng));
        // two stacked sequences of length 3: row b·3 + t gets P[t]
        Tensor stacked = random(6, 4, rng);
        Tensor ys = pe.encode(stacked, 3);
        assertEquals(stacked.get(4, 0) + Math.sin(1), ys.get(4, 0), CLOSE);
        assertClose(pe.encode(stacked.sliceRows(3, 6)), ys.sliceRows(3, 6), 0.0);
        assertGrad(t -> pe.encode(t[0], 3), stacked);
    }

    @Test
    void badShapesAreRejectedClearly() {
        SinusoidalPositionalEncoding pe = new SinusoidalPositionalEncoding(60, 8);
        assertRejects(() -> pe.encode(Tensor.zeros(70, 8)), "(70×8)", "(60×8)");
        assertRejects(() -> pe.encode(Tensor.zeros(5, 6)), "(5×6)", "(60×8)");
        assertRejects(() -> pe.encode(Tensor.zeros(7, 8), 3), "(7×8)", "length 3");
        assertRejects(() -> new SinusoidalPositionalEncoding(10, 5), "even", "5");
        assertRejects(() -> new SinusoidalPositionalEncoding(0, 4), "maxLen");
        assertRejects(() -> pe.frequency(4), "pair 4");
        assertRejects(() -> pe.shift(Tensor.zeros(2, 4), 1), "(2×4)", "(60×8)");
    }
}
