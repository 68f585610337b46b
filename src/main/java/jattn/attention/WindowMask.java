package jattn.attention;

/**
 * A band (window) mask for truncated self-attention, as used for speech, where a frame needs
 * only its neighbourhood and a sequence has thousands of frames: query i keeps the keys
 * <pre>  i − before ≤ j ≤ i + after  </pre>
 * so each row keeps at most before + 1 + after keys instead of all n. {@code WindowMask.of(w, w)}
 * is the symmetric window of radius w; {@code WindowMask.of(w, 0)} sees the last w frames and
 * itself only (a streaming, causal window). On (n×n) scores the number of kept entries is
 * {@link #keptEntries(int)}, exactly: n·(before + 1 + after) minus the triangles cut off at the
 * two ends. {@link WindowedAttention} computes only those entries, O(n·w·d) instead of O(n²·d).
 *
 * @param before how many earlier positions a query sees (≥ 0)
 * @param after  how many later positions a query sees (≥ 0)
 */
public record WindowMask(int before, int after) implements Mask {

    public WindowMask {
        if (before < 0 || after < 0)
            throw new IllegalArgumentException("WindowMask: before " + before + " and after " + after + " must both be ≥ 0");
    }

    /** Keys i − before … i + after for query i. */
    public static WindowMask of(int before, int after) {
        return new WindowMask(before, after);
    }

    /** The symmetric window of radius w: keys i − w … i + w. */
    public static WindowMask radius(int w) {
        return new WindowMask(w, w);
    }

    /** The widest row: before + 1 + after keys. */
    public int width() {
        return before + 1 + after;
    }

    /** The first key of row i, clipped to 0. */
    public int firstKey(int i) {
        return Math.max(0, i - before);
    }

    /** One past the last key of row i, clipped to n. */
    public int endKey(int i, int n) {
        return Math.min(n, i + after + 1);
    }

    /** The number of entries kept on (n×n) scores: Σᵢ (endKey(i) − firstKey(i)), counted row by row. */
    public long keptEntries(int n) {
        long count = 0;
        for (int i = 0; i < n; i++) count += Math.max(0, endKey(i, n) - firstKey(i));
        return count;
    }

    @Override
    public boolean[][] keep(String what, int rows, int cols) {
        boolean[][] keep = new boolean[rows][cols];
        for (int i = 0; i < rows; i++)
            for (int j = firstKey(i); j < endKey(i, cols); j++) keep[i][j] = true;
        return keep;
    }
}
