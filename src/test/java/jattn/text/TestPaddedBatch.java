package jattn.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TestPaddedBatch {

    static final List<int[]> SEQS = List.of(new int[]{5, 6, 7}, new int[]{8}, new int[]{9, 4});

    @Test
    void padsToTheLongestAndKeepsValidLens() {
        PaddedBatch p = PaddedBatch.of(SEQS, 0, 10);
        assertEquals(3, p.batchSize());
        assertEquals(3, p.numSteps());
        assertArrayEquals(new int[]{3, 1, 2}, p.validLens());
        assertArrayEquals(new int[]{5, 6, 7, 8, 0, 0, 9, 4, 0}, p.idsBatchMajor());
        assertArrayEquals(new int[]{8, 0, 0}, p.sequence(1));
        assertEquals(4, p.id(2, 1));
    }

    @Test
    void stepsAreColumnsAndTimeMajorOrderFollowsTheSteps() {
        PaddedBatch p = PaddedBatch.of(SEQS, 0, 10);
        assertArrayEquals(new int[]{5, 8, 9}, p.step(0));
        assertArrayEquals(new int[]{6, 0, 4}, p.step(1));
        assertArrayEquals(new int[]{7, 0, 0}, p.step(2));
        assertArrayEquals(new int[]{5, 8, 9, 6, 0, 4, 7, 0, 0}, p.idsTimeMajor());
        assertArrayEquals(new boolean[]{true, false, true}, p.validAt(1));
        assertArrayEquals(new boolean[]{true, false, false}, p.validAt(2));
    }

    @Test
    void aFixedLengthTruncatesOrPads() {
        PaddedBatch shorter = PaddedBatch.of(SEQS, 0, 10, 2);
        assertArrayEquals(new int[]{5, 6, 8, 0, 9, 4}, shorter.idsBatchMajor());
        assertArrayEquals(new int[]{2, 1, 2}, shorter.validLens());
        PaddedBatch longer = PaddedBatch.of(List.of(new int[]{3}), 1, 4, 4);   // degenerate: B = 1, pad id 1
        assertArrayEquals(new int[]{3, 1, 1, 1}, longer.idsBatchMajor());
        assertEquals(1, longer.validLen(0));
    }

    @Test
    void vocabularyOverloadsUseItsPadAndSize() {
        Vocabulary v = Vocabulary.of(List.of("a", "b"));
        PaddedBatch p = PaddedBatch.of(List.of(v.encode(List.of("a", "b")), v.encode(List.of("b"))), v);
        assertArrayEquals(new int[]{v.indexOf("a"), v.indexOf("b"), v.indexOf("b"), Vocabulary.PAD_INDEX}, p.idsBatchMajor());
        assertThrows(IllegalArgumentException.class, () -> PaddedBatch.of(List.of(new int[]{v.size()}), v));
        assertEquals(1, PaddedBatch.of(List.of(new int[]{2, 3}), v, 1).numSteps());
    }

    @Test
    void returnedArraysAreCopies() {
        int[] s = {5, 6};
        PaddedBatch p = PaddedBatch.of(List.of(s), 0, 10);
        s[0] = 9;
        p.validLens()[0] = 7;
        p.sequence(0)[1] = 7;
        assertArrayEquals(new int[]{5, 6}, p.sequence(0));
        assertEquals(2, p.validLen(0));
    }

    @Test
    void badInputGivesClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PaddedBatch.of(List.of(new int[]{1}, new int[0]), 0, 10));
        assertTrue(e.getMessage().contains("sequence 1 is empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PaddedBatch.of(List.of(new int[]{1, 12}), 0, 10));
        assertTrue(e.getMessage().contains("id 12") && e.getMessage().contains("step 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PaddedBatch.of(List.of(new int[]{-1}), 0, 10));
        assertThrows(IllegalArgumentException.class, () -> PaddedBatch.of(List.of(), 0, 10));
        assertThrows(IllegalArgumentException.class, () -> PaddedBatch.of(SEQS, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> PaddedBatch.of(SEQS, 0, 10, 0));
        PaddedBatch p = PaddedBatch.of(SEQS, 0, 10);
        assertThrows(IllegalArgumentException.class, () -> p.step(3));
        assertThrows(IllegalArgumentException.class, () -> p.sequence(-1));
    }
}
