package jattn.seq2seq;

import jattn.autograd.NoGrad;
import jattn.autograd.Tensor;
import jattn.nn.Module;
import jattn.text.PaddedBatch;
import jattn.text.Tokenizer;
import jattn.text.Vocabulary;
import jattn.train.CrossEntropy;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * An encoder–decoder (sequence to sequence) model: the encoder reads the source x₁ … x_T into
 * states, the decoder writes the target y₁ … y_T' one token at a time.
 * <pre>
 *   hs, s₀ = Encoder(x)                                      (B·T×H), (B×H) last valid state
 *   y₀ = BOS;  sₜ, logitsₜ = Decoder(yₜ₋₁, sₜ₋₁, hs)            t = 1 … T'
 *   training (teacher forcing): yₜ₋₁ = the TRUE previous token
 *   L = mean over non-padding target positions of −log softmax(logitsₜ)[yₜ]
 *   greedy decoding: yₜ₋₁ = arg max logitsₜ₋₁
 * </pre>
 * With a {@link GruDecoder} the source reaches the decoder only through s₀; with a
 * {@link BahdanauDecoder} every step also attends to all of hs.
 *
 * <p>Batches are {@link PaddedBatch}es: sources padded with id 0 (the encoder's embedding
 * keeps padding out of every state), targets (B×T') whose padding positions (the target's pad
 * id) are left out of the loss. No method modifies its arguments; the model is not thread-safe
 * (its layers keep work buffers).
 */
public final class Seq2Seq implements Seq2SeqModel {

    private final Encoder encoder;
    private final Decoder decoder;
    private final Optional<FusedRun> fused;     // the decoder's run as one operation, if it has one
    private final int bos, eos;
    private final Vocabulary source, target;   // null when built from layers

    /**
     * A seeded model for the given vocabularies: source ids padded with {@link Vocabulary#PAD_INDEX},
     * target vocabulary containing {@link Vocabulary#BOS} (and optionally {@link Vocabulary#EOS},
     * at which greedy decoding may stop).
     *
     * @param embeddingSize E, the width of the source and target embeddings
     * @param hiddenSize    H, the width of the encoder and decoder states
     * @param attention     {@link Attention#BAHDANAU} for a {@link BahdanauDecoder}, {@link Attention#NONE}
     *                      for a {@link GruDecoder}
     */
    public Seq2Seq(Vocabulary source, Vocabulary target, int embeddingSize, int hiddenSize, Attention attention,
                   Random rng) {
        this(new Encoder(source.size(), embeddingSize, hiddenSize, rng),
                attention.attends() ? new BahdanauDecoder(target.size(), embeddingSize, hiddenSize, rng)
                                                : new GruDecoder(target.size(), embeddingSize, hiddenSize, rng),
                source, target);
    }

    /** A model from given layers and vocabularies (used as they are). */
    public Seq2Seq(Encoder encoder, Decoder decoder, Vocabulary source, Vocabulary target) {
        this(encoder, decoder, bosOf(target), target.contains(Vocabulary.EOS) ? target.indexOf(Vocabulary.EOS) : -1,
                source, target);
        if (source.size() != encoder.embedding().vocabSize() || target.size() != decoder.vocabSize())
            throw new IllegalArgumentException("Seq2Seq: vocabularies of " + source.size() + " and " + target.size()
                    + " tokens but embeddings " + encoder.embedding().weight().shape() + " and "
                    + decoder.embedding().weight().shape());
    }

    /**
     * A model from given layers without vocabularies (e.g. weights loaded from PyTorch): decoding
     * starts from token {@code bos} and may stop at {@code eos} (−1: never). {@link #translate} needs
     * vocabularies and is not available.
     */
    public Seq2Seq(Encoder encoder, Decoder decoder, int bos, int eos) {
        this(encoder, decoder, bos, eos, null, null);
    }

    private Seq2Seq(Encoder encoder, Decoder decoder, int bos, int eos, Vocabulary source, Vocabulary target) {
        if (encoder.hiddenSize() != decoder.hiddenSize())
            throw new IllegalArgumentException("Seq2Seq: the encoder's states have H = " + encoder.hiddenSize()
                    + ", the decoder's H = " + decoder.hiddenSize() + "; both must use the same H");
        if (bos < 0 || bos >= decoder.vocabSize() || eos >= decoder.vocabSize())
            throw new IllegalArgumentException("Seq2Seq: BOS id " + bos + " or EOS id " + eos + " is outside the "
                    + decoder.vocabSize() + " target tokens");
        this.encoder = encoder;
        this.decoder = decoder;
        this.fused = fusedRunOf(decoder);
        this.bos = bos;
        this.eos = eos;
        this.source = source;
        this.target = target;
    }

