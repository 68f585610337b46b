package jattn.experiments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * Mini-batches of items of similar length, reshuffled every epoch with a seeded {@link Random}
 * (the "bucket iterator" of torchtext): a recurrent encoder runs as many steps as the longest
 * sequence of its batch, so batches of similar lengths waste fewer steps on padding.
 * <pre>
 *   each epoch: shuffle all items;  cut them into pools of poolBatches·batchSize;
 *               sort each pool by length;  cut the pools into batches;  shuffle the batch order
 * </pre>
 * Every item is seen exactly once per epoch; the last batch of a pool may be smaller. With a
 * pool of one batch this is plain shuffled batching ({@link jattn.text.Batches}). Larger pools
 * give less padding but batches that are less random (here: similar lengths are often the same
 * date format). The item list is copied; the items are shared, never modified.
 */
public final class LengthBatches<T> implements Iterable<List<T>> {

    private final List<T> items;
    private final int batchSize, poolBatches;
    private final ToIntFunction<T> length;
    private final Random rng;

    /**
     * @param items       the data set (copied)
     * @param batchSize   items per batch, ≥ 1
     * @param poolBatches batches per sorted pool, ≥ 1
     * @param length      the length of an item (what the batch is padded to)
     * @param seed        the seed of the shuffling
     */
    public LengthBatches(List<T> items, int batchSize, int poolBatches, ToIntFunction<T> length, long seed) {
        if (items.isEmpty()) throw new IllegalArgumentException("LengthBatches: no items");
        if (batchSize < 1 || poolBatches < 1)
            throw new IllegalArgumentException("LengthBatches: batchSize and poolBatches must be ≥ 1, got " + batchSize
                    + " and " + poolBatches);
        this.items = new ArrayList<>(items);
        this.batchSize = batchSize;
        this.poolBatches = poolBatches;
        this.length = length;
        this.rng = new Random(seed);
    }

    /** One epoch of batches. */
    @Override
    public Iterator<List<T>> iterator() {
        List<T> order = new ArrayList<>(items);
        Collections.shuffle(order, rng);
        int pool = batchSize * poolBatches;
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < order.size(); from += pool) {
            List<T> p = new ArrayList<>(order.subList(from, Math.min(from + pool, order.size())));
            p.sort(Comparator.comparingInt(length));                     // stable: ties keep the shuffled order
            for (int b = 0; b < p.size(); b += batchSize)
                batches.add(Collections.unmodifiableList(p.subList(b, Math.min(b + batchSize, p.size()))));
        }
        Collections.shuffle(batches, rng);
        return batches.iterator();
    }

    /** The number of batches per epoch. */
    public int batchCount() {
        int pool = batchSize * poolBatches, full = items.size() / pool, rest = items.size() % pool;
        return full * poolBatches + (rest + batchSize - 1) / batchSize;
    }
}
