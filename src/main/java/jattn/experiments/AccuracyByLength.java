package jattn.experiments;

import jattn.viz.Series;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Exact-match accuracy by input length: the examples are put into buckets of input length
 * [from, to) and each bucket reports the share of whole outputs that are exactly right.
 * <pre>  accuracy(bucket) = #{i in bucket : prediction_i = target_i} / #{i in bucket}</pre>
 * This is the bottleneck plot of lessons 04 and 05: a model that must squeeze the whole input into one
 * final state does worse on longer inputs. Buckets that receive no example are left out.
 * Immutable; arguments are not modified.
 */
public final class AccuracyByLength {

    /** One bucket: input lengths in [from, to), with its number of examples and of exact matches. */
    public record Bucket(int from, int to, int count, int correct) {
        /** correct / count. */
        public double accuracy() { return (double) correct / count; }
        /** "from–(to−1)", e.g. "8–10", or "8" for a bucket of one length. */
        public String label() { return to - 1 == from ? Integer.toString(from) : from + "–" + (to - 1); }
    }

    private final List<Bucket> buckets;

    private AccuracyByLength(List<Bucket> buckets) {
        this.buckets = List.copyOf(buckets);
    }

    /**
     * Buckets the examples by their input lengths at the given edges: bucket k holds lengths in
     * [edges[k], edges[k+1]). Every length must lie in [edges[0], edges[last]).
     *
     * @param lengths the input length of every example (in tokens)
     * @param correct whether each example's whole output was right
     * @param edges   increasing bucket edges, at least two
     */
    public static AccuracyByLength of(int[] lengths, boolean[] correct, int... edges) {
        if (lengths.length != correct.length)
            throw new IllegalArgumentException("AccuracyByLength: " + lengths.length + " lengths but " + correct.length
                    + " outcomes; expected one of each per example");
        if (edges.length < 2) throw new IllegalArgumentException("AccuracyByLength: need at least two bucket edges");
        for (int k = 1; k < edges.length; k++)
            if (edges[k] <= edges[k - 1])
                throw new IllegalArgumentException("AccuracyByLength: bucket edges must increase, got " + edges[k - 1] + ", " + edges[k]);
        int[] count = new int[edges.length - 1], right = new int[edges.length - 1];
        for (int i = 0; i < lengths.length; i++) {
            int k = bucketOf(lengths[i], edges);
            if (k < 0)
                throw new IllegalArgumentException("AccuracyByLength: example " + i + " has length " + lengths[i]
                        + ", outside the buckets [" + edges[0] + ", " + edges[edges.length - 1] + ")");
            count[k]++;
            if (correct[i]) right[k]++;
        }
        List<Bucket> out = new ArrayList<>();
        for (int k = 0; k < count.length; k++)
            if (count[k] > 0) out.add(new Bucket(edges[k], edges[k + 1], count[k], right[k]));
        return new AccuracyByLength(out);
    }

    private static int bucketOf(int len, int[] edges) {
        for (int k = 0; k + 1 < edges.length; k++)
            if (len >= edges[k] && len < edges[k + 1]) return k;
        return -1;
    }

    /** The non-empty buckets, shortest inputs first. */
    public List<Bucket> buckets() { return buckets; }

    /** The bucket of the shortest inputs. */
    public Bucket shortest() { return buckets.get(0); }

    /** The bucket of the longest inputs. */
    public Bucket longest() { return buckets.get(buckets.size() - 1); }

    /** The exact match over all buckets together. */
    public double overall() {
        int n = 0, c = 0;
        for (Bucket b : buckets) { n += b.count(); c += b.correct(); }
        return (double) c / n;
    }

    /**
     * A table with one row per bucket, for plots with one line per model: columns
     * {@code input length} (the bucket label), {@code mean length} (its midpoint),
     * {@code exact match}, {@code examples} and {@code model} (= {@code modelName}).
     */
    public Table table(String modelName) {
        StringColumn label = StringColumn.create("input length");
        DoubleColumn mid = DoubleColumn.create("mean length"), acc = DoubleColumn.create("exact match");
        IntColumn n = IntColumn.create("examples");
        StringColumn model = StringColumn.create("model");
        for (Bucket b : buckets) {
            label.append(b.label());
            mid.append((b.from() + b.to() - 1) / 2.0);
            acc.append(b.accuracy());
            n.append(b.count());
            model.append(modelName);
        }
        return Table.create("exact match by input length, " + modelName, label, mid, acc, n, model);
    }

    /** One line of a by-length chart ({@code jattn.viz.Lines.byLength}): x = the middle of each length bucket, y = its exact match. */
    public Series series(String modelName) {
        double[] x = new double[buckets.size()], y = new double[buckets.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (buckets.get(i).from() + buckets.get(i).to() - 1) / 2.0;
            y[i] = buckets.get(i).accuracy();
        }
        return Series.of(modelName, x, y);
    }

    /** One line per bucket, e.g. {@code input length 8–10: exact match 0.982 (391 examples)}. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (Bucket b : buckets)
            sb.append(String.format(Locale.ROOT, "input length %s: exact match %.3f (%d examples)%n",
                    b.label(), b.accuracy(), b.count()));
        return sb.toString();
    }
}
