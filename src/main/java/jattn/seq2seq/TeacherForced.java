package jattn.seq2seq;

import jattn.autograd.Tensor;

import java.util.List;

/**
 * What a teacher-forced pass of {@link Seq2Seq} computes for a batch of B pairs and T' target steps.
 *
 * @param encoded the encoder's output (states (B·T×H), final state (B×H))
 * @param states  T' decoder states sₜ (B×H), the state after step t
 * @param logits  T' matrices (B×V): the scores of target token t given the true tokens before it
 * @param weights T' attention weight matrices αₜ (B×T), or an empty list without attention
 */
public record TeacherForced(Encoded encoded, List<Tensor> states, List<Tensor> logits, List<Tensor> weights) {

    public TeacherForced {
        states = List.copyOf(states);
        logits = List.copyOf(logits);
        weights = List.copyOf(weights);
    }

    /** T', the number of target steps. */
    public int steps() { return logits.size(); }

    /** All logits as one (T'·B×V) matrix, row t·B + b (the order of {@code PaddedBatch.idsTimeMajor()}). */
    public Tensor stackedLogits() {
        return Tensor.concatRows(logits);
    }
}
