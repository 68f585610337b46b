package jattn.text;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class TestCosine {

    static final double EXACT = 1e-12;

    @Test
    void handComputedValues() {
        // (1,0)·(1,1) = 1, norms 1 and √2 → 1/√2
        assertEquals(1 / Math.sqrt(2), Cosine.similarity(Tensor.row(1, 0), Tensor.row(1, 1)), EXACT);
        // (3,4)·(−3,−4) = −25, norms 5 and 5 → −1
        assertEquals(-1.0, Cosine.similarity(Tensor.row(3, 4), Tensor.row(-3, -4)), EXACT);
        // scaling does not change the angle
        assertEquals(1.0, Cosine.similarity(Tensor.row(1, 2, 3), Tensor.row(2, 4, 6)), EXACT);
        // a zero vector: similarity 0, not NaN
        assertEquals(0.0, Cosine.similarity(Tensor.row(0, 0), Tensor.row(1, 1)), EXACT);
    }

    @Test
    void matrixMatchesPairwiseSimilarities() {
        Random rng = new Random(3);
        Tensor a = random(4, 5, rng), b = random(3, 5, rng);
        DMatrixRMaj c = Cosine.matrix(a, b);
        assertEquals(4, c.numRows);
        assertEquals(3, c.numCols);
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 3; j++) assertEquals(Cosine.similarity(a, i, b, j), c.get(i, j), EXACT);
        // degenerate: one column
        Tensor x = Tensor.of(new double[][]{{2}, {-3}});
        DMatrixRMaj s = Cosine.matrix(x, x);
        assertArrayEquals(new double[]{1, -1, -1, 1}, s.data, EXACT);
    }

    @Test
    void mismatchedLengthsNameBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cosine.matrix(Tensor.zeros(2, 3), Tensor.zeros(2, 4)));
        assertTrue(e.getMessage().contains("(2×3)") && e.getMessage().contains("(2×4)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Cosine.similarity(Tensor.zeros(2, 3), Tensor.zeros(1, 3)));
        assertThrows(IllegalArgumentException.class, () -> Cosine.similarity(Tensor.zeros(2, 3), 2, Tensor.zeros(2, 3), 0));
    }

    static Tensor random(int r, int c, Random rng) {
        DMatrixRMaj m = new DMatrixRMaj(r, c);
        for (int i = 0; i < m.data.length; i++) m.data[i] = rng.nextGaussian();
        return Tensor.constant(m);
    }
}
