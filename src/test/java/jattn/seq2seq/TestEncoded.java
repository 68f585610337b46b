package jattn.seq2seq;

import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestEncoded {

    @Test
    void describesOneBatch() {
        int[] lens = {3, 1};
        Encoded e = new Encoded(Tensor.zeros(6, 4), Tensor.zeros(2, 4), lens);
        assertEquals(2, e.batch());
        assertEquals(3, e.steps());
        assertEquals(4, e.hidden());
        lens[0] = 99;                                                    // copied in
        assertArrayEquals(new int[]{3, 1}, e.validLens());
        e.validLens()[0] = 99;                                           // copied out
        assertArrayEquals(new int[]{3, 1}, e.validLens());
    }

    @Test
    void shapesMustAgree() {
        assertRejects(() -> new Encoded(Tensor.zeros(5, 4), Tensor.zeros(2, 4), new int[]{3, 1}), "(5×4)", "(2×4)");
        assertRejects(() -> new Encoded(Tensor.zeros(6, 4), Tensor.zeros(2, 3), new int[]{3, 1}), "(6×4)", "(2×3)");
        assertRejects(() -> new Encoded(Tensor.zeros(6, 4), Tensor.zeros(3, 4), new int[]{3, 1}), "(3×4)");
    }
}
