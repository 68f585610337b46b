package jattn.experiments;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.List;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestAccuracyByLength {

    static final int[] LENGTHS = {2, 3, 5, 5, 9};
    static final boolean[] RIGHT = {true, false, true, true, false};

    @Test
    void countsExactMatchesPerBucket() {
        AccuracyByLength a = AccuracyByLength.of(LENGTHS, RIGHT, 2, 4, 6, 8, 10);
        assertEquals(3, a.buckets().size());                            // [6, 8) is empty and left out
        AccuracyByLength.Bucket first = a.shortest(), last = a.longest();
        assertEquals(2, first.count());
        assertEquals(0.5, first.accuracy());
        assertEquals("2–3", first.label());
        assertEquals(1.0, a.buckets().get(1).accuracy());
        assertEquals(0.0, last.accuracy());
        assertEquals("8–9", last.label());
        assertEquals(3.0 / 5, a.overall());
        assertEquals("7", new AccuracyByLength.Bucket(7, 8, 1, 1).label());
    }

    @Test
    void seriesPutsEachBucketAtItsMiddleLength() {
        AccuracyByLength a = AccuracyByLength.of(LENGTHS, RIGHT, 2, 4, 6, 10);  // buckets 2–3, 4–5, 6–9
        jattn.viz.Series s = a.series("GRU");
        assertEquals("GRU", s.name());
        assertArrayEquals(new double[]{2.5, 4.5, 7.5}, s.x());
        assertArrayEquals(new double[]{0.5, 1.0, 0.0}, s.y());
    }

    @Test
    void tableAndTextHaveOneRowPerBucket() {
        AccuracyByLength a = AccuracyByLength.of(LENGTHS, RIGHT, 2, 4, 6, 10);
        Table t = a.table("GRU");
        assertEquals(3, t.rowCount());
        assertEquals("GRU", t.stringColumn("model").get(0));
        assertEquals(0.5, t.doubleColumn("exact match").get(0));
        assertEquals(2.5, t.doubleColumn("mean length").get(0));
        String text = a.format();
        assertTrue(text.contains("input length 2–3: exact match 0.500 (2 examples)"), text);
        assertEquals(3, text.lines().count());
    }

    @Test
    void badInputIsRejected() {
        assertRejects(() -> AccuracyByLength.of(LENGTHS, new boolean[4], 2, 10), "5 lengths", "4 outcomes");
        assertRejects(() -> AccuracyByLength.of(LENGTHS, RIGHT, 3, 10), "length 2", "[3, 10)");
        assertRejects(() -> AccuracyByLength.of(LENGTHS, RIGHT, 2, 2, 10), "increase");
        assertRejects(() -> AccuracyByLength.of(LENGTHS, RIGHT, 2), "two");
    }
}