    private static int bosOf(Vocabulary target) {
        if (!target.contains(Vocabulary.BOS))
            throw new IllegalArgumentException("Seq2Seq: the target vocabulary has no " + Vocabulary.BOS
                    + " token; build it with Vocabulary.of(tokens, Vocabulary.BOS, ...)");
        return target.indexOf(Vocabulary.BOS);
    }

    /**
     * Teacher forcing: runs the decoder over the target batch (B×T'), feeding BOS and then the true
     * previous token yₜ₋₁ (padding included: its loss is masked), and returns every step's logits.
     */
    public TeacherForced forward(PaddedBatch sourceBatch, PaddedBatch targetBatch) {
        checkBatches(sourceBatch, targetBatch);
        Encoded encoded = encoder.encode(sourceBatch);
        Decoding decoding = decoder.start(encoded);
        int steps = targetBatch.numSteps();
        List<Tensor> states = new ArrayList<>(steps), logits = new ArrayList<>(steps), weights = new ArrayList<>(steps);
        int[] previous = filled(sourceBatch.batchSize(), bos);
        for (int t = 0; t < steps; t++) {
            DecoderStep out = decoding.next(previous);                   // (B) ids → s (B×H), logits (B×V)
            states.add(out.state());
            logits.add(out.logits());
            if (out.weights() != null) weights.add(out.weights());
            previous = targetBatch.step(t);                              // teacher forcing: the true yₜ
        }
        return new TeacherForced(encoded, states, logits, weights);
    }

    /** The mean cross-entropy of a teacher-forced pass over the non-padding target positions: a (1×1) tensor. */
    public Tensor loss(TeacherForced forward, PaddedBatch targetBatch) {
        if (forward.steps() != targetBatch.numSteps())
            throw new IllegalArgumentException("Seq2Seq: " + forward.steps() + " decoded steps but target batch ("
                    + targetBatch.batchSize() + "×" + targetBatch.numSteps() + ")");
        return CrossEntropy.loss(forward.stackedLogits(), targetBatch.idsTimeMajor(), targetBatch.padId()); // (T'·B×V) → (1×1)
    }

    /**
     * The teacher-forced mean cross-entropy of a batch, (1×1): the value of
     * {@link #lossStepByStep}. The fast path: with a {@link BahdanauDecoder} or a
     * {@link GruDecoder} the decoder's whole run is one fused operation
     * ({@link FusedBahdanauDecoder}, {@link FusedGruDecoder}: pre-allocated buffers, the output
     * layer and the weight gradients of all steps as single products); with any other decoder,
     * the step-by-step path.
     */
    public Tensor loss(PaddedBatch sourceBatch, PaddedBatch targetBatch) {
        if (fused.isEmpty()) return lossStepByStep(sourceBatch, targetBatch);
        checkBatches(sourceBatch, targetBatch);
        Tensor logits = fused.get().teacherForced(encoder.encode(sourceBatch), targetBatch, bos); // (T'·B×V), row t·B + b
        return CrossEntropy.loss(logits, targetBatch.idsTimeMajor(), targetBatch.padId());       // → (1×1)
    }

    /**
     * {@code loss(forward(source, target), target)}: one {@link DecoderStep} per target step, each
     * from the decoder's layers; the twin the fused path of {@link #loss(PaddedBatch, PaddedBatch)}
     * is tested against, values and gradients.
     */
    public Tensor lossStepByStep(PaddedBatch sourceBatch, PaddedBatch targetBatch) {
        return loss(forward(sourceBatch, targetBatch), targetBatch);
    }

    /** The fused run of the decoders that have one ({@link BahdanauDecoder}, {@link GruDecoder}). */
    private static Optional<FusedRun> fusedRunOf(Decoder decoder) {
        if (decoder instanceof BahdanauDecoder attending) return Optional.of(attending.fused());
        if (decoder instanceof GruDecoder plain) return Optional.of(plain.fused());
        return Optional.empty();
    }

    private static void checkBatches(PaddedBatch sourceBatch, PaddedBatch targetBatch) {
        if (sourceBatch.batchSize() != targetBatch.batchSize())
            throw new IllegalArgumentException("Seq2Seq: source batch (" + sourceBatch.batchSize() + "×"
                    + sourceBatch.numSteps() + ") and target batch (" + targetBatch.batchSize() + "×"
                    + targetBatch.numSteps() + ") have different numbers of sequences");
    }

