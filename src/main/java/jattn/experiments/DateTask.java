package jattn.experiments;

import jattn.data.DatePair;
import jattn.data.SentencePair;
import jattn.transformer.TransformerSettings;

import java.util.List;

/**
 * The date-normalisation task as a character-level {@link Seq2SeqTask}: "monday, january 4, 1999" →
 * "1999-01-04" ({@link jattn.data.DateDataset}). Every output has exactly 10 characters, so there
 * is no end token and greedy decoding runs 10 steps. The PyTorch anchor
 * ({@code shared/anchors/torch_date_attention.py}) trains it with
 * {@link Seq2SeqTask.Settings#anchor}: Adam η = 3e-3, batches of 64, clipping at norm 1,
 * and {@link Architecture#dates}: E = 32, H = 64.
 */
public final class DateTask {

    /** The length of every output, yyyy-mm-dd. */
    public static final int TARGET_LENGTH = 10;

    private DateTask() {}

    /** The task with vocabularies from the training dates (source characters; {@code <bos>} and 0–9, -). */
    public static Seq2SeqTask of(List<DatePair> train) {
        return new Seq2SeqTask(pairs(train), Seq2SeqTask.Tokens.CHARACTERS, Seq2SeqTask.Ending.FIXED_LENGTH, TARGET_LENGTH);
    }

    /** The longest human date of {@link jattn.data.DateDataset}'s formats, in characters, with room to spare: the positional tables' length. */
    public static final int MAX_SOURCE_LENGTH = 32;

    /**
     * The encoder–decoder {@link jattn.transformer.Transformer} of lesson 10 for the dates, chosen
     * on the validation dates: d = 32, 4 heads (dK = 8), dFF = 64, one encoder and one decoder
     * block, sinusoidal positions up to {@link #MAX_SOURCE_LENGTH}, no dropout (20 000 dates and
     * one pass or three do not overfit a model of this size). Train it with
     * {@link TrainToTarget.Settings#datesTransformer()}.
     */
    public static TransformerSettings transformer() {
        return TransformerSettings.paper().withDModel(32).withHeads(4).withFeedForward(64).withLayers(1)
                .withMaxLen(MAX_SOURCE_LENGTH).withDropout(0);
    }

    /** The dates as (human, iso) text pairs (a new list). */
    public static List<SentencePair> pairs(List<DatePair> dates) {
        return dates.stream().map(d -> new SentencePair(d.human(), d.iso())).toList();
    }
}
