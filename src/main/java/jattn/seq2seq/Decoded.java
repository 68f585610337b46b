package jattn.seq2seq;

import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.List;

/**
 * The result of greedy decoding a batch of B source sequences: the chosen token ids and, with
 * attention, the weights every output step put on every source position (for heatmaps).
 *
 * <p>{@code ids[b]} holds the arg max token of every step that was run (the same number for every
 * row); decoding stops early only when every row has produced the end token (if the target
 * vocabulary has one). {@code weights.get(t)} is (B×T) for step t, row b summing to 1 over the
 * first {@code sourceLens[b]} positions and 0 after; empty without attention. Arrays are copied in
 * and out.
 */
public final class Decoded {

    private final int[][] ids;
    private final List<DMatrixRMaj> weights;
    private final int[] sourceLens;
    private final int eos;

    /**
     * @param ids        B rows of decoded ids, one per step
     * @param weights    per step (B×T) attention weights, or an empty list
     * @param sourceLens B valid source lengths
     * @param eos        the end-of-sequence id, or −1 if the target vocabulary has none
     */
    public Decoded(int[][] ids, List<DMatrixRMaj> weights, int[] sourceLens, int eos) {
        this.ids = new int[ids.length][];
        for (int b = 0; b < ids.length; b++) this.ids[b] = ids[b].clone();
        this.weights = weights.stream().map(DMatrixRMaj::copy).toList();
        this.sourceLens = sourceLens.clone();
        this.eos = eos;
    }

    /** B. */
    public int batch() { return ids.length; }

    /** The number of steps run. */
    public int steps() { return ids.length == 0 ? 0 : ids[0].length; }

    /** Every decoded id of row b (end token and anything after it included). */
    public int[] ids(int b) { return ids[b].clone(); }

    /** The decoded ids of row b up to, not including, the first end token. */
    public int[] tokens(int b) {
        int n = 0;
        while (n < ids[b].length && ids[b][n] != eos) n++;
        return Arrays.copyOf(ids[b], n);
    }

    /** Whether attention weights were recorded. */
    public boolean hasWeights() { return !weights.isEmpty(); }

    /** Step t's weights (B×T), a copy. */
    public DMatrixRMaj weights(int t) {
        if (weights.isEmpty()) throw new IllegalStateException("Decoded: the model has no attention, so there are no weights");
        return weights.get(t).copy();
    }

    /**
     * The alignment of row b for a heatmap: (n×sourceLens[b]) with n = the length of
     * {@link #tokens(int)}; entry (t, i) = αₜᵢ, the weight output step t put on source position i.
     */
    public double[][] alignment(int b) {
        return alignment(b, false);
    }

    /** As {@link #alignment(int)} with one more row, the step that produced the end token (if there is one). */
    public double[][] alignmentWithEnd(int b) {
        return alignment(b, true);
    }

    /** {@link #alignmentWithEnd(int)} if {@code withEnd}, else {@link #alignment(int)} (kept for lesson 05's call sites). */
    public double[][] alignment(int b, boolean withEnd) {
        if (weights.isEmpty()) throw new IllegalStateException("Decoded: the model has no attention, so there is no alignment");
        int n = Math.min(tokens(b).length + (withEnd ? 1 : 0), steps()), len = sourceLens[b];
        double[][] a = new double[n][len];
        for (int t = 0; t < n; t++)
            for (int i = 0; i < len; i++) a[t][i] = weights.get(t).get(b, i);
        return a;
    }

    /** The valid source length of row b. */
    public int sourceLen(int b) { return sourceLens[b]; }
}
