package jattn.seq2seq;

import jattn.autograd.Tensor;
import jattn.nn.Embedding;
import jattn.nn.Linear;
import jattn.nn.Module;
import jattn.rnn.GruCell;

import java.util.List;
import java.util.Random;

/**
 * The decoder without attention (Sutskever et al., 2014; Cho et al., 2014): the source reaches
 * it only through the initial state, the encoder's final state.
 * <pre>
 *   s₀ = encoder's last valid state                  (B×H)
 *   eₜ = Emb(yₜ₋₁)                                   (B×E)
 *   sₜ = GRU(eₜ, sₜ₋₁)                               (B×H)
 *   logitsₜ = sₜ·W + b                               (B×H)·(H×V) + (1×V) → (B×V)
 * </pre>
 * Everything the decoder knows about a source of any length must fit into s₀: the bottleneck of
 * lesson 04. Parameters: Emb (V×E) (no padding index, as in the PyTorch anchor), the GRU's
 * Wx (E×3H), Wh (H×3H), bx, bh (1×3H), and the output layer W (H×V), b (1×V).
 */
public final class GruDecoder implements Decoder {

    private final Embedding embedding;
    private final GruCell cell;
    private final Linear out;
    private final FusedGruDecoder fused = new FusedGruDecoder(this);     // the fast path of Seq2Seq, with its buffers

    /** A decoder for V target tokens, embedding width E and state width H (drawn in that order: Emb, GRU, output). */
    public GruDecoder(int vocabSize, int embeddingSize, int hiddenSize, Random rng) {
        this(new Embedding(vocabSize, embeddingSize, rng), new GruCell(embeddingSize, hiddenSize, rng),
                new Linear(hiddenSize, vocabSize, rng));
    }

    /** A decoder from given layers (used as they are): Emb (V×E), GRU E → H, output H → V. */
    public GruDecoder(Embedding embedding, GruCell cell, Linear out) {
        if (embedding.dModel() != cell.inputSize() || out.inputSize() != cell.hiddenSize() || out.outputSize() != embedding.vocabSize())
            throw new IllegalArgumentException("GruDecoder: embedding " + embedding.weight().shape() + ", GRU Wx "
                    + cell.wx().shape() + " and output W " + out.weight().shape()
                    + " do not fit; expected (V×E), (E×3H) and (H×V)");
        this.embedding = embedding;
        this.cell = cell;
        this.out = out;
    }

    /**
     * One step: s' = GRU(e, s), logits = s'·W + b. e (B×E) is the previous token's embedding and
     * s (B×H) the previous state; neither is modified.
     */
    public DecoderStep step(Tensor e, Tensor s) {
        Tensor next = cell.step(e, s);                                   // (B×E), (B×H) → (B×H)
        return new DecoderStep(next, out.forward(next), null);          // (B×H)·(H×V) + b → (B×V)
    }

    @Override
    public Decoding start(Encoded source) {
        if (source.hidden() != hiddenSize())
            throw new IllegalArgumentException("GruDecoder: encoder final state " + source.finalState().shape()
                    + " does not fit the decoder GRU's Wh " + cell.wh().shape() + "; expected (B×" + hiddenSize() + ")");
        return new Decoding(source.finalState(), (previous, s) -> step(embedding.forward(previous), s));
    }

    /** The whole run over a batch as one operation (teacher forcing and greedy decoding), equal to {@link #step} T' times. */
    FusedRun fused() { return fused; }

    @Override public Embedding embedding() { return embedding; }
    /** The GRU cell sₜ = GRU(eₜ, sₜ₋₁). */
    public GruCell cell() { return cell; }
    public Linear output() { return out; }
    @Override public int vocabSize() { return embedding.vocabSize(); }
    @Override public int hiddenSize() { return cell.hiddenSize(); }
    @Override public boolean attends() { return false; }

    /** Emb, then the GRU's Wx, Wh, bx, bh, then the output W, b. */
    @Override
    public List<Tensor> parameters() {
        return Module.collect(embedding, cell, out);
    }
}
