package jattn.seq2seq;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TestDecoded {

    static final int EOS = 3;

    private static Decoded example() {
        int[][] ids = {{5, 6, EOS, 7}, {4, 4, 4, 4}};
        List<DMatrixRMaj> w = List.of(
                new DMatrixRMaj(new double[][]{{0.5, 0.5, 0}, {1, 0, 0}}),
                new DMatrixRMaj(new double[][]{{0.2, 0.8, 0}, {1, 0, 0}}),
                new DMatrixRMaj(new double[][]{{0.1, 0.9, 0}, {1, 0, 0}}),
                new DMatrixRMaj(new double[][]{{0.3, 0.7, 0}, {1, 0, 0}}));
        return new Decoded(ids, w, new int[]{2, 1}, EOS);
    }

    @Test
    void tokensStopBeforeTheEndToken() {
        Decoded d = example();
        assertEquals(2, d.batch());
        assertEquals(4, d.steps());
        assertArrayEquals(new int[]{5, 6}, d.tokens(0));
        assertArrayEquals(new int[]{4, 4, 4, 4}, d.tokens(1));
        assertArrayEquals(new int[]{5, 6, EOS, 7}, d.ids(0));
    }

    @Test
    void alignmentHasOneRowPerOutputAndOneColumnPerValidSourcePosition() {
        Decoded d = example();
        double[][] a = d.alignment(0);
        assertEquals(2, a.length);
        assertArrayEquals(new double[]{0.2, 0.8}, a[1], 0.0);
        assertEquals(3, d.alignmentWithEnd(0).length);                    // with the end step
        assertEquals(4, d.alignmentWithEnd(1).length);                    // never more than the steps run
        assertEquals(1, d.alignment(1)[0].length);
        assertEquals(2, d.sourceLen(0));
    }

    @Test
    void arraysAreCopies() {
        Decoded d = example();
        d.ids(0)[0] = 99;
        d.weights(0).set(0, 0, 99);
        assertEquals(5, d.ids(0)[0]);
        assertEquals(0.5, d.weights(0).get(0, 0));
        assertTrue(d.hasWeights());
        Decoded none = new Decoded(new int[][]{{1}}, List.of(), new int[]{1}, -1);
        assertFalse(none.hasWeights());
        assertThrows(IllegalStateException.class, () -> none.weights(0));
        assertArrayEquals(new int[]{1}, none.tokens(0));
    }
}
