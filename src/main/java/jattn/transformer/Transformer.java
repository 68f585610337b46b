package jattn.transformer;

import jattn.attention.AttentionResult;
import jattn.autograd.NoGrad;
import jattn.autograd.Tensor;
import jattn.nn.Dropout;
import jattn.nn.Embedding;
import jattn.nn.Init;
import jattn.nn.Linear;
import jattn.nn.Module;
import jattn.position.LearnedPositionalEncoding;
import jattn.position.PositionalEncoding;
import jattn.position.SinusoidalPositionalEncoding;
import jattn.seq2seq.Decoded;
import jattn.seq2seq.Seq2SeqModel;
import jattn.text.PaddedBatch;
import jattn.text.Vocabulary;
import jattn.train.CrossEntropy;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The encoder–decoder Transformer (Vaswani et al., 2017, figure 1), for sequence-to-sequence
 * tasks such as the dates:
 * <pre>
 *   M  = Encoder(source)                                          (B·n×d): {@link TransformerEncoder}
 *   Y₀ = Dropout(E′[y_in]·√d + P[0:m]),  y_in = ⟨bos⟩ y₁ … y_{m−1}  (the target shifted right)
 *   Yₗ = DecoderBlockₗ(Yₗ₋₁, M),  l = 1 … N                        ({@link TransformerDecoderBlock})
 *   p(y_t | y_&lt;t, source) = softmax(Y_N[t]·W_o + b_o)             (B·m×|V_target|)
 * </pre>
 * Shapes: source ids (B×n), target ids (B×m); E′ the target embedding (|V_target|×d), W_o
 * (d×|V_target|). Teacher forcing is ONE pass over the whole shifted target: the causal mask
 * keeps position t from seeing y_t and later, so every position is trained at once (a recurrent
 * decoder needs m sequential steps). Greedy decoding runs m passes, each over the prefix
 * written so far, and takes the arg max at its last position.
 *
 * <p>Both sides use the settings' positions (sinusoidal, learned or none) and sizes; every
 * block's attention runs fused over the batch ({@link jattn.attention.StackedAttention}). The
 * output layer and the two embeddings are separate (the paper shares them). Greedy decoding runs
 * in evaluation mode (dropout off) and puts the model back in the mode it was in.
 */
public final class Transformer implements Seq2SeqModel {

    /**
     * Every weight of one decoding of one source, for heatmaps: per layer, per head.
     *
     * @param output       the greedy output ids y₁ … y_m (end token included if written)
     * @param encoderSelf  [layer][head] (n×n) encoder self-attention
     * @param decoderSelf  [layer][head] (m×m) causal decoder self-attention; row t is the query that writes y_{t+1}
     * @param cross        [layer][head] (m×n) cross-attention of the decoder over the source
     */
    public record Weights(int[] output, List<List<DMatrixRMaj>> encoderSelf, List<List<DMatrixRMaj>> decoderSelf,
                          List<List<DMatrixRMaj>> cross) {}

    private final TransformerEncoder encoder;
    private final Embedding targetEmbedding;
    private final Optional<PositionalEncoding> targetPositions;
    private final Dropout targetDropout;
    private final List<TransformerDecoderBlock> decoder;
    private final Linear output;
    private final int bos, eos;
    private final double scale;                                           // √d

    /**
     * Seeded, for the given vocabularies (the settings' vocabSize is replaced by theirs); the
     * target vocabulary must hold {@code <bos>}, and {@code <eos>} if outputs end with it.
     */
    public Transformer(Vocabulary source, Vocabulary target, TransformerSettings settings, Random rng) {
        this(new TransformerEncoder(settings.withVocabSize(source.size()), rng),
                new Embedding(Init.normal(target.size(), settings.dModel(), 1 / Math.sqrt(settings.dModel()), rng)),
                positions(settings, rng), decoderBlocks(settings, rng), new Dropout(settings.dropout(), rng),
                new Linear(settings.dModel(), target.size(), rng), bosOf(target),
                target.contains(Vocabulary.EOS) ? target.indexOf(Vocabulary.EOS) : -1);
    }

