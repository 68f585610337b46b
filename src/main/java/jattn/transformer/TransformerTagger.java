package jattn.transformer;

import jattn.attention.AttentionResult;

import jattn.autograd.NoGrad;
import jattn.autograd.Tensor;
import jattn.autograd.Tensors;
import jattn.nn.Linear;
import jattn.nn.Module;

import java.util.List;
import java.util.Random;

/**
 * A per-position tagger: a {@link TransformerEncoder} and one linear layer that turns each
 * output row into scores over the tags (sequence labelling, as BERT's token classification head).
 * <pre>
 *   H = Encoder(ids)          (T×dModel)
 *   Z = H·W + b               (T×nTags)   logits; the tag of position t is argmax Z[t]
 * </pre>
 * Shapes: W (dModel×nTags), b (1×nTags); for a batch of B sequences of length T the logits
 * are one (B·T×nTags) stack, row b·T + t, ready for a cross-entropy against the flattened tags.
 * Arguments are not modified.
 */
public final class TransformerTagger implements Module {

    /**
     * How the encoder attends over a batch: sequence by sequence ({@link TransformerEncoder#forward(int[][], int[])},
     * the readable path and the default), or every sequence and head in one fused operation
     * ({@link TransformerEncoder#forwardStacked}): the same numbers to rounding, faster to train.
     */
    public enum BatchAttention { PER_SEQUENCE, FUSED }

    private final TransformerEncoder encoder;
    private final Linear head;
    private final BatchAttention batchAttention;

    /** The encoder with a seeded (dModel×nTags) head. */
    public TransformerTagger(TransformerEncoder encoder, int nTags, Random rng) {
        this(encoder, new Linear(encoder.dModel(), nTags, rng));
    }

    /** Given parts, used as they are; the head must take dModel inputs. */
    public TransformerTagger(TransformerEncoder encoder, Linear head) {
        if (head.inputSize() != encoder.dModel())
            throw new IllegalArgumentException("TransformerTagger: head " + head.weight().shape()
                    + " does not fit the encoder's embedding " + encoder.embedding().weight().shape()
                    + "; expected (" + encoder.dModel() + "×nTags)");
        this.encoder = encoder;
        this.head = head;
        this.batchAttention = BatchAttention.PER_SEQUENCE;
    }

    private TransformerTagger(TransformerEncoder encoder, Linear head, BatchAttention batchAttention) {
        this.encoder = encoder;
        this.head = head;
        this.batchAttention = batchAttention;
    }

    /** This tagger (the same encoder and head, shared, not copied) computing batches the given way. */
    public TransformerTagger with(BatchAttention how) {
        return new TransformerTagger(encoder, head, how);
    }

    /** How batches are computed. */
    public BatchAttention batchAttention() { return batchAttention; }

    /** Z for B sequences of length T, sequence b valid up to validLens[b]: (B·T×nTags), row b·T + t. */
    public Tensor logits(int[][] ids, int[] validLens) {
        AttentionResult encoded = batchAttention == BatchAttention.FUSED ? encoder.forwardStacked(ids, validLens)
                                                                         : encoder.forward(ids, validLens);
        return head.forward(encoded.output());                          // (B·T×d)·(d×nTags) + (1×nTags)
    }

    /** Z for B sequences of length T, every position valid: (B·T×nTags), row b·T + t. */
    public Tensor logits(int[][] ids) {
        if (batchAttention == BatchAttention.FUSED) {
            int[] full = new int[ids.length];
            java.util.Arrays.fill(full, ids.length == 0 ? 0 : ids[0].length);
            return logits(ids, full);
        }
        return head.forward(encoder.forward(ids).output());             // (B·T×d)·(d×nTags) + (1×nTags)
    }

    /** Z for one sequence: (T×nTags). */
    public Tensor logits(int[] ids) {
        return head.forward(encoder.forward(ids).output());            // (T×d)·(d×nTags) + (1×nTags)
    }

    /** The most likely tag of every position of one sequence (no graph is recorded; the mode is kept). */
    public int[] predict(int[] ids) {
        try (NoGrad ignored = NoGrad.start()) {
            return Tensors.argmaxRows(logits(ids));
        }
    }

    /** The most likely tag of every position of B sequences, every position valid, flattened: (B·T), entry b·T + t. */
    public int[] predict(int[][] ids) {
        try (NoGrad ignored = NoGrad.start()) {
            return Tensors.argmaxRows(logits(ids));
        }
    }

    /** The most likely tag of every position of B sequences, flattened: (B·T), entry b·T + t. */
    public int[] predict(int[][] ids, int[] validLens) {
        try (NoGrad ignored = NoGrad.start()) {
            return Tensors.argmaxRows(logits(ids, validLens));
        }
    }

    /** Training mode (dropout on). Returns this. */
    public TransformerTagger train() { encoder.train(); return this; }

    /** Evaluation mode (dropout off, deterministic). Returns this. */
    public TransformerTagger eval() { encoder.eval(); return this; }

    public TransformerEncoder encoder() { return encoder; }
    /** The output layer H ↦ H·W + b. */
    public Linear head() { return head; }
    public int nTags() { return head.outputSize(); }

    /** The encoder's parameters, then W and b. */
    @Override
    public List<Tensor> parameters() { return Module.collect(encoder, head); }
}
