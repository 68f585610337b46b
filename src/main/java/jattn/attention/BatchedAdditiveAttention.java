package jattn.attention;

import jattn.autograd.Tensor;
import jattn.nn.Module;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Bahdanau attention for a batch of decoder states, each over its own encoder sequence: the
 * attention step of a Seq2Seq decoder (Bahdanau et al., 2014; cₜ = Σᵢ αₜᵢ hᵢ).
 * <pre>
 *   k̃ = hs·Wk + b                       (B·T×h)  once per batch: {@link #projectKeys}
 *   e[b,t] = vᵀ tanh(s_b·Wq + k̃[b·T+t])  (B×T)    each step: {@link #scores}
 *   α[b,·] = softmax over t &lt; validLens[b]           masked weights exactly 0
 *   c[b]   = Σₜ α[b,t]·hs[b·T+t]           (B×H)    {@link #context}
 * </pre>
 * Layout: the encoder states of B sequences of length T are one stacked (B·T×H) matrix with
 * row b·T + t; decoder states s are (B×Hq); validLens has B entries in [0, T]. The score
 * grid and the context are fused operations with their backward rules beside them.
 *
 * <p>Equals the PyTorch code {@code e = va(tanh(Ua(hs) + Wa(s)[:,None,:])).squeeze(-1)
 * .masked_fill(~mask, -1e9); a = softmax(e, -1); c = (a[:,:,None]*hs).sum(1)} with Ua with bias
 * (Wk = Ua.weightᵀ, b = Ua.bias), Wa and va without (Wq = Wa.weightᵀ, v = va.weightᵀ). One
 * difference: for validLens[b] = 0 we return zero weights and a zero context, where −1e9
 * filling gives uniform weights. No input is modified.
 */
public final class BatchedAdditiveAttention implements Module {

    /**
     * Encoder states prepared for attention: the states (B·T×H), their projection (B·T×h),
     * the valid lengths (B) and T. Build with {@link #projectKeys}; reuse at every decoder step.
     */
    public record Keys(Tensor states, Tensor projected, int[] validLens, int steps) {
        public Keys {
            validLens = validLens.clone();
        }
        /** B. */
        public int batch() { return validLens.length; }
        /** The valid lengths (a copy). */
        @Override
        public int[] validLens() { return validLens.clone(); }
    }

    private final AdditiveScore score;

    /** Seeded: decoder states of width querySize, encoder states of width keySize, h hidden units, key bias. */
    public BatchedAdditiveAttention(int querySize, int keySize, int hidden, Random rng) {
        this(new AdditiveScore(querySize, keySize, hidden, rng));
    }

    /** Uses the parameters of an {@link AdditiveScore} (shared, not copied). */
    public BatchedAdditiveAttention(AdditiveScore score) {
        this.score = score;
    }

    /** Projects the stacked encoder states hs (B·T×H), B = validLens.length, once per batch. */
    public Keys projectKeys(Tensor encoderStates, int[] validLens) {
        int b = validLens.length;
        if (b == 0 || encoderStates.rows() % b != 0)
            throw new IllegalArgumentException("BatchedAdditiveAttention: encoder states " + encoderStates.shape()
                    + " cannot be split into " + b + " sequences (one per valid length)");
        int t = encoderStates.rows() / b;
        for (int i = 0; i < b; i++)
            if (validLens[i] < 0 || validLens[i] > t)
                throw new IllegalArgumentException("BatchedAdditiveAttention: valid length " + validLens[i] + " at index "
                        + i + " is outside [0, " + t + "] for encoder states " + encoderStates.shape());
        return new Keys(encoderStates, score.projectKeys(encoderStates), validLens, t);
    }

    /** e[b,t] = vᵀ tanh(s_b·Wq + k̃[b·T+t]): decoder states (B×Hq) → (B×T), before masking. */
    public Tensor scores(Tensor decoderStates, Keys keys) {
        checkBatch(decoderStates, keys);
        Tensor qp = score.projectQueries(decoderStates);                 // (B×Hq)·(Hq×h) → (B×h)
        return AdditiveScore.tanhGrid(qp, keys.projected(), score.v(), keys.batch()); // (B×T)
    }

    private static void checkBatch(Tensor decoderStates, Keys keys) {
        if (decoderStates.rows() != keys.batch())
            throw new IllegalArgumentException("BatchedAdditiveAttention: decoder states " + decoderStates.shape()
                    + " do not match the " + keys.batch() + " sequences of encoder states " + keys.states().shape());
    }

    /**
     * One decoder step: weights α (B×T) and context c (B×H). The scores are computed at valid
     * positions only (padding is masked out anyway): softmax(mask(scores(s, keys))) without the waste.
     */
    public AttentionResult attend(Tensor decoderStates, Keys keys) {
        checkBatch(decoderStates, keys);
        Tensor qp = score.projectQueries(decoderStates);                 // (B×Hq)·(Hq×h) → (B×h)
        Tensor e = AdditiveScore.tanhGrid(qp, keys.projected(), score.v(), keys.batch(), keys.validLens); // (B×T), 0 at padding
        Tensor alpha = MaskedSoftmax.apply(e, keys.validLens);           // (B×T), 0 for t ≥ validLens[b]
        return new AttentionResult(context(alpha, keys.states()), alpha);
    }

    /**
     * The readable path of {@link #attend}, one sequence at a time from Tensor operations, as the
     * formulas read (slower; the tests hold {@link #attend} to it, values and gradients):
     * <pre>
     *   e_b = tanh(hs_b·Wk + b + s_b·Wq)·v        (T×H)·(H×h) + (1×h) + (1×h) → (T×h), ·(h×1) → (T×1)
     *   α_b = masked-softmax(e_bᵀ), t &lt; validLens[b]   (1×T)
     *   c_b = α_b·hs_b                             (1×T)·(T×H) → (1×H)
     * </pre>
     */
    public AttentionResult attendReadable(Tensor decoderStates, Keys keys) {
        checkBatch(decoderStates, keys);
        int t = keys.steps();
        int[] lens = keys.validLens();
        List<Tensor> contexts = new ArrayList<>(lens.length), weights = new ArrayList<>(lens.length);
        for (int b = 0; b < lens.length; b++) {
            Tensor hb = keys.states().sliceRows(b * t, (b + 1) * t);                   // (T×H)
            Tensor q = decoderStates.sliceRows(b, b + 1).matmul(score.queryWeight()); // (1×Hq)·(Hq×h) → (1×h)
            Tensor k = hb.matmul(score.keyWeight());                                  // (T×H)·(H×h) → (T×h)
            if (score.keyBias() != null) k = k.add(score.keyBias());                  // + (1×h)
            Tensor e = k.add(q).tanh().matmul(score.v());                             // (T×h)·(h×1) → (T×1)
            Tensor alpha = MaskedSoftmax.apply(e.transpose(), Mask.validLen(lens[b])); // (1×T)
            weights.add(alpha);
            contexts.add(alpha.matmul(hb));                                           // (1×T)·(T×H) → (1×H)
        }
        return new AttentionResult(Tensor.concatRows(contexts), Tensor.concatRows(weights)); // (B×H), (B×T)
    }

    /**
     * c[b] = Σₜ α[b,t]·hs[b·T+t]: weights (B×T) and stacked states (B·T×H) → (B×H). A batch of
     * (1×T)·(T×H) products in one op. Backward: ∂α[b,t] += G[b]·hs[b·T+t], ∂hs[b·T+t] += α[b,t]·G[b].
     */
    public static Tensor context(Tensor weights, Tensor states) {
        int b = weights.rows(), t = weights.cols(), h = states.cols();
        if (states.rows() != b * t)
            throw new IllegalArgumentException("BatchedAdditiveAttention.context: weights " + weights.shape()
                    + " and states " + states.shape() + " disagree; expected states with B·T = " + b * t + " rows");
        double[] a = weights.value().data, hs = states.value().data;
        DMatrixRMaj c = new DMatrixRMaj(b, h);
        for (int i = 0; i < b; i++)
            for (int s = 0; s < t; s++) {
                double w = a[i * t + s];
                int row = (i * t + s) * h;
                for (int j = 0; j < h; j++) c.data[i * h + j] += w * hs[row + j];
            }
        return Tensor.op("context", c, g -> {
            double[] ga = weights.requiresGrad() ? weights.gradBuffer().data : null;
            double[] gs = states.requiresGrad() ? states.gradBuffer().data : null;
            for (int i = 0; i < b; i++)
                for (int s = 0; s < t; s++) {
                    int row = (i * t + s) * h;
                    double w = a[i * t + s], dot = 0;
                    for (int j = 0; j < h; j++) {
                        dot += g.data[i * h + j] * hs[row + j];
                        if (gs != null) gs[row + j] += w * g.data[i * h + j];
                    }
                    if (ga != null) ga[i * t + s] += dot;
                }
        }, weights, states);
    }

    /** The additive score whose parameters this layer uses. */
    public AdditiveScore score() { return score; }

    @Override
    public List<Tensor> parameters() { return score.parameters(); }
}
