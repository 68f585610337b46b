package jattn.experiments;

import jattn.rnn.*;

import jattn.autograd.NoGrad;
import jattn.autograd.Tensor;
import jattn.nn.Linear;
import jattn.nn.Module;
import jattn.text.OneHot;
import jattn.train.Adam;
import jattn.train.CrossEntropy;
import jattn.train.History;
import jattn.train.Trainer;
import jattn.train.TrainingListener;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * A memory test for recurrent cells: read L random symbols from {0, …, K−1}, then name the
 * first one. Every symbol after the first is a distractor, so the answer must survive L−1
 * updates of the state; the gradient that teaches it must travel back just as far.
 *
 * <p>Model: one-hot inputs xₜ (B×K), the cell from the zero state, a linear read-out of the
 * last state:
 * <pre>
 *   h_{L−1} = cell(x_{L−1}, … cell(x₀, 0))      (B×H)
 *   logits  = h_{L−1}·W + b                       (B×H)·(H×K) + (1×K) → (B×K)
 *   loss    = CrossEntropy(logits, first symbols) (1×1)
 * </pre>
 * Chance accuracy is 1/K. {@link #train} draws a fresh random batch for every update from its
 * own seeded Random, so there is no fixed training set to memorise.
 *
 * <p>The cell is used as is (not copied) and trained in place. Sequences are int[B][L]
 * arrays, never modified.
 */
public final class FirstSymbolTask implements Module {

    private final RecurrentCell cell;
    private final Linear readout;
    private final int symbols;

    /** A task over {@code cell.inputSize()} symbols with a read-out drawn from {@code rng}. */
    public FirstSymbolTask(RecurrentCell cell, Random rng) {
        if (cell.inputSize() < 2)
            throw new IllegalArgumentException("FirstSymbolTask: the cell reads " + cell.inputSize()
                    + " symbols; one-hot inputs need at least 2");
        this.cell = cell;
        this.symbols = cell.inputSize();
        this.readout = new Linear(cell.hiddenSize(), symbols, rng);
    }

    /** B sequences of L symbols, each uniform in [0, K), drawn row by row from {@code rng}. */
    public static int[][] sample(int batch, int length, int symbols, Random rng) {
        if (batch < 1 || length < 1 || symbols < 2)
            throw new IllegalArgumentException("FirstSymbolTask.sample: batch " + batch + ", length " + length
                    + ", symbols " + symbols + "; expected ≥ 1, ≥ 1, ≥ 2");
        int[][] s = new int[batch][length];
        for (int[] row : s)
            for (int t = 0; t < length; t++) row[t] = rng.nextInt(symbols);
        return s;
    }

    /** The logits (B×K) after reading the whole of every sequence. */
    public Tensor logits(int[][] sequences) {
        int batch = sequences.length, length = sequences[0].length;
        List<Tensor> xs = new ArrayList<>(length);
        for (int t = 0; t < length; t++) {
            int[] ids = new int[batch];
            for (int b = 0; b < batch; b++) {
                if (sequences[b].length != length)
                    throw new IllegalArgumentException("FirstSymbolTask: sequence " + b + " has " + sequences[b].length
                            + " symbols, sequence 0 has " + length);
                ids[b] = sequences[b][t];
            }
            xs.add(OneHot.of(ids, symbols));                              // (B×K)
        }
        Tensor last = new Recurrent(cell).forward(xs).lastState();       // (B×H)
        return readout.forward(last);                                     // (B×H)·(H×K) → (B×K)
    }

    /** Cross-entropy of the logits against the first symbol of every sequence. */
    public Tensor loss(int[][] sequences) {
        return CrossEntropy.loss(logits(sequences), firstSymbols(sequences));
    }

    /** The fraction of sequences whose first symbol gets the largest logit. */
    public double accuracy(int[][] sequences) {
        DMatrixRMaj z;
        try (NoGrad ignored = NoGrad.start()) {
            z = logits(sequences).value();
        }
        int correct = 0;
        for (int b = 0; b < sequences.length; b++) {
            int best = 0;
            for (int k = 1; k < symbols; k++) if (z.get(b, k) > z.get(b, best)) best = k;
            if (best == sequences[b][0]) correct++;
        }
        return correct / (double) sequences.length;
    }

    /**
     * Trains with Adam for {@code epochs} × {@code updatesPerEpoch} updates, each on a fresh batch
     * of {@code batch} sequences of length {@code length} drawn from {@code data}.
     */
    public History train(int length, int batch, int epochs, int updatesPerEpoch, double lr, Random data,
                         TrainingListener listener) {
        Iterable<int[][]> batches = () -> new Iterator<>() {          // a fresh draw every epoch
            int left = updatesPerEpoch;
            @Override public boolean hasNext() { return left > 0; }
            @Override public int[][] next() { left--; return sample(batch, length, symbols, data); }
        };
        return new Trainer(new Adam(parameters(), lr)).listener(listener).fit(batches, epochs, this::loss);
    }

    private static int[] firstSymbols(int[][] sequences) {
        int[] y = new int[sequences.length];
        for (int b = 0; b < y.length; b++) y[b] = sequences[b][0];
        return y;
    }

    public RecurrentCell cell() { return cell; }
    public Linear readout() { return readout; }
    /** K, the number of symbols. */
    public int symbols() { return symbols; }

    @Override
    public List<Tensor> parameters() {
        return Module.collect(cell, readout);
    }
}
