package jattn.seq2seq;

import jattn.autograd.Tensor;
import jattn.nn.Embedding;
import jattn.nn.Module;
import jattn.rnn.GruCell;
import jattn.rnn.PackedGru;
import jattn.rnn.Recurrent;
import jattn.rnn.RecurrentOutput;
import jattn.text.PaddedBatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The encoder of a Seq2Seq model: source tokens → one state per step and a final state.
 * <pre>
 *   xₜ = Emb(srcₜ)                (B×E)   row 0 of Emb (the padding id) is zero
 *   hₜ = GRU(xₜ, hₜ₋₁), h₋₁ = 0     (B×H)   advanced only while t &lt; validLens[b]
 *   states     = [h₀; …; h_{T−1}]   (B·T×H) row b·T + t, zero at padding
 *   finalState = h at t = validLens[b] − 1   (B×H)
 * </pre>
 * The final state is the last VALID state of every sequence (as PyTorch's
 * {@code pack_padded_sequence} gives), not the state after running on over the padding: a
 * sequence padded from 8 to 29 steps would otherwise be summarised after 21 steps of padding
 * input, which is an unfair baseline for the comparison with attention.
 *
 * <p>Parameters: the embedding table (V×E) and the GRU's Wx (E×3H), Wh (H×3H), bx, bh (1×3H).
 * {@link #encode} does not modify its argument.
 */
public final class Encoder implements Module {

    private final Embedding embedding;
    private final Recurrent rnn;
    private final GruCell cell;

    /** An encoder for a vocabulary of {@code vocabSize} tokens (padding id 0), embedding width E, state width H. */
    public Encoder(int vocabSize, int embeddingSize, int hiddenSize, Random rng) {
        this(new Embedding(vocabSize, embeddingSize, 0, rng), new GruCell(embeddingSize, hiddenSize, rng));
    }

    /** An encoder from given layers (used as they are, not copied); the embedding's width must be the cell's input size. */
    public Encoder(Embedding embedding, GruCell cell) {
        if (embedding.dModel() != cell.inputSize())
            throw new IllegalArgumentException("Encoder: embedding " + embedding.weight().shape() + " gives vectors of width "
                    + embedding.dModel() + " but the GRU cell's Wx " + cell.wx().shape() + " expects inputs (B×"
                    + cell.inputSize() + ")");
        this.embedding = embedding;
        this.cell = cell;
        this.rnn = new Recurrent(cell);
    }

    /**
     * Encodes a padded batch of source ids (B×T): states (B·T×H), final state (B×H), valid lengths.
     * The fast path: one fused operation for the whole recurrence ({@link PackedGru}: input
     * projections looked up from Emb·Wx, padded steps skipped); equal to {@link #encodeReadable}.
     */
    public Encoded encode(PaddedBatch source) {
        int steps = source.numSteps();
        int[] lens = source.validLens(), last = new int[lens.length];
        for (int b = 0; b < lens.length; b++) {
            if (lens[b] < 1)
                throw new IllegalArgumentException("Encoder: sequence " + b + " of the source batch (" + lens.length + "×"
                        + steps + ") is empty");
            last[b] = b * steps + lens[b] - 1;
        }
        Tensor states = PackedGru.states(embedding, cell, source);   // (B·T×H), zero at padding
        return new Encoded(states, states.gatherRows(last), lens);            // last valid state (B×H)
    }

    /** The readable path of {@link #encode}: an embedding lookup and a {@link GruCell#step} per time step. */
    public Encoded encodeReadable(PaddedBatch source) {
        int steps = source.numSteps();
        List<Tensor> xs = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) xs.add(embedding.forward(source.step(t)));   // (B) ids → (B×E)
        int[] lens = source.validLens();
        RecurrentOutput out = rnn.forward(xs, lens);                                  // T × (B×H), last valid (B×H)
        return new Encoded(out.stacked(), out.lastState(), lens);
    }

    public Embedding embedding() { return embedding; }
    public GruCell cell() { return cell; }
    /** H. */
    public int hiddenSize() { return cell.hiddenSize(); }

    /** The embedding table, then Wx, Wh, bx, bh. */
    @Override
    public List<Tensor> parameters() {
        return Module.collect(embedding, cell);
    }
}
