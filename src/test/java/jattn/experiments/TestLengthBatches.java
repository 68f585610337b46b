package jattn.experiments;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestLengthBatches {

    private static List<String> words(int n, Random rng) {
        List<String> w = new ArrayList<>();
        for (int i = 0; i < n; i++) w.add("x".repeat(1 + rng.nextInt(30)) + "#" + i);   // distinct items
        return w;
    }

    private static int padded(Iterable<List<String>> batches) {
        int steps = 0;
        for (List<String> b : batches) steps += b.stream().mapToInt(String::length).max().orElse(0) * b.size();
        return steps;
    }

    @Test
    void everyItemOncePerEpochAndEpochsDiffer() {
        List<String> items = words(1000, new Random(1));
        LengthBatches<String> batches = new LengthBatches<>(items, 64, 4, String::length, 7);
        List<String> first = new ArrayList<>(), second = new ArrayList<>();
        int count = 0;
        for (List<String> b : batches) { first.addAll(b); count++; assertTrue(b.size() <= 64); }
        for (List<String> b : batches) second.addAll(b);
        assertEquals(batches.batchCount(), count);
        assertEquals(items.stream().sorted().toList(), first.stream().sorted().toList());
        assertEquals(items.stream().sorted().toList(), second.stream().sorted().toList());
        assertNotEquals(first, second);
    }

    @Test
    void poolsCutThePaddingAndOnePoolIsPlainShuffling() {
        List<String> items = words(2000, new Random(2));
        int plain = padded(new LengthBatches<>(items, 64, 1, String::length, 3));
        int pooled = padded(new LengthBatches<>(items, 64, 16, String::length, 3));
        assertTrue(pooled < 0.75 * plain, pooled + " padded steps with pools, " + plain + " without");
        // a pool of one batch does not sort across batches: batch b holds the shuffled items b·64 … b·64+63
        List<String> order = new ArrayList<>(items);
        java.util.Collections.shuffle(order, new Random(3));
        List<List<String>> batches = new ArrayList<>();
        new LengthBatches<>(items, 64, 1, String::length, 3).forEach(batches::add);
        assertTrue(batches.stream().anyMatch(b -> b.containsAll(order.subList(0, 64))));
    }

    @Test
    void sameSeedSameEpochs() {
        List<String> items = words(300, new Random(4));
        List<List<String>> a = new ArrayList<>(), b = new ArrayList<>();
        new LengthBatches<>(items, 10, 3, String::length, 9).forEach(a::add);
        new LengthBatches<>(items, 10, 3, String::length, 9).forEach(b::add);
        assertEquals(a, b);
        assertEquals(30, new LengthBatches<>(items, 10, 3, String::length, 9).batchCount());
        assertEquals(3, new LengthBatches<>(items.subList(0, 25), 10, 4, String::length, 9).batchCount());
    }

    @Test
    void badSettingsAreRejected() {
        assertRejects(() -> new LengthBatches<>(List.<String>of(), 4, 2, String::length, 0), "no items");
        assertRejects(() -> new LengthBatches<>(List.of("a"), 0, 2, String::length, 0), "batchSize", "0");
        assertRejects(() -> new LengthBatches<>(List.of("a"), 4, 0, String::length, 0), "poolBatches", "0");
    }
}
