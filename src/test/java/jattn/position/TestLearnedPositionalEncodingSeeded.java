package jattn.position;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestLearnedPositionalEncodingSeeded {

    @Test
    void seededWithAGivenStandardDeviation() {
        LearnedPositionalEncoding a = LearnedPositionalEncoding.seeded(40, 10, 1.0, new Random(9));
        double sumSq = 0;
        for (double v : a.table().value().data) sumSq += v * v;
        assertEquals(1.0, Math.sqrt(sumSq / 400), 0.08);
        assertTrue(a.table().requiresGrad());
        assertClose(a.table(), LearnedPositionalEncoding.seeded(40, 10, 1.0, new Random(9)).table(), 0.0);
        assertRejects(() -> LearnedPositionalEncoding.seeded(4, 2, 0.0, new Random(1)), "initStd");
        assertRejects(() -> LearnedPositionalEncoding.seeded(0, 2, 1.0, new Random(1)), "maxLen");
    }
}
