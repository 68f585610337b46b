package jattn.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class TestBatches {

    static final List<Integer> ITEMS = IntStream.range(0, 10).boxed().toList();

    static List<List<Integer>> epoch(Batches<Integer> b) {
        List<List<Integer>> out = new ArrayList<>();
        for (List<Integer> batch : b) out.add(batch);
        return out;
    }

    @Test
    void everyItemOncePerEpochAndTheLastBatchKeepsTheRest() {
        Batches<Integer> b = new Batches<>(ITEMS, 4, 42);
        assertEquals(3, b.batchCount());
        for (int e = 0; e < 3; e++) {
            List<List<Integer>> batches = epoch(b);
            assertEquals(List.of(4, 4, 2), batches.stream().map(List::size).toList());
            List<Integer> seen = new ArrayList<>();
            batches.forEach(seen::addAll);
            assertEquals(ITEMS, seen.stream().sorted().toList());
        }
    }

    @Test
    void epochsAreReshuffledAndTheSeedRepeatsThem() {
        Batches<Integer> a = new Batches<>(ITEMS, 3, 7), b = new Batches<>(ITEMS, 3, 7);
        List<List<Integer>> a1 = epoch(a), a2 = epoch(a);
        assertNotEquals(a1, a2);
        assertEquals(a1, epoch(b));
        assertEquals(a2, epoch(b));
        assertNotEquals(a1, epoch(new Batches<>(ITEMS, 3, 8)));
    }

    @Test
    void inOrderKeepsTheOrder() {
        Batches<Integer> b = Batches.inOrder(ITEMS, 10);
        assertEquals(List.of(ITEMS), epoch(b));
        assertEquals(List.of(ITEMS), epoch(b));
        assertEquals(10, epoch(Batches.inOrder(ITEMS, 1)).size());
        assertEquals(1, epoch(Batches.inOrder(ITEMS, 100)).size());
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Batches<>(List.of(), 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new Batches<>(ITEMS, 0, 1));
    }
}
