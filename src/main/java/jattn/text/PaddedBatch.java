package jattn.text;

import java.util.Arrays;
import java.util.List;

/**
 * A batch of B token sequences of different lengths, padded to one length T with the pad id:
 * a (B×T) matrix of ids, plus validLens (B), the number of real tokens of each sequence.
 *
 * <p>T is the longest length, or a fixed number of steps (longer sequences are truncated, so
 * validLen ≤ T). Recurrent layers consume one time step at a time, so {@link #step(int)} gives
 * the B ids of step t (a column of the matrix), to be embedded into a (B×d) input. For one
 * loss over all steps, {@link #idsTimeMajor()} lists the ids in the order of
 * {@code Tensor.concatRows(stepOutputs)} (row t·B + b) and {@link #idsBatchMajor()} in the
 * order of a (B·T × d) matrix with row b·T + t. Padded positions hold the pad id, so a
 * cross-entropy with {@code ignoreIndex = padId} skips them.
 *
 * <p>Immutable; the input sequences are copied, never modified.
 */
public final class PaddedBatch {

    private final int[] ids;        // (B×T) row-major: ids[b·T + t]
    private final int[] validLens;  // (B)
    private final int batchSize, numSteps, padId;

    private PaddedBatch(int[] ids, int[] validLens, int batchSize, int numSteps, int padId) {
        this.ids = ids;
        this.validLens = validLens;
        this.batchSize = batchSize;
        this.numSteps = numSteps;
        this.padId = padId;
    }

    /** Pads with {@link Vocabulary#PAD_INDEX} to the longest length; ids must be in [0, vocab.size()). */
    public static PaddedBatch of(List<int[]> sequences, Vocabulary vocab) {
        return of(sequences, Vocabulary.PAD_INDEX, vocab.size());
    }

    /** Pads with {@link Vocabulary#PAD_INDEX} or truncates to {@code numSteps}; ids must be in [0, vocab.size()). */
    public static PaddedBatch of(List<int[]> sequences, Vocabulary vocab, int numSteps) {
        return of(sequences, Vocabulary.PAD_INDEX, vocab.size(), numSteps);
    }

    /** Pads with {@code padId} to the longest length; ids must be in [0, vocabSize). */
    public static PaddedBatch of(List<int[]> sequences, int padId, int vocabSize) {
        int longest = 0;
        for (int[] s : sequences) longest = Math.max(longest, s.length);
        return of(sequences, padId, vocabSize, longest);
    }

    /**
     * Pads with {@code padId} or truncates every sequence to {@code numSteps} ids.
     *
     * @throws IllegalArgumentException if there are no sequences, a sequence is empty, an id
     *         (or the pad id) is outside [0, vocabSize), or numSteps &lt; 1
     */
    public static PaddedBatch of(List<int[]> sequences, int padId, int vocabSize, int numSteps) {
        if (sequences.isEmpty()) throw new IllegalArgumentException("PaddedBatch: no sequences");
        if (padId < 0 || padId >= vocabSize)
            throw new IllegalArgumentException("PaddedBatch: pad id " + padId + " is outside [0, " + vocabSize + ")");
        for (int i = 0; i < sequences.size(); i++)
            if (sequences.get(i).length == 0) throw new IllegalArgumentException("PaddedBatch: sequence " + i + " is empty");
        if (numSteps < 1) throw new IllegalArgumentException("PaddedBatch: numSteps must be ≥ 1, got " + numSteps);
        int b = sequences.size();
        int[] ids = new int[b * numSteps];
        int[] validLens = new int[b];
        for (int i = 0; i < b; i++) {
            int[] s = sequences.get(i);
            for (int t = 0; t < s.length; t++)
                if (s[t] < 0 || s[t] >= vocabSize)
                    throw new IllegalArgumentException("PaddedBatch: id " + s[t] + " at step " + t + " of sequence " + i
                            + " is outside [0, " + vocabSize + ")");
            validLens[i] = Math.min(s.length, numSteps);
            System.arraycopy(s, 0, ids, i * numSteps, validLens[i]);
            Arrays.fill(ids, i * numSteps + validLens[i], (i + 1) * numSteps, padId);
        }
        return new PaddedBatch(ids, validLens, b, numSteps, padId);
    }

    /** B, the number of sequences. */
    public int batchSize() { return batchSize; }

    /** T, the padded length. */
    public int numSteps() { return numSteps; }

    public int padId() { return padId; }

    /** A copy of validLens (B): the number of real (non-pad) ids of each sequence, each in [1, T]. */
    public int[] validLens() { return validLens.clone(); }

    public int validLen(int b) { return validLens[checkRow(b)]; }

    /** The id at sequence b, step t. */
    public int id(int b, int t) { return ids[checkRow(b) * numSteps + checkStep(t)]; }

    /** The T ids of sequence b, padding included (a copy). */
    public int[] sequence(int b) {
        checkRow(b);
        return Arrays.copyOfRange(ids, b * numSteps, (b + 1) * numSteps);
    }

    /** The B ids at step t (column t of the (B×T) matrix), padding included. */
    public int[] step(int t) {
        checkStep(t);
        int[] col = new int[batchSize];
        for (int b = 0; b < batchSize; b++) col[b] = ids[b * numSteps + t];
        return col;
    }

    /** For each sequence, whether step t is a real token (t &lt; validLen): the rows whose state should advance at t. */
    public boolean[] validAt(int t) {
        checkStep(t);
        boolean[] valid = new boolean[batchSize];
        for (int b = 0; b < batchSize; b++) valid[b] = t < validLens[b];
        return valid;
    }

    /** All B·T ids with index b·T + t (row by row), padding included. */
    public int[] idsBatchMajor() { return ids.clone(); }

    /** All T·B ids with index t·B + b (step by step, the row order of {@code concatRows} over the steps). */
    public int[] idsTimeMajor() {
        int[] out = new int[ids.length];
        for (int t = 0; t < numSteps; t++)
            for (int b = 0; b < batchSize; b++) out[t * batchSize + b] = ids[b * numSteps + t];
        return out;
    }

    private int checkRow(int b) {
        if (b < 0 || b >= batchSize)
            throw new IllegalArgumentException("PaddedBatch: sequence " + b + " is outside [0, " + batchSize + ")");
        return b;
    }

    private int checkStep(int t) {
        if (t < 0 || t >= numSteps)
            throw new IllegalArgumentException("PaddedBatch: step " + t + " is outside [0, " + numSteps + ")");
        return t;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PaddedBatch (" + batchSize + "×" + numSteps + "), validLens " + Arrays.toString(validLens));
        for (int b = 0; b < batchSize; b++) sb.append('\n').append(Arrays.toString(sequence(b)));
        return sb.toString();
    }
}
