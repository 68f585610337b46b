package jattn.seq2seq;

import jattn.attention.AdditiveScore;
import jattn.attention.AttentionResult;
import jattn.attention.BatchedAdditiveAttention;
import jattn.autograd.Tensor;
import jattn.nn.Embedding;
import jattn.nn.Linear;
import jattn.nn.Module;
import jattn.rnn.GruCell;

import java.util.List;
import java.util.Random;

/**
 * The decoder with Bahdanau attention (Bahdanau, Cho and Bengio, 2014): at every step it
 * looks back at all encoder states h₁ … h_T and mixes them into a context vector.
 * One step, with e = Emb(yₜ₋₁) (B×E), s = sₜ₋₁ (B×H), encoder states hᵢ (B·T×H):
 * <pre>
 *   eₜᵢ = vᵀ tanh(s·Wq + hᵢ·Wk + b)            (B×T)   score of every source position
 *   αₜ  = softmax over i &lt; validLens of eₜᵢ    (B×T)   exactly 0 at padding
 *   cₜ  = Σᵢ αₜᵢ hᵢ                           (B×H)   the context vector
 *   sₜ  = GRU([e ; cₜ], s)                   (B×(E+H)), (B×H) → (B×H)
 *   logitsₜ = [sₜ ; cₜ]·W + b                 (B×2H)·(2H×V) + (1×V) → (B×V)
 * </pre>
 * The attention query is the PREVIOUS state s, as in the PyTorch anchor. The keys hᵢ·Wk + b are
 * projected once per batch in {@link #start} ({@link BatchedAdditiveAttention}). Layouts, to load
 * PyTorch weights: the GRU's Wx ((E+H)×3H) has rows 0…E−1 acting on the embedding and rows
 * E…E+H−1 on the context; the output W (2H×V) has rows 0…H−1 on sₜ and H…2H−1 on cₜ.
 * Parameters: Emb (V×E), GRU (Wx, Wh, bx, bh), attention (Wq (H×h), Wk (H×h), b (1×h), v (h×1),
 * h = H by default), output W, b. No argument is modified.
 */
public final class BahdanauDecoder implements Decoder {

    private final Embedding embedding;
    private final BatchedAdditiveAttention attention;
    private final GruCell cell;
    private final Linear out;
    private final FusedBahdanauDecoder fused = new FusedBahdanauDecoder(this);   // the fast path of Seq2Seq, with its buffers

    /** A decoder for V target tokens, embedding width E and state width H (attention with H hidden units). */
    public BahdanauDecoder(int vocabSize, int embeddingSize, int hiddenSize, Random rng) {
        this(new Embedding(vocabSize, embeddingSize, rng),
                new BatchedAdditiveAttention(hiddenSize, hiddenSize, hiddenSize, rng),
                new GruCell(embeddingSize + hiddenSize, hiddenSize, rng),
                new Linear(2 * hiddenSize, vocabSize, rng));
    }

    /** A decoder from given layers (used as they are): Emb (V×E), attention H → H, GRU (E+H) → H, output 2H → V. */
    public BahdanauDecoder(Embedding embedding, BatchedAdditiveAttention attention, GruCell cell, Linear out) {
        int h = cell.hiddenSize();
        AdditiveScore score = attention.score();
        if (cell.inputSize() != embedding.dModel() + h || score.queryWidth() != h || score.keyWidth() != h
                || out.inputSize() != 2 * h || out.outputSize() != embedding.vocabSize())
            throw new IllegalArgumentException("BahdanauDecoder: embedding " + embedding.weight().shape() + ", attention Wq "
                    + score.queryWeight().shape() + " and Wk " + score.keyWeight().shape() + ", GRU Wx " + cell.wx().shape()
                    + " and output W " + out.weight().shape() + " do not fit; expected (V×E), (H×h), (H×h), ((E+H)×3H), (2H×V)");
        this.embedding = embedding;
        this.attention = attention;
        this.cell = cell;
        this.out = out;
    }

    /**
     * The Bahdanau decoder step: previous token embedding e (B×E), previous state s (B×H) and the
     * projected encoder states → new state (B×H), logits (B×V), attention weights (B×T).
     */
    public DecoderStep step(Tensor e, Tensor s, BatchedAdditiveAttention.Keys keys) {
        if (e.rows() != s.rows() || e.cols() != embedding.dModel() || s.cols() != hiddenSize())
            throw new IllegalArgumentException("BahdanauDecoder: embedding e " + e.shape() + " and state s " + s.shape()
                    + " do not fit; expected (B×" + embedding.dModel() + ") and (B×" + hiddenSize() + ")");
        AttentionResult a = attention.attend(s, keys);                   // α (B×T), c = α·hs (B×H)
        Tensor c = a.output();
        Tensor next = cell.step(Tensor.concatCols(List.of(e, c)), s);    // [e ; c] (B×(E+H)), s (B×H) → (B×H)
        Tensor logits = out.forward(Tensor.concatCols(List.of(next, c))); // [s' ; c] (B×2H)·(2H×V) + b → (B×V)
        return new DecoderStep(next, logits, a.weights());
    }

    /** Projects the encoder states once (hᵢ·Wk + b) and starts from the encoder's last valid state. */
    @Override
    public Decoding start(Encoded source) {
        if (source.hidden() != hiddenSize())
            throw new IllegalArgumentException("BahdanauDecoder: encoder states " + source.states().shape()
                    + " do not fit the decoder GRU's Wh " + cell.wh().shape() + "; expected (B·T×" + hiddenSize() + ")");
        BatchedAdditiveAttention.Keys keys = attention.projectKeys(source.states(), source.validLens()); // (B·T×h)
        return new Decoding(source.finalState(), (previous, s) -> step(embedding.forward(previous), s, keys));
    }

    /** The whole run over a batch as one operation (teacher forcing and greedy decoding), equal to {@link #step} T' times. */
    FusedRun fused() { return fused; }

    @Override public Embedding embedding() { return embedding; }
    public BatchedAdditiveAttention attention() { return attention; }
    /** The GRU cell sₜ = GRU([eₜ ; cₜ], sₜ₋₁). */
    public GruCell cell() { return cell; }
    public Linear output() { return out; }
    @Override public int vocabSize() { return embedding.vocabSize(); }
    @Override public int hiddenSize() { return cell.hiddenSize(); }
    @Override public boolean attends() { return true; }

    /** Emb, the GRU's Wx, Wh, bx, bh, the attention's Wq, Wk, b, v, the output W, b. */
    @Override
    public List<Tensor> parameters() {
        return Module.collect(embedding, cell, attention, out);
    }
}