    /** Given parts, used as they are (all dModel wide, at least one decoder block); eos −1 if there is none. */
    public Transformer(TransformerEncoder encoder, Embedding targetEmbedding, Optional<PositionalEncoding> targetPositions,
                       List<TransformerDecoderBlock> decoder, Dropout targetDropout, Linear output, int bos, int eos) {
        int d = encoder.dModel();
        if (decoder.isEmpty()) throw new IllegalArgumentException("Transformer: no decoder blocks");
        if (targetEmbedding.dModel() != d || output.inputSize() != d || decoder.stream().anyMatch(b -> b.dModel() != d)
                || targetPositions.isPresent() && targetPositions.get().dModel() != d)
            throw new IllegalArgumentException("Transformer: encoder (dModel " + d + "), target embedding "
                    + targetEmbedding.weight().shape() + ", output layer " + output.weight().shape()
                    + " and decoder blocks must all be dModel wide");
        if (output.outputSize() != targetEmbedding.vocabSize())
            throw new IllegalArgumentException("Transformer: output layer " + output.weight().shape() + " does not give one logit per "
                    + "target token of the embedding " + targetEmbedding.weight().shape());
        if (bos < 0 || bos >= output.outputSize() || eos >= output.outputSize())
            throw new IllegalArgumentException("Transformer: BOS id " + bos + " or EOS id " + eos + " is outside the "
                    + output.outputSize() + " target tokens");
        this.encoder = encoder;
        this.targetEmbedding = targetEmbedding;
        this.targetPositions = targetPositions;
        this.decoder = List.copyOf(decoder);
        this.targetDropout = targetDropout;
        this.output = output;
        this.bos = bos;
        this.eos = eos;
        this.scale = Math.sqrt(d);
    }

    private static int bosOf(Vocabulary target) {
        if (!target.contains(Vocabulary.BOS))
            throw new IllegalArgumentException("Transformer: the target vocabulary has no " + Vocabulary.BOS + " token");
        return target.indexOf(Vocabulary.BOS);
    }

    private static Optional<PositionalEncoding> positions(TransformerSettings s, Random rng) {
        return switch (s.positions()) {
            case SINUSOIDAL -> Optional.of(new SinusoidalPositionalEncoding(s.maxLen(), s.dModel()));
            case LEARNED -> Optional.of(new LearnedPositionalEncoding(s.maxLen(), s.dModel(), rng));
            case NONE -> Optional.empty();
        };
    }

    private static List<TransformerDecoderBlock> decoderBlocks(TransformerSettings s, Random rng) {
        List<TransformerDecoderBlock> list = new ArrayList<>(s.nLayers());
        for (int l = 0; l < s.nLayers(); l++) list.add(new TransformerDecoderBlock(s, rng));
        return list;
    }

    /** The encoder's output M (B·n×d) and its weights, for a padded source batch. */
    public AttentionResult encode(PaddedBatch source) {
        return encoder.forwardStackedIds(source.idsBatchMajor(), source.numSteps(), source.validLens());
    }

    /** The decoder's logits (B·m×|V_target|), row b·m + t, for decoder inputs (B·m flat, row-major) over a memory. */
    private Tensor logits(int[] decoderInput, int m, Tensor memory, int[] sourceLens, List<TransformerDecoderBlock.Output> record) {
        return logits(decoderInput, m, projectMemory(memory), sourceLens, record);
    }

    /** Every decoder block's cross-attention keys and values of the memory. */
    private List<jattn.attention.MultiHeadAttention.KeysValues> projectMemory(Tensor memory) {
        List<jattn.attention.MultiHeadAttention.KeysValues> kv = new ArrayList<>(decoder.size());
        for (TransformerDecoderBlock block : decoder) kv.add(block.projectMemory(memory));
        return kv;
    }

    private Tensor logits(int[] decoderInput, int m, List<jattn.attention.MultiHeadAttention.KeysValues> memory, int[] sourceLens,
                          List<TransformerDecoderBlock.Output> record) {
        Tensor y = targetEmbedding.forward(decoderInput).scale(scale);   // (B·m×|V|)·(|V|×d)·√d → (B·m×d)
        if (targetPositions.isPresent()) y = targetPositions.get().encode(y, m); // + P[t] on row b·m + t
        y = targetDropout.forward(y);
        for (int l = 0; l < decoder.size(); l++) {
            TransformerDecoderBlock.Output o = decoder.get(l).forwardStacked(y, memory.get(l), sourceLens);
            if (record != null) record.add(o);
            y = o.output();                                              // (B·m×d)
        }
        return output.forwardFused(y);                                   // (B·m×d)·(d×|V|) + b → (B·m×|V|)
    }

