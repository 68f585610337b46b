package jattn.seq2seq;

/** The plain-array chores of the fused decoders ({@link FusedBahdanauDecoder}, {@link FusedGruDecoder}). */
final class FusedArrays {

    private FusedArrays() {}

    /** sums[j] += Σᵢ a[i·cols + j]: the column sums of a (rows×cols), e.g. a bias gradient. */
    static void addColumnSums(double[] a, int rows, int cols, double[] sums) {
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) sums[j] += a[i * cols + j];
    }

    /** a if it holds at least n entries, else a new zeroed array of n. */
    static double[] grow(double[] a, int n) {
        return a.length >= n ? a : new double[n];
    }
}
