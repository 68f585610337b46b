package jattn.seq2seq;

import jattn.autograd.Tensor;
import jattn.nn.Module;
import jattn.text.PaddedBatch;

/**
 * What the training recipes and evaluations of {@code jattn.experiments} need from an
 * encoder–decoder, whatever is inside it (the recurrent {@link Seq2Seq}, the
 * {@link jattn.transformer.Transformer}):
 * <pre>
 *   loss(source (B×T), target (B×T'))  the teacher-forced mean cross-entropy over the non-padding target tokens, (1×1)
 *   greedy(source (B×T), maxSteps)     greedy decoding without gradients, at most maxSteps tokens per row
 * </pre>
 */
public interface Seq2SeqModel extends Module {

    /** The teacher-forced mean cross-entropy of a batch over its non-padding target tokens, (1×1). */
    Tensor loss(PaddedBatch sourceBatch, PaddedBatch targetBatch);

    /** Greedy decoding of a batch, without gradients: at most {@code maxSteps} tokens per row. */
    Decoded greedy(PaddedBatch sourceBatch, int maxSteps);
}
