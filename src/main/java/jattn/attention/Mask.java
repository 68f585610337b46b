package jattn.attention;

/**
 * Which entries of an (m×n) score matrix may receive attention: entry (i, j) is kept when
 * query row i may look at key j. Masked entries get weight exactly 0 in {@link MaskedSoftmax}.
 *
 * <p>Convention: <b>true = keep</b>. This is the opposite of PyTorch's boolean
 * {@code attn_mask} and {@code key_padding_mask}, where true means "ignore".
 *
 * <p>Three kinds, combinable with {@link #and}:
 * <ul>
 *   <li>Padding, from valid lengths; key j is kept for row i iff j &lt; its row's length. Two
 *       methods, so that nothing is guessed from the number of lengths:
 *       {@link #validLensPerRow(int...)}: one length per score row (the Seq2Seq case: (B×T)
 *       scores, B lengths); {@link #validLensPerBatch(int...)}: one length per sequence of a
 *       batch whose B sequences each own m / B consecutive rows (d2l's (B·q × k) layout);
 *       {@link #validLen(int)}: one length for every row. A count that fits neither is an error
 *       that names both counts. Lengths must lie in [0, n].</li>
 *   <li>{@link #causal()}: row i keeps keys j ≤ i (a position sees itself and the past).</li>
 *   <li>{@link #of(boolean[][])}: any (m×n) pattern, e.g. a graph's adjacency matrix.</li>
 * </ul>
 * A mask does not know its shape until it is applied: {@link #keep} builds the pattern for
 * given (rows×cols) scores and rejects shapes it cannot fit. Masks are immutable.
 */
@FunctionalInterface
public interface Mask {

    /**
     * The pattern for (rows×cols) scores: a new array, [i][j] true = keep.
     *
     * @param what the caller's name, used in the message of the IllegalArgumentException thrown
     *             when the mask does not fit (rows×cols)
     */
    boolean[][] keep(String what, int rows, int cols);

    /** Keeps every entry: no masking (the fused kernels skip the mask entirely). */
    static Mask none() {
        return Unmasked.NONE;
    }

    /** Keep only the entries that both masks keep. */
    default Mask and(Mask other) {
        if (this == Unmasked.NONE) return other;
        if (other == Unmasked.NONE) return this;
        return (what, rows, cols) -> {
            boolean[][] a = keep(what, rows, cols), b = other.keep(what, rows, cols);
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++) a[i][j] &= b[i][j];
            return a;
        };
    }

    /**
     * Padding mask with one valid length per score row: row i keeps keys j &lt; validLens[i].
     * Applied to (m×n) scores, validLens must have m entries. {@code validLens} is copied.
     */
    static Mask validLensPerRow(int... validLens) {
        int[] lens = copyLengths("Mask.validLensPerRow", validLens);
        return (what, rows, cols) -> {
            if (lens.length != rows)
                throw new IllegalArgumentException(what + ": " + lens.length + " valid lengths, one per row, for the "
                        + rows + " rows of the scores (" + rows + "×" + cols + "); for one length per sequence of "
                        + "several rows use Mask.validLensPerBatch");
            return padding(what, lens, 1, rows, cols);
        };
    }

    /**
     * Padding mask with one valid length per sequence of a batch: on (m×n) scores the B =
     * validLens.length sequences own m / B consecutive rows each (sequence b: rows
     * [b·m/B, (b+1)·m/B)), and all rows of sequence b keep keys j &lt; validLens[b]. B must divide
     * m. {@code validLens} is copied.
     */
    static Mask validLensPerBatch(int... validLens) {
        int[] lens = copyLengths("Mask.validLensPerBatch", validLens);
        return (what, rows, cols) -> {
            if (rows % lens.length != 0)
                throw new IllegalArgumentException(what + ": " + lens.length + " valid lengths, one per sequence, do not "
                        + "divide the " + rows + " rows of the scores (" + rows + "×" + cols + "); for one length per "
                        + "row use Mask.validLensPerRow");
            return padding(what, lens, rows / lens.length, rows, cols);
        };
    }

    /** Padding mask with one valid length for every row: keys j &lt; validLen are kept. */
    static Mask validLen(int validLen) {
        return validLensPerBatch(validLen);
    }

    private static int[] copyLengths(String what, int[] validLens) {
        if (validLens.length == 0) throw new IllegalArgumentException(what + ": no valid lengths given");
        return validLens.clone();
    }

    /** Rows [g·rowsPerLen, (g+1)·rowsPerLen) keep keys j &lt; lens[g]. */
    private static boolean[][] padding(String what, int[] lens, int rowsPerLen, int rows, int cols) {
        for (int g = 0; g < lens.length; g++)
            if (lens[g] < 0 || lens[g] > cols)
                throw new IllegalArgumentException(what + ": valid length " + lens[g] + " at index " + g
                        + " is outside [0, " + cols + "] for scores (" + rows + "×" + cols + ")");
        boolean[][] keep = new boolean[rows][cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < lens[i / rowsPerLen]; j++) keep[i][j] = true;
        return keep;
    }

    /** Causal mask: row i keeps keys j ≤ i. On (m×n) scores with m &gt; n the last rows keep every key. */
    static Mask causal() {
        return (what, rows, cols) -> {
            boolean[][] keep = new boolean[rows][cols];
            for (int i = 0; i < rows; i++)
                for (int j = 0; j <= i && j < cols; j++) keep[i][j] = true;
            return keep;
        };
    }

    /** An explicit (m×n) pattern, true = keep. The array is copied: later changes to it have no effect. */
    static Mask of(boolean[][] pattern) {
        int m = pattern.length, n = m == 0 ? 0 : pattern[0].length;
        boolean[][] copy = new boolean[m][];
        for (int i = 0; i < m; i++) {
            if (pattern[i].length != n)
                throw new IllegalArgumentException("Mask.of: row " + i + " has " + pattern[i].length
                        + " entries, row 0 has " + n);
            copy[i] = pattern[i].clone();
        }
        return (what, rows, cols) -> {
            if (rows != m || cols != n)
                throw new IllegalArgumentException(what + ": mask (" + m + "×" + n + ") does not fit scores ("
                        + rows + "×" + cols + ")");
            boolean[][] keep = new boolean[m][];
            for (int i = 0; i < m; i++) keep[i] = copy[i].clone();
            return keep;
        };
    }

    /** The pattern for (rows×cols) scores, or null when {@code mask} is null or {@link #none()} (nothing masked). */
    static boolean[][] keepOrNull(Mask mask, String what, int rows, int cols) {
        return mask == null || mask == Unmasked.NONE ? null : mask.keep(what, rows, cols);
    }
}

/** {@link Mask#none()}: one instance, so that the kernels can recognise it. */
enum Unmasked implements Mask {
    NONE;

    @Override
    public boolean[][] keep(String what, int rows, int cols) {
        boolean[][] keep = new boolean[rows][cols];
        for (boolean[] row : keep) java.util.Arrays.fill(row, true);
        return keep;
    }
}
