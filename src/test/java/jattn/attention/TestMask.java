package jattn.attention;

import org.junit.jupiter.api.Test;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestMask {

    private static final boolean T = true, F = false;

    @Test
    void validLengthsPerRowAndPerSequenceOfRows() {
        assertArrayEquals(new boolean[][]{{T, T, F}, {F, F, F}, {T, T, T}}, Mask.validLensPerRow(2, 0, 3).keep("t", 3, 3));
        // 2 lengths for 4 rows: rows 0–1 share the first, rows 2–3 the second (d2l's (B·q × k) layout)
        assertArrayEquals(new boolean[][]{{T, F, F}, {T, F, F}, {T, T, F}, {T, T, F}},
                Mask.validLensPerBatch(1, 2).keep("t", 4, 3));
        assertArrayEquals(new boolean[][]{{T, T, F, F}, {T, T, F, F}}, Mask.validLen(2).keep("t", 2, 4));
        // as many lengths as rows: both read the same
        assertArrayEquals(Mask.validLensPerRow(1, 3).keep("t", 2, 4), Mask.validLensPerBatch(1, 3).keep("t", 2, 4));
    }

    @Test
    void aCountOfLengthsIsNeverGuessed() {
        // per row: the count must equal the rows, even where it would divide them
        assertRejects(() -> Mask.validLensPerRow(1, 2).keep("Layer", 4, 3), "Layer", "2 valid lengths", "4 rows",
                "(4×3)", "validLensPerBatch");
        // per sequence: the count must divide the rows
        assertRejects(() -> Mask.validLensPerBatch(1, 2, 3).keep("Layer", 4, 5), "Layer", "3 valid lengths",
                "4 rows", "(4×5)", "validLensPerRow");
    }

    @Test
    void causalOnSquareAndNonSquareScores() {
        assertArrayEquals(new boolean[][]{{T, F, F}, {T, T, F}, {T, T, T}}, Mask.causal().keep("t", 3, 3));
        assertArrayEquals(new boolean[][]{{T, F}, {T, T}, {T, T}}, Mask.causal().keep("t", 3, 2));
        assertArrayEquals(new boolean[][]{{T, F, F, F}, {T, T, F, F}}, Mask.causal().keep("t", 2, 4));
    }

    @Test
    void andKeepsWhatBothKeep() {
        assertArrayEquals(new boolean[][]{{T, F, F}, {T, T, F}, {T, F, F}},
                Mask.causal().and(Mask.validLensPerRow(3, 2, 1)).keep("t", 3, 3));
    }

    @Test
    void explicitPatternIsCopied() {
        boolean[][] pattern = {{T, F}, {F, T}};
        Mask m = Mask.of(pattern);
        pattern[0][1] = true;
        assertFalse(m.keep("t", 2, 2)[0][1]);
        m.keep("t", 2, 2)[1][0] = true;       // the returned array is the caller's
        assertFalse(m.keep("t", 2, 2)[1][0]);
    }

    @Test
    void masksThatDoNotFitAreRejected() {
        assertRejects(() -> Mask.validLen(6).keep("Layer", 4, 5), "valid length 6", "(4×5)");
        assertRejects(() -> Mask.validLensPerRow(1, -1).keep("Layer", 2, 5), "valid length -1", "index 1", "(2×5)");
        assertRejects(() -> Mask.of(new boolean[2][3]).keep("Layer", 4, 5), "(2×3)", "(4×5)");
        assertRejects(() -> Mask.of(new boolean[][]{{T}, {T, F}}), "row 1");
        assertRejects(Mask::validLensPerRow, "no valid lengths");
        assertRejects(Mask::validLensPerBatch, "no valid lengths");
    }
}
