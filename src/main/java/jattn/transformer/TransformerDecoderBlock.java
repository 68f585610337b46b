package jattn.transformer;

import jattn.attention.Mask;
import jattn.attention.MultiHeadAttention;
import jattn.attention.StackedAttention;
import jattn.autograd.Tensor;
import jattn.nn.Dropout;
import jattn.nn.LayerNorm;
import jattn.nn.Module;
import jattn.nn.PositionwiseFeedForward;
import jattn.nn.TorchWeights;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One decoder block of the Transformer (Vaswani et al., 2017, section 3.1): causal
 * self-attention over the target so far, cross-attention over the encoder's output (the
 * "memory"), and a position-wise feed-forward network, each in a residual connection and a
 * layer norm (post-norm, as the paper and PyTorch's default {@code nn.TransformerDecoderLayer}):
 * <pre>
 *   Y₁ = LayerNorm(Y  + Dropout(MultiHead(Y, Y, Y; causal)))     position i sees targets j ≤ i
 *   Y₂ = LayerNorm(Y₁ + Dropout(MultiHead(Y₁, M, M)))            every query sees every valid source position
 *   Z  = LayerNorm(Y₂ + Dropout(FFN(Y₂)))
 * </pre>
 * Shapes: Y (m×dModel) target positions, M (n×dModel) the encoder's output; Z (m×dModel); per
 * head the self-attention weights (m×m), zero above the diagonal, and the cross-attention
 * weights (m×n), zero at source padding. The causal mask is what makes teacher forcing honest:
 * the output at position i depends on the targets before it only, so one pass over the whole
 * shifted target trains every step at once.
 *
 * <p>Two paths, tested to agree: {@link #forward} for one sequence, written with
 * {@link MultiHeadAttention#forward} and {@link Mask}s (readable), and {@link #forwardStacked}
 * for B sequences stacked as rows, with both attentions fused ({@link StackedAttention}).
 * Starts in training mode; {@link #eval()} turns dropout off. No input is modified.
 */
public final class TransformerDecoderBlock implements Module {

    /**
     * The block's output and its weights, per head.
     *
     * @param output       Z, (m×dModel), or (B·m×dModel) for a stack
     * @param selfWeights  per head the causal self-attention weights (m×m), or (B·m×m) stacked
     * @param crossWeights per head the cross-attention weights (m×n), or (B·m×n) stacked
     */
    public record Output(Tensor output, List<Tensor> selfWeights, List<Tensor> crossWeights) {}

    private final MultiHeadAttention selfAttention, crossAttention;
    private final PositionwiseFeedForward feedForward;
    private final LayerNorm norm1, norm2, norm3;
    private final Dropout dropout1, dropout2, dropout3;

    /** Seeded, of the settings' dModel, nHeads, dFF and dropout (Xavier attention weights, zero biases, γ = 1, β = 0). */
    public TransformerDecoderBlock(TransformerSettings settings, Random rng) {
        this(new MultiHeadAttention(settings.attention(), rng), new MultiHeadAttention(settings.attention(), rng),
                new PositionwiseFeedForward(settings.dModel(), settings.dFF(), rng),
                List.of(new LayerNorm(settings.dModel()), new LayerNorm(settings.dModel()), new LayerNorm(settings.dModel())),
                List.of(new Dropout(settings.dropout(), rng), new Dropout(settings.dropout(), rng), new Dropout(settings.dropout(), rng)));
    }

    /**
     * From PyTorch's {@code nn.TransformerDecoderLayer(batch_first=True)} state dict (post-norm,
     * relu): self_attn.*, multihead_attn.* ({@link MultiHeadAttention#fromTorch}), linear1.*,
     * linear2.* ({@link PositionwiseFeedForward#fromTorch}), norm1.*, norm2.*, norm3.*. The
     * settings give nHeads and the dropout probability; their dModel and dFF must be the weights'.
     * In eval mode the block computes what torch's does in eval mode. Copied.
     */
    public static TransformerDecoderBlock fromTorch(TorchWeights torch, TransformerSettings settings, Random rng) {
        MultiHeadAttention self = MultiHeadAttention.fromTorch(torch.under("self_attn"), settings.nHeads());
        MultiHeadAttention cross = MultiHeadAttention.fromTorch(torch.under("multihead_attn"), settings.nHeads());
        PositionwiseFeedForward ffn = PositionwiseFeedForward.fromTorch(torch);
        if (self.dModel() != settings.dModel() || ffn.dFF() != settings.dFF())
            throw new IllegalArgumentException("TransformerDecoderBlock.fromTorch: the weights have dModel "
                    + self.dModel() + " and dFF " + ffn.dFF() + ", the settings dModel " + settings.dModel()
                    + " and dFF " + settings.dFF());
        return new TransformerDecoderBlock(self, cross, ffn,
                List.of(LayerNorm.fromTorch(torch.under("norm1")), LayerNorm.fromTorch(torch.under("norm2")),
                        LayerNorm.fromTorch(torch.under("norm3"))),
                List.of(new Dropout(settings.dropout(), rng), new Dropout(settings.dropout(), rng), new Dropout(settings.dropout(), rng)));
    }

    /**
     * Given sub-layers, used as they are (all dModel wide): the three norms and the three
     * dropouts in the order of the sub-layers (self-attention, cross-attention, FFN).
     */
    public TransformerDecoderBlock(MultiHeadAttention selfAttention, MultiHeadAttention crossAttention,
                                   PositionwiseFeedForward feedForward, List<LayerNorm> norms, List<Dropout> dropouts) {
        int d = selfAttention.dModel();
        if (norms.size() != 3 || dropouts.size() != 3)
            throw new IllegalArgumentException("TransformerDecoderBlock: need 3 layer norms and 3 dropouts, got "
                    + norms.size() + " and " + dropouts.size());
        if (crossAttention.dModel() != d || feedForward.dModel() != d || norms.stream().anyMatch(n -> n.size() != d))
            throw new IllegalArgumentException("TransformerDecoderBlock: self-attention (dModel " + d + "), cross-attention (dModel "
                    + crossAttention.dModel() + "), FFN W₁ " + feedForward.first().weight().shape()
                    + " and the norms must all be dModel wide");
        this.selfAttention = selfAttention;
        this.crossAttention = crossAttention;
        this.feedForward = feedForward;
        this.norm1 = norms.get(0);
        this.norm2 = norms.get(1);
        this.norm3 = norms.get(2);
        this.dropout1 = dropouts.get(0);
        this.dropout2 = dropouts.get(1);
        this.dropout3 = dropouts.get(2);
    }

    /** Z for one target sequence Y (m×dModel) over a memory M (n×dModel) with every source position valid. */
    public Output forward(Tensor y, Tensor memory) {
        return forward(y, memory, memory.rows());
    }

    /** Z for one target sequence Y (m×dModel) over a memory M (n×dModel) whose positions ≥ memoryValidLen are padding. */
    public Output forward(Tensor y, Tensor memory, int memoryValidLen) {
        checkWidth(y, memory);
        var self = selfAttention.forward(y, y, y, Mask.causal());                              // (m×d), heads (m×m)
        Tensor y1 = norm1.forward(y.add(dropout1.forward(self.output())));                     // (m×d) + (m×d)
        var cross = crossAttention.forward(y1, memory, memory, Mask.validLen(memoryValidLen)); // (m×d), heads (m×n)
        Tensor y2 = norm2.forward(y1.add(dropout2.forward(cross.output())));                   // (m×d) + (m×d)
        Tensor z = norm3.forward(y2.add(dropout3.forward(feedForward.forward(y2))));          // (m×d) + (m×d)
        return new Output(z, self.heads(), cross.heads());
    }

    /**
     * Z for B = memoryValidLens.length target sequences of length m stacked as (B·m×dModel), row
     * b·m + i, over their memories stacked as (B·n×dModel), sequence b with memoryValidLens[b]
     * valid source positions. Both attentions are fused over the batch; the norms, FFN and
     * dropout run once on the stack. Weights per head stacked the same way, (B·m×m) and (B·m×n).
     */
    public Output forwardStacked(Tensor y, Tensor memory, int[] memoryValidLens) {
        checkWidth(y, memory);
        return forwardStacked(y, crossAttention.project(memory), memoryValidLens);
    }

    /**
     * As {@link #forwardStacked(Tensor, Tensor, int[])} with the memory's keys and values for the
     * cross-attention already projected ({@link #projectMemory}): greedy decoding projects them once.
     */
    public Output forwardStacked(Tensor y, MultiHeadAttention.KeysValues memory, int[] memoryValidLens) {
        int batch = memoryValidLens.length, rows = memory.keys().rows();
        if (y.cols() != dModel())
            throw new IllegalArgumentException("TransformerDecoderBlock: target " + y.shape() + " must have dModel = " + dModel() + " columns");
        if (batch == 0 || y.rows() % batch != 0 || rows % batch != 0)
            throw new IllegalArgumentException("TransformerDecoderBlock: target " + y.shape() + " and memory ("
                    + rows + "×" + dModel() + ") are not stacks of " + batch + " sequences (one per memory valid length)");
        int m = y.rows() / batch, n = rows / batch;
        StackedAttention.Result self = selfAttention.forwardStacked(y, y,
                StackedAttention.Layout.full(batch, m, m, StackedAttention.Causality.CAUSAL));          // (B·m×d)
        Tensor y1 = norm1.forward(y.add(dropout1.forward(self.output())));                           // (B·m×d)
        StackedAttention.Result cross = crossAttention.forwardStacked(y1, memory,
                new StackedAttention.Layout(batch, m, n, memoryValidLens, StackedAttention.Causality.BIDIRECTIONAL)); // (B·m×d)
        Tensor y2 = norm2.forward(y1.add(dropout2.forward(cross.output())));                         // (B·m×d)
        Tensor z = norm3.forward(y2.add(dropout3.forward(feedForward.forwardFused(y2))));                // (B·m×d)
        List<Tensor> selfHeads = new ArrayList<>(nHeads()), crossHeads = new ArrayList<>(nHeads());
        for (int h = 0; h < nHeads(); h++) {
            selfHeads.add(self.stackedHead(h));                                                      // (B·m×m)
            crossHeads.add(cross.stackedHead(h));                                                    // (B·m×n)
        }
        return new Output(z, selfHeads, crossHeads);
    }

    /**
     * One step of incremental (greedy) decoding: the block's output for ONE new position per
     * sequence, yNew (B×dModel), whose causal self-attention looks at the projected keys and
     * values of every position so far, the new one included (B·(t+1)×dModel, row b·(t+1) + j,
     * from {@link MultiHeadAttention#project} of this block's self-attention), and whose
     * cross-attention looks at the memory's projected keys and values. Computes the last row
     * of {@link #forwardStacked} over the whole prefix, without recomputing the earlier rows.
     */
    public Output forwardLast(Tensor yNew, MultiHeadAttention.KeysValues selfSoFar, MultiHeadAttention.KeysValues memory,
                              int[] memoryValidLens) {
        int batch = memoryValidLens.length;
        if (yNew.rows() != batch || yNew.cols() != dModel() || selfSoFar.keys().rows() % batch != 0)
            throw new IllegalArgumentException("TransformerDecoderBlock: new positions " + yNew.shape() + " and keys so far "
                    + selfSoFar.keys().shape() + " are not one row and a prefix for each of " + batch + " sequences");
        int soFar = selfSoFar.keys().rows() / batch, n = memory.keys().rows() / batch;
        StackedAttention.Result self = selfAttention.forwardStacked(yNew, selfSoFar,
                StackedAttention.Layout.full(batch, 1, soFar, StackedAttention.Causality.BIDIRECTIONAL));   // (B×d): all so far are ≤ t
        Tensor y1 = norm1.forward(yNew.add(dropout1.forward(self.output())));                            // (B×d)
        StackedAttention.Result cross = crossAttention.forwardStacked(y1, memory,
                new StackedAttention.Layout(batch, 1, n, memoryValidLens, StackedAttention.Causality.BIDIRECTIONAL)); // (B×d)
        Tensor y2 = norm2.forward(y1.add(dropout2.forward(cross.output())));                             // (B×d)
        Tensor z = norm3.forward(y2.add(dropout3.forward(feedForward.forwardFused(y2))));                    // (B×d)
        List<Tensor> selfHeads = new ArrayList<>(nHeads()), crossHeads = new ArrayList<>(nHeads());
        for (int h = 0; h < nHeads(); h++) {
            selfHeads.add(self.stackedHead(h));                                                          // (B×(t+1))
            crossHeads.add(cross.stackedHead(h));                                                        // (B×n)
        }
        return new Output(z, selfHeads, crossHeads);
    }

    /** The cross-attention's keys and values of a memory (B·n×dModel), for {@link #forwardStacked(Tensor, MultiHeadAttention.KeysValues, int[])}. */
    public MultiHeadAttention.KeysValues projectMemory(Tensor memory) {
        return crossAttention.project(memory);
    }

    private void checkWidth(Tensor y, Tensor memory) {
        if (y.cols() != dModel() || memory.cols() != dModel())
            throw new IllegalArgumentException("TransformerDecoderBlock: target " + y.shape() + " and memory " + memory.shape()
                    + " must both have dModel = " + dModel() + " columns");
    }

    /** Training mode: dropout on. Returns this. */
    public TransformerDecoderBlock train() {
        dropout1.train();
        dropout2.train();
        dropout3.train();
        return this;
    }

    /** Evaluation mode: dropout off, the block is deterministic. Returns this. */
    public TransformerDecoderBlock eval() {
        dropout1.eval();
        dropout2.eval();
        dropout3.eval();
        return this;
    }

    public boolean isTraining() { return dropout1.isTraining(); }

    /** The causal self-attention over the target. */
    public MultiHeadAttention selfAttention() { return selfAttention; }
    /** The cross-attention: queries from the target, keys and values from the encoder's output. */
    public MultiHeadAttention crossAttention() { return crossAttention; }
    public PositionwiseFeedForward feedForward() { return feedForward; }
    /** The layer norms after the self-attention, the cross-attention and the FFN. */
    public List<LayerNorm> norms() { return List.of(norm1, norm2, norm3); }
    public int dModel() { return selfAttention.dModel(); }
    public int nHeads() { return selfAttention.nHeads(); }

    /** The self-attention's, the cross-attention's, the FFN's and the three norms' parameters, in that order. */
    @Override
    public List<Tensor> parameters() {
        return Module.collect(selfAttention, crossAttention, feedForward, norm1, norm2, norm3);
    }
}
