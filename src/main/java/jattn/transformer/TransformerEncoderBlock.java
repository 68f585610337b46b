package jattn.transformer;

import jattn.attention.AttentionResult;
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
 * One encoder block of the Transformer (Vaswani et al., 2017, section 3.1): self-attention and
 * a position-wise feed-forward network, each wrapped in a residual connection and a layer norm.
 * <pre>
 *   X₁ = LayerNorm(X  + Dropout(MultiHead(X, X, X)))
 *   Y  = LayerNorm(X₁ + Dropout(FFN(X₁)))
 * </pre>
 * Shapes: X (T×dModel) → Y (T×dModel); one (T×T) weight matrix per head. dModel must be
 * divisible by nHeads; FFN is dModel → dFF → dModel. Dropout is applied to each sub-layer's
 * output before it is added, as in the paper (section 5.4).
 *
 * <p><b>Post-norm, as in the paper.</b> The layer norm comes after the residual sum. The
 * Annotated Transformer, GPT-2 and most recent models use pre-norm,
 * X₁ = X + Dropout(MultiHead(LN(X))), Y = X₁ + Dropout(FFN(LN(X₁))) (plus one final LN): the
 * residual path then carries X unnormalised from block to block, which trains deep stacks
 * without a learning-rate warm-up. For the shallow stacks of this course post-norm trains well.
 *
 * <p>A valid length hides key positions ≥ validLen (padding) from every query: they get
 * attention weight exactly 0. The rows of Y at padding positions are computed too (their
 * queries see the valid keys) and are meant to be ignored by the caller, as in d2l.
 *
 * <p>Starts in training mode (dropout on); {@link #eval()} turns dropout off, after which
 * the block is deterministic. No input is modified.
 */
public final class TransformerEncoderBlock implements Module {

    private final MultiHeadAttention attention;
    private final PositionwiseFeedForward feedForward;
    private final LayerNorm norm1, norm2;
    private final Dropout dropout1, dropout2;

    /**
     * Seeded, of the settings' dModel, nHeads, dFF and dropout: PyTorch-style multi-head
     * attention (Xavier weights, zero biases), FFN dModel → dFF → dModel, two layer norms
     * (γ = 1, β = 0) and dropout, whose masks are drawn from {@code rng} as well.
     */
    public TransformerEncoderBlock(TransformerSettings settings, Random rng) {
        this(new MultiHeadAttention(settings.attention(), rng),
                new PositionwiseFeedForward(settings.dModel(), settings.dFF(), rng),
                new LayerNorm(settings.dModel()), new LayerNorm(settings.dModel()),
                new Dropout(settings.dropout(), rng), new Dropout(settings.dropout(), rng));
    }

    /**
     * From PyTorch's {@code nn.TransformerEncoderLayer} state dict (post-norm, relu): self_attn.*
     * ({@link MultiHeadAttention#fromTorch}), linear1.* and linear2.*
     * ({@link PositionwiseFeedForward#fromTorch}), norm1.* and norm2.* ({@link LayerNorm#fromTorch}).
     * The settings give nHeads and the dropout probability (a state dict holds neither); their
     * dModel and dFF must be the weights'. In eval mode the block computes what torch's does in
     * eval mode. Copied.
     */
    public static TransformerEncoderBlock fromTorch(TorchWeights torch, TransformerSettings settings, Random rng) {
        MultiHeadAttention attention = MultiHeadAttention.fromTorch(torch.under("self_attn"), settings.nHeads());
        PositionwiseFeedForward ffn = PositionwiseFeedForward.fromTorch(torch);
        if (attention.dModel() != settings.dModel() || ffn.dFF() != settings.dFF())
            throw new IllegalArgumentException("TransformerEncoderBlock.fromTorch: the weights have dModel "
                    + attention.dModel() + " and dFF " + ffn.dFF() + ", the settings dModel " + settings.dModel()
                    + " and dFF " + settings.dFF());
        return new TransformerEncoderBlock(attention, ffn, LayerNorm.fromTorch(torch.under("norm1")),
                LayerNorm.fromTorch(torch.under("norm2")), new Dropout(settings.dropout(), rng),
                new Dropout(settings.dropout(), rng));
    }

    /** Given sub-layers, used as they are (all dModel wide). */
    public TransformerEncoderBlock(MultiHeadAttention attention, PositionwiseFeedForward feedForward,
                                   LayerNorm norm1, LayerNorm norm2, Dropout dropout1, Dropout dropout2) {
        int d = attention.dModel();
        if (feedForward.dModel() != d || norm1.size() != d || norm2.size() != d)
            throw new IllegalArgumentException("TransformerEncoderBlock: attention (dModel " + d + "), FFN W₁ "
                    + feedForward.first().weight().shape() + ", norms " + norm1.gamma().shape() + " and "
                    + norm2.gamma().shape() + " must all be dModel wide");
        this.attention = attention;
        this.feedForward = feedForward;
        this.norm1 = norm1;
        this.norm2 = norm2;
        this.dropout1 = dropout1;
        this.dropout2 = dropout2;
    }

    /** Y (T×dModel) and every head's (T×T) weights for a sequence X (T×dModel) with every position valid. */
    public AttentionResult forward(Tensor x) {
        return forward(x, Mask.none());
    }

    /** Y for a sequence X (T×dModel) whose keys at positions ≥ validLen are padding. */
    public AttentionResult forward(Tensor x, int validLen) {
        return forward(x, Mask.validLen(validLen));
    }

    /** Y for a sequence X (T×dModel) with any (T×T) {@link Mask} (true = keep). */
    public AttentionResult forward(Tensor x, Mask mask) {
        checkWidth(x);
        AttentionResult a = attention.forward(x, x, x, mask);            // MultiHead(X, X, X): (T×dModel)
        return AttentionResult.ofHeads(sublayers(x, a.output()), a.heads());
    }

    /**
     * Y for B = validLens.length sequences of length T stacked as one (B·T×dModel) matrix (row
     * b·T + t), sequence b with valid length validLens[b]. Attention is computed per sequence;
     * the layer norms, the FFN and dropout run once on the whole stack. Returns Y (B·T×dModel)
     * and per head the sequences' (T×T) weights stacked the same way, (B·T×T).
     */
    public AttentionResult forwardBatch(Tensor stacked, int[] validLens) {
        checkWidth(stacked);
        int batch = validLens.length, seqLen = checkStack(stacked, validLens);
        List<Tensor> attended = new ArrayList<>(batch);
        List<List<Tensor>> weights = new ArrayList<>(nHeads());         // [head][sequence] (T×T)
        for (int h = 0; h < nHeads(); h++) weights.add(new ArrayList<>(batch));
        for (int b = 0; b < batch; b++) {
            Tensor x = batch == 1 ? stacked : stacked.sliceRows(b * seqLen, (b + 1) * seqLen); // (T×dModel)
            AttentionResult a = attention.forward(x, x, x, Mask.validLen(validLens[b]));
            attended.add(a.output());                                    // (T×dModel)
            for (int h = 0; h < nHeads(); h++) weights.get(h).add(a.head(h));
        }
        Tensor all = batch == 1 ? attended.get(0) : Tensor.concatRows(attended); // (B·T×dModel)
        List<Tensor> heads = new ArrayList<>(nHeads());
        for (List<Tensor> w : weights) heads.add(batch == 1 ? w.get(0) : Tensor.concatRows(w)); // (B·T×T)
        return AttentionResult.ofHeads(sublayers(stacked, all), heads);
    }

    /**
     * {@link #forwardBatch} with the attention of all sequences and heads as one fused operation
     * ({@link MultiHeadAttention#forwardStacked}): the same Y (B·T×dModel) and per head the
     * (B·T×T) weights (constants, for pictures), much faster for training. The tests check that
     * both agree.
     */
    public AttentionResult forwardStacked(Tensor stacked, int[] validLens) {
        checkWidth(stacked);
        int seqLen = checkStack(stacked, validLens);
        StackedAttention.Result a = attention.forwardStacked(stacked, stacked,
                new StackedAttention.Layout(validLens.length, seqLen, seqLen, validLens, StackedAttention.Causality.BIDIRECTIONAL));
        List<Tensor> heads = new ArrayList<>(nHeads());
        for (int h = 0; h < nHeads(); h++) heads.add(a.stackedHead(h));  // (B·T×T)
        return AttentionResult.ofHeads(sublayers(stacked, a.output()), heads);
    }

    /** X₁ = LN(X + Dropout(A)), Y = LN(X₁ + Dropout(FFN(X₁))), row-wise: (n×dModel) → (n×dModel). */
    private Tensor sublayers(Tensor x, Tensor attended) {
        Tensor x1 = norm1.forward(x.add(dropout1.forward(attended)));                  // (n×d) + (n×d)
        return norm2.forward(x1.add(dropout2.forward(feedForward.forwardFused(x1))));      // (n×d) + (n×d)
    }

    private void checkWidth(Tensor x) {
        if (x.cols() != attention.dModel())
            throw new IllegalArgumentException("TransformerEncoderBlock: input " + x.shape() + " does not fit the query projection "
                    + attention.queryProjection().weight().shape() + "; expected (T×" + attention.dModel() + ")");
    }

    /** The length T of each of the B = validLens.length sequences of a (B·T×dModel) stack. */
    static int checkStack(Tensor stacked, int[] validLens) {
        if (validLens.length == 0 || stacked.rows() % validLens.length != 0)
            throw new IllegalArgumentException("TransformerEncoderBlock: input " + stacked.shape() + " is not a stack of "
                    + validLens.length + " sequences of one length (one per valid length)");
        return stacked.rows() / validLens.length;
    }

    /** Training mode: dropout on. Returns this. */
    public TransformerEncoderBlock train() {
        dropout1.train();
        dropout2.train();
        return this;
    }

    /** Evaluation mode: dropout off, the block is deterministic. Returns this. */
    public TransformerEncoderBlock eval() {
        dropout1.eval();
        dropout2.eval();
        return this;
    }

    public boolean isTraining() { return dropout1.isTraining(); }

    public MultiHeadAttention attention() { return attention; }
    public PositionwiseFeedForward feedForward() { return feedForward; }
    /** The layer norm after the attention sub-layer. */
    public LayerNorm norm1() { return norm1; }
    /** The layer norm after the feed-forward sub-layer. */
    public LayerNorm norm2() { return norm2; }
    public int dModel() { return attention.dModel(); }
    public int nHeads() { return attention.nHeads(); }

    /** The attention's, the FFN's and the two norms' parameters, in that order. */
    @Override
    public List<Tensor> parameters() {
        return Module.collect(attention, feedForward, norm1, norm2);
    }
}