    /**
     * Greedy decoding without gradients: at every step the most likely token is fed back. Runs
     * {@code maxSteps} steps, or fewer once every row has produced the end token (if there is one).
     */
    public Decoded greedy(PaddedBatch sourceBatch, int maxSteps) {
        if (maxSteps < 1) throw new IllegalArgumentException("Seq2Seq: maxSteps must be ≥ 1, got " + maxSteps);
        if (fused.isPresent()) {                                         // the fast path: one fused run
            FusedRun.Greedy g;
            try (NoGrad ignored = NoGrad.start()) {
                g = fused.get().greedy(encoder.encode(sourceBatch), maxSteps, bos, eos);
            }
            return decoded(sourceBatch, g.columns(), g.weights());
        }
        return greedyStepByStep(sourceBatch, maxSteps);
    }

    /** {@link #greedy} one {@link DecoderStep} at a time from the decoder's layers: the twin the fused path is tested against. */
    public Decoded greedyStepByStep(PaddedBatch sourceBatch, int maxSteps) {
        if (maxSteps < 1) throw new IllegalArgumentException("Seq2Seq: maxSteps must be ≥ 1, got " + maxSteps);
        int batch = sourceBatch.batchSize();
        List<int[]> columns = new ArrayList<>(maxSteps);
        List<DMatrixRMaj> weights = new ArrayList<>();
        try (NoGrad ignored = NoGrad.start()) {
            Encoded encoded = encoder.encode(sourceBatch);
            Decoding decoding = decoder.start(encoded);
            int[] previous = filled(batch, bos);
            boolean[] ended = new boolean[batch];
            int open = batch;
            for (int t = 0; t < maxSteps && open > 0; t++) {
                DecoderStep out = decoding.next(previous);
                previous = argMaxRows(out.logits().value());             // (B×V) → (B)
                columns.add(previous);
                if (out.weights() != null) weights.add(out.weights().value());
                for (int b = 0; b < batch; b++)
                    if (!ended[b] && previous[b] == eos) { ended[b] = true; open--; }
            }
        }
        return decoded(sourceBatch, columns, weights);
    }

    private Decoded decoded(PaddedBatch sourceBatch, List<int[]> columns, List<DMatrixRMaj> weights) {
        int batch = sourceBatch.batchSize();
        int[][] ids = new int[batch][columns.size()];
        for (int t = 0; t < columns.size(); t++)
            for (int b = 0; b < batch; b++) ids[b][t] = columns.get(t)[b];
        return new Decoded(ids, weights, sourceBatch.validLens(), eos);
    }

    /** Greedy translation of one token sequence with the vocabularies (unknown tokens become {@code <unk>}); stops at EOS. */
    public List<String> translate(List<String> sourceTokens, int maxSteps) {
        if (source == null)
            throw new IllegalStateException("Seq2Seq: built without vocabularies, so it cannot translate text; use greedy()");
        if (sourceTokens.isEmpty()) throw new IllegalArgumentException("Seq2Seq: nothing to translate");
        PaddedBatch batch = PaddedBatch.of(List.of(source.encode(sourceTokens)), source);
        return target.decode(greedy(batch, maxSteps).tokens(0));
    }

    /** Character-level greedy translation of one text, e.g. "4 january 1999" → "1999-01-04". */
    public String translate(String text, int maxSteps) {
        return String.join("", translate(Tokenizer.characters(text), maxSteps));
    }

    private static int[] argMaxRows(DMatrixRMaj z) {
        int[] best = new int[z.numRows];
        for (int i = 0; i < z.numRows; i++) {
            int k = 0;
            double max = z.data[i * z.numCols];
            for (int j = 1; j < z.numCols; j++)
                if (z.data[i * z.numCols + j] > max) { max = z.data[i * z.numCols + j]; k = j; }
            best[i] = k;
        }
        return best;
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    public Encoder encoder() { return encoder; }
    public Decoder decoder() { return decoder; }
    /** Whether the decoder attends to the encoder states. */
    public boolean attends() { return decoder.attends(); }
    /** The id every decoding starts from. */
    public int bos() { return bos; }
    /** The end-of-sequence id, or −1. */
    public int eos() { return eos; }
    /** The source vocabulary, or null. */
    public Vocabulary sourceVocabulary() { return source; }
    /** The target vocabulary, or null. */
    public Vocabulary targetVocabulary() { return target; }

    /** The encoder's parameters, then the decoder's. */
    @Override
    public List<Tensor> parameters() {
        return Module.collect(encoder, decoder);
    }
}
