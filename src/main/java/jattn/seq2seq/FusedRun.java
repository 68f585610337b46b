package jattn.seq2seq;

import jattn.autograd.Tensor;
import jattn.text.PaddedBatch;
import org.ejml.data.DMatrixRMaj;

import java.util.List;

/**
 * A decoder's whole run as one fused operation: the fast twin of stepping its {@link Decoding}
 * one {@link DecoderStep} at a time, with the same values and gradients
 * ({@link Seq2Seq#lossStepByStep}, {@link Seq2Seq#greedyStepByStep}). With B sequences, T'
 * target steps, V target tokens and T source positions:
 * <pre>
 *   teacherForced: (encoded, targets B×T', bos) → logits (T'·B×V), row t·B + b, recorded for backward
 *   greedy:        (encoded, maxSteps, bos, eos) → per step the chosen ids (B) and, if the decoder
 *                  attends, its weights (B×T); stops early once every row has written eos (−1: none)
 * </pre>
 * {@link FusedBahdanauDecoder} and {@link FusedGruDecoder} implement it; {@link Seq2Seq} runs the
 * one its decoder has, else the step-by-step path.
 */
interface FusedRun {

    /** What a greedy run wrote: one (B) column of ids per step, and the attention weights (B×T) of every step (empty without attention). */
    record Greedy(List<int[]> columns, List<DMatrixRMaj> weights) {}

    /** Teacher forcing: the logits of every step stacked (T'·B×V), row t·B + b; fed BOS, then the true previous token. */
    Tensor teacherForced(Encoded source, PaddedBatch target, int bos);

    /** Greedy decoding without gradients: at most {@code maxSteps} steps, fewer once every row has written {@code eos} (−1: none). */
    Greedy greedy(Encoded source, int maxSteps, int bos, int eos);
}