    /** ⟨bos⟩ y₁ … y_{m−1} for every row: the target shifted right by one, flat (B·m). */
    private int[] shiftedRight(PaddedBatch target) {
        int batch = target.batchSize(), m = target.numSteps();
        int[] ids = target.idsBatchMajor(), in = new int[batch * m];
        for (int b = 0; b < batch; b++) {
            in[b * m] = bos;
            System.arraycopy(ids, b * m, in, b * m + 1, m - 1);
        }
        return in;
    }

    /** Teacher forcing in one pass: the logits (B·m×|V_target|), row b·m + t predicting target token t. */
    public Tensor teacherForcedLogits(PaddedBatch source, PaddedBatch target) {
        if (source.batchSize() != target.batchSize())
            throw new IllegalArgumentException("Transformer: source batch (" + source.batchSize() + "×" + source.numSteps()
                    + ") and target batch (" + target.batchSize() + "×" + target.numSteps() + ") have different numbers of sequences");
        Tensor memory = encode(source).output();                         // (B·n×d)
        return logits(shiftedRight(target), target.numSteps(), memory, source.validLens(), null);
    }

    /** The mean cross-entropy over the non-padding target tokens of a teacher-forced pass, (1×1). */
    @Override
    public Tensor loss(PaddedBatch source, PaddedBatch target) {
        return CrossEntropy.loss(teacherForcedLogits(source, target), target.idsBatchMajor(), target.padId());
    }

    /**
     * Greedy decoding without gradients: step t feeds the token written last (⟨bos⟩ first) and
     * appends the arg max of the new position; stops after maxSteps tokens or once every row has
     * written the end token. Incremental: every decoder block keeps the self-attention keys and
     * values of the positions so far and the memory's projected once, so a step computes one new
     * row per sequence ({@link TransformerDecoderBlock#forwardLast}), not the whole prefix again.
     * The recorded weights of step t are the last decoder block's cross-attention of that
     * position, averaged over the heads, (B×n).
     */
    @Override
    public Decoded greedy(PaddedBatch source, int maxSteps) {
        if (maxSteps < 1) throw new IllegalArgumentException("Transformer: maxSteps must be ≥ 1, got " + maxSteps);
        int batch = source.batchSize(), n = source.numSteps(), d = dModel();
        int[] sourceLens = source.validLens();
        boolean wasTraining = isTraining();
        eval();
        List<int[]> columns = new ArrayList<>(maxSteps);
        List<DMatrixRMaj> weights = new ArrayList<>(maxSteps);
        try (NoGrad ignored = NoGrad.start()) {
            var memory = projectMemory(encode(source).output());          // (B·n×d), its keys and values projected once
            List<DMatrixRMaj[]> cache = new ArrayList<>(decoder.size());  // per block: self-attention K, V so far (B·t×d)
            for (int l = 0; l < decoder.size(); l++) cache.add(new DMatrixRMaj[]{new DMatrixRMaj(0, d), new DMatrixRMaj(0, d)});
            int[] previous = new int[batch];
            Arrays.fill(previous, bos);
            boolean[] ended = new boolean[batch];
            int open = batch;
            for (int t = 0; t < maxSteps && open > 0; t++) {
                Tensor y = targetEmbedding.forward(previous).scale(scale);             // (B×d): the newest input token
                if (targetPositions.isPresent()) {
                    int[] at = new int[batch];
                    Arrays.fill(at, t);
                    y = y.add(targetPositions.get().table().gatherRows(at));           // + P[t]
                }
                TransformerDecoderBlock.Output last = null;
                for (int l = 0; l < decoder.size(); l++) {
                    TransformerDecoderBlock block = decoder.get(l);
                    var fresh = block.selfAttention().project(y);                       // the new position's K, V (B×d)
                    DMatrixRMaj[] kv = cache.get(l);
                    kv[0] = appendPerSequence(kv[0], fresh.keys().value(), batch);      // (B·(t+1)×d)
                    kv[1] = appendPerSequence(kv[1], fresh.values().value(), batch);
                    last = block.forwardLast(y, new jattn.attention.MultiHeadAttention.KeysValues(Tensor.constant(kv[0]),
                            Tensor.constant(kv[1])), memory.get(l), sourceLens);
                    y = last.output();                                                  // (B×d)
                }
                DMatrixRMaj z = output.forwardFused(y).value();                              // (B×d)·(d×|V|) → (B×|V|)
                int[] next = new int[batch];
                for (int b = 0; b < batch; b++) next[b] = argMaxRow(z, b);
                columns.add(next);
                weights.add(averageLastRow(last.crossWeights(), batch, 1, n));
                previous = next;
                for (int b = 0; b < batch; b++)
                    if (!ended[b] && next[b] == eos) { ended[b] = true; open--; }
            }
        } finally {
            if (wasTraining) train();
        }
        return decoded(columns, weights, sourceLens);
    }

