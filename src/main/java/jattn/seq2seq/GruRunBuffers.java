package jattn.seq2seq;

/**
 * The arrays of a fused decoder's GRU, grown to fit a run and kept for the next one
 * ({@link FusedGruDecoder} uses them as they are, {@link FusedBahdanauDecoder} adds attention's).
 * For B rows, T' output steps, H hidden units and a vocabulary of V:
 * <pre>
 *   pe     (V×3H)        P = Emb·Wx[0:E] + bx, the token part of every step's GRU input
 *   s      ((T'+1)·B×H)  the states S[0] = s₀ … S[T'], block t+1 holding step t's output
 *   gates  (T'B×3H)      [r | z | n] of every step, for the backward
 *   hn     (T'B×H)       s·Wh_n + bh_n of every step, for the backward
 *   gh     (B×3H)        one step's s·Wh
 *   ids    (T'B)         the input token of every step and row
 * </pre>
 * {@code run} counts the runs, so that a backward can tell whether its run is still the latest.
 */
class GruRunBuffers {
    double[] pe = new double[0], s = new double[0], gates = new double[0], hn = new double[0], gh = new double[0];
    int[] ids = new int[0];
    long run;

    /** Sizes the GRU's arrays for a run of B = {@code batch} rows and T' = {@code outSteps} steps. */
    final void ensureGru(int vocab, int batch, int outSteps, int nH) {
        int h3 = 3 * nH, rows = outSteps * batch;
        pe = FusedArrays.grow(pe, vocab * h3);
        s = FusedArrays.grow(s, (outSteps + 1) * batch * nH);
        gates = FusedArrays.grow(gates, rows * h3);
        hn = FusedArrays.grow(hn, rows * nH);
        gh = FusedArrays.grow(gh, batch * h3);
        if (ids.length < rows) ids = new int[rows];
    }
}
