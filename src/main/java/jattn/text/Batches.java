package jattn.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Mini-batches of a data set, reshuffled every epoch with a seeded {@link Random}.
 *
 * <p>Each call of {@link #iterator()} (each {@code for (List<T> batch : batches)} loop) is one
 * epoch: the items are put in a new random order (Fisher–Yates) and cut into batches of
 * {@code batchSize}; the last batch keeps the remainder, so every item is seen exactly once
 * per epoch. The same seed gives the same sequence of epochs. {@link #inOrder} gives
 * batches in the original order every epoch (for evaluation).
 *
 * <p>The item list is copied; the items themselves are shared, not copied or modified.
 */
public final class Batches<T> implements Iterable<List<T>> {

    private final List<T> items;
    private final int batchSize;
    private final Random rng;   // null: no shuffling

    /** Batches of {@code batchSize} items, shuffled every epoch by a Random seeded with {@code seed}. */
    public Batches(List<T> items, int batchSize, long seed) {
        this(items, batchSize, new Random(seed));
    }

    private Batches(List<T> items, int batchSize, Random rng) {
        if (items.isEmpty()) throw new IllegalArgumentException("Batches: no items");
        if (batchSize < 1) throw new IllegalArgumentException("Batches: batchSize must be ≥ 1, got " + batchSize);
        this.items = new ArrayList<>(items);
        this.batchSize = batchSize;
        this.rng = rng;
    }

    /** Batches in the given order, the same every epoch. */
    public static <T> Batches<T> inOrder(List<T> items, int batchSize) {
        return new Batches<>(items, batchSize, (Random) null);
    }

    /** The number of batches per epoch: ⌈n / batchSize⌉. */
    public int batchCount() { return (items.size() + batchSize - 1) / batchSize; }

    /** The number of items n. */
    public int itemCount() { return items.size(); }

    public int batchSize() { return batchSize; }

    /** One epoch: a new permutation (if shuffling) cut into batches. */
    @Override
    public Iterator<List<T>> iterator() {
        List<T> order = new ArrayList<>(items);
        if (rng != null) Collections.shuffle(order, rng);
        List<List<T>> batches = new ArrayList<>(batchCount());
        for (int from = 0; from < order.size(); from += batchSize)
            batches.add(Collections.unmodifiableList(order.subList(from, Math.min(from + batchSize, order.size()))));
        return batches.iterator();
    }
}
