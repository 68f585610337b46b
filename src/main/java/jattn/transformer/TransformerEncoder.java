package jattn.transformer;

import jattn.attention.AttentionResult;
import jattn.autograd.Tensor;
import jattn.nn.Dropout;
import jattn.nn.Embedding;
import jattn.nn.Init;
import jattn.nn.Module;
import jattn.position.LearnedPositionalEncoding;
import jattn.position.PositionalEncoding;
import jattn.position.SinusoidalPositionalEncoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
 * is sinusoidal, learned or none ({@link TransformerSettings.Positions}); any
 * {@link PositionalEncoding} may be given with the parts. Without one the encoder cannot tell
 * positions apart and is permutation-equivariant.
 *
 * <p>A batch of B sequences of the same (padded) length T is one (B·T×dModel) stack
 * ({@link #forward(int[][], int[])}): embeddings, layer norms and FFNs run once on the stack,
 * attention per sequence. Every forward pass returns an {@link AttentionResult}: the output and
 * {@code weights.layer(l).get(h)}. Starts in training mode; {@link #eval()} turns every dropout off.
 * Arguments are not modified.
 */
public final class TransformerEncoder implements Module {

    private final Embedding embedding;
    private final Optional<PositionalEncoding> positions;
    private final Dropout dropout;
    private final List<TransformerEncoderBlock> blocks;
    private final double scale;                       // √dModel

    /** Seeded, of the given sizes and kind of positional encoding. */
    public TransformerEncoder(TransformerSettings settings, Random rng) {
        this(new Embedding(Init.normal(settings.vocabSize(), settings.dModel(), 1 / Math.sqrt(settings.dModel()), rng)),
                positions(settings, rng), blocks(settings, rng), new Dropout(settings.dropout(), rng));
    }

    /**
     * Seeded embedding, blocks and dropout of the given sizes (drawn from {@code rng} in that
     * order), with a given positional encoding of width dModel; the settings' {@code positions}
     * is not used.
     */
    public TransformerEncoder(TransformerSettings settings, PositionalEncoding positions, Random rng) {
        this(new Embedding(Init.normal(settings.vocabSize(), settings.dModel(), 1 / Math.sqrt(settings.dModel()), rng)),
                positions, blocks(settings, rng), new Dropout(settings.dropout(), rng));
    }

    /** Given parts, used as they are: all dModel wide, at least one block. */
    public TransformerEncoder(Embedding embedding, PositionalEncoding positions, List<TransformerEncoderBlock> blocks,
                              Dropout dropout) {
        this(embedding, Optional.of(positions), blocks, dropout);
    }

    /** Given parts without position information (the encoder is permutation-equivariant). */
    public TransformerEncoder(Embedding embedding, List<TransformerEncoderBlock> blocks, Dropout dropout) {
        this(embedding, Optional.empty(), blocks, dropout);
    }

    private TransformerEncoder(Embedding embedding, Optional<PositionalEncoding> positions,
                               List<TransformerEncoderBlock> blocks, Dropout dropout) {
        if (blocks.isEmpty()) throw new IllegalArgumentException("TransformerEncoder: no blocks");
        int d = embedding.dModel();
        if (positions.isPresent() && positions.get().dModel() != d)
            throw new IllegalArgumentException("TransformerEncoder: embedding " + embedding.weight().shape()
                    + " and positional table " + positions.get().table().shape() + " differ in width");
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

    private static Optional<PositionalEncoding> positions(TransformerSettings s, Random rng) {
        return switch (s.positions()) {
            case SINUSOIDAL -> Optional.of(new SinusoidalPositionalEncoding(s.maxLen(), s.dModel()));
            case LEARNED -> Optional.of(new LearnedPositionalEncoding(s.maxLen(), s.dModel(), rng));
            case NONE -> Optional.empty();
        };
    }

    private static List<TransformerEncoderBlock> blocks(TransformerSettings settings, Random rng) {
        List<TransformerEncoderBlock> list = new ArrayList<>(settings.nLayers());
        for (int l = 0; l < settings.nLayers(); l++) list.add(new TransformerEncoderBlock(settings, rng));
        return list;
    }

    /** One sequence, every position valid: ids (T) → output (T×dModel) and every layer's heads' (T×T) weights. */
    public AttentionResult forward(int[] ids) {
        return forward(ids, ids.length);
    }

    /** One sequence whose positions ≥ validLen are padding (they receive no attention). */
    public AttentionResult forward(int[] ids, int validLen) {
        Tensor h = embed(ids, ids.length);                               // (T×dModel)
        List<List<Tensor>> weights = new ArrayList<>(blocks.size());
        for (TransformerEncoderBlock block : blocks) {
            AttentionResult r = block.forward(h, validLen);
            h = r.output();                                              // (T×dModel)
            weights.add(r.heads());
        }
        return new AttentionResult(h, weights);
    }

    /** B sequences of the same length T, every position valid: see {@link #forward(int[][], int[])}. */
    public AttentionResult forward(int[][] ids) {
        int[] full = new int[ids.length];
        Arrays.fill(full, ids.length == 0 ? 0 : ids[0].length);
        return forward(ids, full);
    }

    /**
     * B sequences of the same length T, sequence b with valid length validLens[b] → the
     * (B·T×dModel) stack of outputs, row b·T + t, and per layer and head the sequences' (T×T)
     * weights stacked the same way, (B·T×T).
     */
    public AttentionResult forward(int[][] ids, int[] validLens) {
        int[] flat = flatten(ids, validLens);
        Tensor h = embed(flat, ids[0].length);                                  // (B·T×dModel)
        List<List<Tensor>> weights = new ArrayList<>(blocks.size());
        for (TransformerEncoderBlock block : blocks) {
            AttentionResult r = block.forwardBatch(h, validLens);
            h = r.output();                                              // (B·T×dModel)
            weights.add(r.heads());                                      // per head (B·T×T)
        }
        return new AttentionResult(h, weights);
    }

    /**
     * {@link #forward(int[][], int[])} with every block's attention fused over the batch
     * ({@link TransformerEncoderBlock#forwardStacked}): the same outputs, faster to train.
     */
    public AttentionResult forwardStacked(int[][] ids, int[] validLens) {
        return forwardStackedIds(flatten(ids, validLens), ids[0].length, validLens);
    }

    /** {@link #forwardStacked(int[][], int[])} for ids already flattened, row b·seqLen + t. */
    public AttentionResult forwardStackedIds(int[] flatIds, int seqLen, int[] validLens) {
        if (flatIds.length != validLens.length * seqLen)
            throw new IllegalArgumentException("TransformerEncoder: " + flatIds.length + " ids are not "
                    + validLens.length + " sequences of length " + seqLen);
        Tensor h = embed(flatIds, seqLen);                               // (B·T×dModel)
        List<List<Tensor>> weights = new ArrayList<>(blocks.size());
        for (TransformerEncoderBlock block : blocks) {
            AttentionResult r = block.forwardStacked(h, validLens);
            h = r.output();                                              // (B·T×dModel)
            weights.add(r.heads());                                      // per head (B·T×T)
        }
        return new AttentionResult(h, weights);
    }

    /** The batch's ids, row b·T + t, after checking one valid length per sequence and one length T for all. */
    private static int[] flatten(int[][] ids, int[] validLens) {
        if (ids.length == 0) throw new IllegalArgumentException("TransformerEncoder: empty batch");
        if (validLens.length != ids.length)
            throw new IllegalArgumentException("TransformerEncoder: " + validLens.length + " valid lengths for "
                    + ids.length + " sequences");
        int seqLen = ids[0].length;
        int[] flat = new int[ids.length * seqLen];
        for (int b = 0; b < ids.length; b++) {
            if (ids[b].length != seqLen)
                throw new IllegalArgumentException("TransformerEncoder: sequence " + b + " has length " + ids[b].length
                        + ", sequence 0 has " + seqLen + "; pad them to one length");
            System.arraycopy(ids[b], 0, flat, b * seqLen, seqLen);
        }
        return flat;
    }

    /** H₀ = Dropout(E[ids]·√dModel + P[0:T]) for a stack of sequences of length seqLen: (B·T×dModel). */
    private Tensor embed(int[] flatIds, int seqLen) {
        Tensor x = embedding.forward(flatIds).scale(scale);             // (B·T×vocab)·(vocab×d)·√d → (B·T×d)
        if (positions.isPresent()) x = positions.get().encode(x, seqLen); // + P[t] on row b·T + t
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
    /** The positional encoding, empty if there is none. */
    public Optional<PositionalEncoding> positions() { return positions; }
    public List<TransformerEncoderBlock> blocks() { return blocks; }
    public int dModel() { return embedding.dModel(); }
    public int vocabSize() { return embedding.vocabSize(); }
    public int nLayers() { return blocks.size(); }

    /** The embedding table, a learned positional table if there is one, then every block's parameters. */
    @Override
    public List<Tensor> parameters() {
        List<Tensor> all = new ArrayList<>(embedding.parameters());
        if (positions.orElse(null) instanceof Module m) all.addAll(m.parameters());
        for (TransformerEncoderBlock b : blocks) all.addAll(b.parameters());
        return all;
    }
}