    /** The tokens written, one column per step, as one row per sequence. */
    private Decoded decoded(List<int[]> columns, List<DMatrixRMaj> weights, int[] sourceLens) {
        int batch = sourceLens.length;
        int[][] ids = new int[batch][columns.size()];
        for (int t = 0; t < columns.size(); t++)
            for (int b = 0; b < batch; b++) ids[b][t] = columns.get(t)[b];
        return new Decoded(ids, weights, sourceLens, eos);
    }

    /** Sequence b's t rows of {@code soFar} (B·t×d), then row b of {@code fresh} (B×d): (B·(t+1)×d). */
    private static DMatrixRMaj appendPerSequence(DMatrixRMaj soFar, DMatrixRMaj fresh, int batch) {
        int d = fresh.numCols, t = soFar.numRows / batch;
        DMatrixRMaj out = new DMatrixRMaj(batch * (t + 1), d);
        for (int b = 0; b < batch; b++) {
            System.arraycopy(soFar.data, b * t * d, out.data, b * (t + 1) * d, t * d);
            System.arraycopy(fresh.data, b * d, out.data, (b * (t + 1) + t) * d, d);
        }
        return out;
    }

    /**
     * The same greedy decoding written the simple way: pass t runs the decoder over ⟨bos⟩ and all
     * t tokens written so far ({@link #greedy} keeps every block's keys and values instead and
     * computes the new position only); the tests check that both write the same.
     */
    Decoded greedyRecomputing(PaddedBatch source, int maxSteps) {
        if (maxSteps < 1) throw new IllegalArgumentException("Transformer: maxSteps must be ≥ 1, got " + maxSteps);
        int batch = source.batchSize(), n = source.numSteps();
        int[] sourceLens = source.validLens();
        boolean wasTraining = isTraining();
        eval();
        List<int[]> columns = new ArrayList<>(maxSteps);
        List<DMatrixRMaj> weights = new ArrayList<>(maxSteps);
        try (NoGrad ignored = NoGrad.start()) {
            var memory = projectMemory(encode(source).output());          // (B·n×d), its keys and values projected once
            boolean[] ended = new boolean[batch];
            int open = batch;
            for (int t = 0; t < maxSteps && open > 0; t++) {
                int m = t + 1;
                int[] in = new int[batch * m];
                for (int b = 0; b < batch; b++) {
                    in[b * m] = bos;
                    for (int s = 0; s < t; s++) in[b * m + s + 1] = columns.get(s)[b];
                }
                List<TransformerDecoderBlock.Output> record = new ArrayList<>(decoder.size());
                DMatrixRMaj z = logits(in, m, memory, sourceLens, record).value();   // (B·m×|V|)
                int[] next = new int[batch];
                for (int b = 0; b < batch; b++) next[b] = argMaxRow(z, b * m + t);
                columns.add(next);
                weights.add(averageLastRow(record.get(record.size() - 1).crossWeights(), batch, m, n));
                for (int b = 0; b < batch; b++)
                    if (!ended[b] && next[b] == eos) { ended[b] = true; open--; }
            }
        } finally {
            if (wasTraining) train();
        }
        return decoded(columns, weights, sourceLens);
    }

