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
 *   <li>{@link #validLens(int...)}: padding. Key j is kept for row i iff j &lt; validLens[g(i)].
 *       With one length per row, g(i) = i (the Seq2Seq case: (B×T) scores, validLens (B)).
 *       With fewer lengths (d2l style) the rows are grouped: validLens.length must divide m, and
 *       the m / validLens.length consecutive rows of group g share validLens[g]. A single length
 *       applies to every row. Lengths must lie in [0, n].</li>
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

    /** Keep only the entries that both masks keep. */
    default Mask and(Mask other) {
        return (what, rows, cols) -> {
            boolean[][] a = keep(what, rows, cols), b = other.keep(what, rows, cols);
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++) a[i][j] &= b[i][j];
            return a;
        };
    }

    /** Padding mask from valid lengths (see the class comment for how rows are grouped). {@code validLens} is copied. */
    static Mask validLens(int... validLens) {
        int[] lens = validLens.clone();
        if (lens.length == 0) throw new IllegalArgumentException("Mask.validLens: no valid lengths given");
        return (what, rows, cols) -> {
            if (rows % lens.length != 0)
                throw new IllegalArgumentException(what + ": " + lens.length + " valid lengths do not divide the "
                        + rows + " rows of the scores (" + rows + "×" + cols + ")");
            for (int g = 0; g < lens.length; g++)
                if (lens[g] < 0 || lens[g] > cols)
                    throw new IllegalArgumentException(what + ": valid length " + lens[g] + " at index " + g
                            + " is outside [0, " + cols + "] for scores (" + rows + "×" + cols + ")");
            int rowsPerLen = rows / lens.length;
            boolean[][] keep = new boolean[rows][cols];
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < lens[i / rowsPerLen]; j++) keep[i][j] = true;
            return keep;
        };
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
}
