package jattn.position;

import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestLearnedPositionalEncoding {

    @Test
    void seededTableIsReproducibleAndSmall() {
        LearnedPositionalEncoding a = new LearnedPositionalEncoding(50, 8, new Random(131));
        LearnedPositionalEncoding b = new LearnedPositionalEncoding(50, 8, new Random(131));
        assertClose(a.table(), b.table(), 0.0);
        double sumSq = 0;
        for (double v : a.table().value().data) sumSq += v * v;
        assertEquals(LearnedPositionalEncoding.INIT_STD, Math.sqrt(sumSq / 400), 0.003);
        assertEquals(List.of(a.table()), a.parameters());
        assertEquals(50, a.maxLen());
        assertEquals(8, a.dModel());
    }

    @Test
    void encodeAddsTheTableAndTheGradientReachesBothInputAndTable() {
        Random rng = new Random(132);
        LearnedPositionalEncoding pe = new LearnedPositionalEncoding(random(6, 3, rng));
        Tensor x = random(4, 3, rng);
        assertClose(x.add(pe.table().sliceRows(0, 4)), pe.encode(x), 0.0);
        assertGrad(t -> pe.encode(t[0]), x, pe.table());
        assertGrad(t -> pe.encode(t[0]), random(1, 3, rng), pe.table());
        // stacked sequences: both blocks send their gradient into the same rows of P
        assertGrad(t -> pe.encode(t[0], 2), random(6, 3, rng), pe.table());
        pe.zeroGrad();
        pe.encode(random(6, 3, rng), 2).sum().backward();
        assertArrayEquals(new double[]{3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, pe.table().grad().data, 0.0);
    }

    @Test
    void badShapesAreRejectedClearly() {
        LearnedPositionalEncoding pe = new LearnedPositionalEncoding(5, 4, new Random(133));
        assertRejects(() -> pe.encode(Tensor.zeros(6, 4)), "(6×4)", "(5×4)");
        assertRejects(() -> pe.encode(Tensor.zeros(3, 2)), "(3×2)", "(5×4)");
        assertRejects(() -> new LearnedPositionalEncoding(0, 4, new Random(1)), "maxLen");
    }
}