    /** Row b·m + (m−1) of every head's (B·m×n) weights, averaged over the heads: (B×n). */
    private static DMatrixRMaj averageLastRow(List<Tensor> heads, int batch, int m, int n) {
        DMatrixRMaj avg = new DMatrixRMaj(batch, n);
        for (Tensor h : heads)
            for (int b = 0; b < batch; b++)
                for (int j = 0; j < n; j++) avg.data[b * n + j] += h.value().get(b * m + m - 1, j) / heads.size();
        return avg;
    }

    private static int argMaxRow(DMatrixRMaj z, int row) {
        int best = 0, base = row * z.numCols;
        for (int j = 1; j < z.numCols; j++) if (z.data[base + j] > z.data[base + best]) best = j;
        return best;
    }

    /**
     * Greedy decoding of the FIRST source of the batch, then one more pass over ⟨bos⟩ and its
     * output to record every weight matrix of every layer and head: what the heatmaps show.
     */
    public Weights weights(PaddedBatch source, int maxSteps) {
        PaddedBatch one = PaddedBatch.of(List.of(Arrays.copyOf(source.sequence(0), source.validLen(0))),
                source.padId(), encoder.vocabSize());
        Decoded d = greedy(one, maxSteps);
        int[] out = d.ids(0);
        int k = out.length;
        if (eos >= 0) for (int t = 0; t < out.length; t++) if (out[t] == eos) { k = t + 1; break; }
        int[] written = Arrays.copyOf(out, k);
        boolean wasTraining = isTraining();
        eval();
        try (NoGrad ignored = NoGrad.start()) {
            int n = one.validLen(0);
            int[] src = Arrays.copyOf(one.sequence(0), n);
            AttentionResult enc = encoder.forwardStackedIds(src, n, new int[]{n});
            int[] in = new int[k];
            in[0] = bos;
            System.arraycopy(written, 0, in, 1, k - 1);
            List<TransformerDecoderBlock.Output> record = new ArrayList<>(decoder.size());
            logits(in, k, enc.output(), new int[]{n}, record);
            List<List<DMatrixRMaj>> encSelf = new ArrayList<>(), decSelf = new ArrayList<>(), cross = new ArrayList<>();
            for (List<Tensor> layer : enc.layers()) encSelf.add(layer.stream().map(t -> t.value().copy()).toList());
            for (TransformerDecoderBlock.Output o : record) {
                decSelf.add(o.selfWeights().stream().map(t -> t.value().copy()).toList());
                cross.add(o.crossWeights().stream().map(t -> t.value().copy()).toList());
            }
            return new Weights(written, encSelf, decSelf, cross);
        } finally {
            if (wasTraining) train();
        }
    }

    /** Training mode: every dropout on. Returns this. */
    public Transformer train() {
        encoder.train();
        targetDropout.train();
        for (TransformerDecoderBlock b : decoder) b.train();
        return this;
    }

    /** Evaluation mode: every dropout off, the model is deterministic. Returns this. */
    public Transformer eval() {
        encoder.eval();
        targetDropout.eval();
        for (TransformerDecoderBlock b : decoder) b.eval();
        return this;
    }

    public boolean isTraining() { return targetDropout.isTraining(); }

    public TransformerEncoder encoder() { return encoder; }
    public List<TransformerDecoderBlock> decoder() { return decoder; }
    public Embedding targetEmbedding() { return targetEmbedding; }
    /** W_o, b_o: the decoder's output to the target logits. */
    public Linear outputLayer() { return output; }
    public int bos() { return bos; }
    /** The end-of-sequence id, or −1. */
    public int eos() { return eos; }
    public int dModel() { return encoder.dModel(); }

    /** The encoder's parameters, the target embedding, a learned target positional table if any, the decoder blocks', the output layer's. */
    @Override
    public List<Tensor> parameters() {
        List<Tensor> all = new ArrayList<>(encoder.parameters());
        all.addAll(targetEmbedding.parameters());
        if (targetPositions.orElse(null) instanceof Module m) all.addAll(m.parameters());
        for (TransformerDecoderBlock b : decoder) all.addAll(b.parameters());
        all.addAll(output.parameters());
        return all;
    }
}
