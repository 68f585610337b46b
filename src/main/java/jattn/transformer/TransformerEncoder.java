package jattn.transformer;

import jattn.autograd.Tensor;
import jattn.nn.Dropout;
import jattn.nn.Embedding;
import jattn.nn.Init;
import jattn.nn.Module;
import jattn.position.PositionalEncoding;
import jattn.position.SinusoidalPositionalEncoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The Transformer encoder (Vaswani et al., 2017, section 3): token embeddings scaled by
 * √dModel, plus positional encodings, then a stack of N {@link TransformerEncoderBlock}s.
 * <pre>
 *   H₀ = Dropout(Embedding(ids)·√dModel + P[0:T])
 *   Hₗ = Blockₗ(Hₗ₋₁),   l = 1 … N;   output H_N
 * </pre>
 * Shapes: ids (T), each in [0, vocabSize); the embedding table (vocabSize×dModel); P
 * (maxLen×dModel) with T ≤ maxLen; output (T×dModel); per layer and head a (T×T) weight matrix.
 *
 * <p>The table starts N(0, 1/dModel), so that after the √dModel scale a token vector has
 * unit-variance entries like the sinusoidal table's: the paper shares this table with the
 * output layer, which is why it is small and scaled up (section 3.4). The positional encoding
 * is sinusoidal by default; any {@link PositionalEncoding} may be given, or none (null): then
 * the encoder cannot tell positions apart and is permutation-equivariant.
 *
 * <p>A batch of B sequences of the same (padded) length T is one (B·T×dModel) stack
 * ({@link #forward(int[][], int[])}): embeddings, layer norms and FFNs run once on the stack,
 * attention per sequence. Starts in training mode; {@link #eval()} turns every dropout off.
 * Arguments are not modified.
 */
public final class TransformerEncoder implements Module {

    /** The output (T×dModel) and the weights, {@code weights.get(layer).get(head)} (T×T). */
    public record Result(Tensor output, List<List<Tensor>> weights) {}

    private final Embedding embedding;
    private final PositionalEncoding positions;       // null: no position information
    private final Dropout dropout;
    private final List<TransformerEncoderBlock> blocks;
    private final double scale;                       // √dModel

    /** Seeded, with the sinusoidal encoding for sequences up to maxLen. */
    public TransformerEncoder(int vocabSize, int dModel, int nHeads, int dFF, int nLayers, int maxLen,
                              double dropout, Random rng) {
        this(vocabSize, dModel, nHeads, dFF, nLayers, new SinusoidalPositionalEncoding(maxLen, dModel), dropout, rng);
    }

    /** Seeded, with the given positional encoding (dModel wide), or null for none. */
    public TransformerEncoder(int vocabSize, int dModel, int nHeads, int dFF, int nLayers,
                              PositionalEncoding positions, double dropout, Random rng) {
        this(new Embedding(Init.normal(vocabSize, dModel, 1 / Math.sqrt(dModel), rng)), positions,
                blocks(dModel, nHeads, dFF, nLayers, dropout, rng), new Dropout(dropout, rng));
    }

    /** Given parts, used as they are: all dModel wide, at least one block. */
    public TransformerEncoder(Embedding embedding, PositionalEncoding positions, List<TransformerEncoderBlock> blocks,
                              Dropout dropout) {
        if (blocks.isEmpty()) throw new IllegalArgumentException("TransformerEncoder: no blocks");
        int d = embedding.dModel();
        if (positions != null && positions.dModel() != d)
            throw new IllegalArgumentException("TransformerEncoder: embedding " + embedding.weight().shape()
                    + " and positional table " + positions.table().shape() + " differ in width");
        for (TransformerEncoderBlock b : blocks)
            if (b.dModel() != d)
                throw new IllegalArgumentException("TransformerEncoder: embedding " + embedding.weight().shape()
                        + " and a block's query projection " + b.attention().queryProjection().weight().shape()
                        + " differ in width");
        this.embedding = embedding;
        this.positions = positions;
        this.blocks = List.copyOf(blocks);
        this.dropout = dropout;
        this.scale = Math.sqrt(d);
    }

    private static List<TransformerEncoderBlock> blocks(int dModel, int nHeads, int dFF, int nLayers, double p, Random rng) {
        if (nLayers < 1) throw new IllegalArgumentException("TransformerEncoder: nLayers must be ≥ 1, got " + nLayers);
        List<TransformerEncoderBlock> list = new ArrayList<>(nLayers);
        for (int l = 0; l < nLayers; l++) list.add(new TransformerEncoderBlock(dModel, nHeads, dFF, p, rng));
        return list;
    }

    /** One sequence, every position valid: ids (T) → output (T×dModel) and every head's weights. */
    public Result forward(int[] ids) {
        return forward(ids, ids.length);
    }

    /** One sequence whose positions ≥ validLen are padding (they receive no attention). */
    public Result forward(int[] ids, int validLen) {
        Tensor h = embed(ids, ids.length);                               // (T×dModel)
        List<List<Tensor>> weights = new ArrayList<>(blocks.size());
        for (TransformerEncoderBlock block : blocks) {
            TransformerEncoderBlock.Result r = block.forward(h, validLen);
            h = r.output();                                              // (T×dModel)
            weights.add(r.weights());
        }
        return new Result(h, weights);
    }

    /**
     * B sequences of the same length T, sequence b with valid length validLens[b] (null: all
     * valid) → the (B·T×dModel) stack of outputs, row b·T + t. No weights are kept: use
     * {@link #forward(int[], int)} for heatmaps.
     */
    public Tensor forward(int[][] ids, int[] validLens) {
        if (ids.length == 0) throw new IllegalArgumentException("TransformerEncoder: empty batch");
        int seqLen = ids[0].length;
        int[] flat = new int[ids.length * seqLen];
        for (int b = 0; b < ids.length; b++) {
            if (ids[b].length != seqLen)
                throw new IllegalArgumentException("TransformerEncoder: sequence " + b + " has length " + ids[b].length
                        + ", sequence 0 has " + seqLen + "; pad them to one length");
            System.arraycopy(ids[b], 0, flat, b * seqLen, seqLen);
        }
        Tensor h = embed(flat, seqLen);                                  // (B·T×dModel)
        for (TransformerEncoderBlock block : blocks) h = block.forward(h, seqLen, validLens);
        return h;
    }

    /** H₀ = Dropout(E[ids]·√dModel + P[0:T]) for a stack of sequences of length seqLen: (B·T×dModel). */
    private Tensor embed(int[] flatIds, int seqLen) {
        Tensor x = embedding.forward(flatIds).scale(scale);             // (B·T×vocab)·(vocab×d)·√d → (B·T×d)
        if (positions != null) x = positions.encode(x, seqLen);         // + P[t] on row b·T + t
        return dropout.forward(x);
    }

    /** Training mode: every dropout on. Returns this. */
    public TransformerEncoder train() {
        dropout.train();
        for (TransformerEncoderBlock b : blocks) b.train();
        return this;
    }

    /** Evaluation mode: every dropout off, the encoder is deterministic. Returns this. */
    public TransformerEncoder eval() {
        dropout.eval();
        for (TransformerEncoderBlock b : blocks) b.eval();
        return this;
    }

    public boolean isTraining() { return dropout.isTraining(); }

    public Embedding embedding() { return embedding; }
    /** The positional encoding, or null if there is none. */
    public PositionalEncoding positions() { return positions; }
    public List<TransformerEncoderBlock> blocks() { return blocks; }
    public int dModel() { return embedding.dModel(); }
    public int vocabSize() { return embedding.vocabSize(); }
    public int nLayers() { return blocks.size(); }

    /** The embedding table, a learned positional table if there is one, then every block's parameters. */
    @Override
    public List<Tensor> parameters() {
        List<Tensor> all = new ArrayList<>(embedding.parameters());
        if (positions instanceof Module m) all.addAll(m.parameters());
        for (TransformerEncoderBlock b : blocks) all.addAll(b.parameters());
        return all;
    }
}
