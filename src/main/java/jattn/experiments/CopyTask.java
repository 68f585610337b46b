package jattn.experiments;

import jattn.data.SentencePair;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Copying: the target is the source, a random string of digits, e.g. "40913" → "40913".
 * A string of n random digits carries n digits of information, so unlike a date (the same
 * information however it is written) the amount a decoder needs from the encoder grows with the
 * input length: the cleanest way to see how much a fixed-size final state can hold.
 * <pre>
 *   n ~ uniform on [minLength, maxLength],  each digit ~ uniform on 0 … 9   (from Random(seed))
 * </pre>
 * Outputs have different lengths, so targets end with {@code <eos>}.
 */
public final class CopyTask {

    private CopyTask() {}

    /** {@code count} pairs (s, s) of random digit strings with lengths uniform on [minLength, maxLength]. */
    public static List<SentencePair> generate(int count, int minLength, int maxLength, long seed) {
        if (count < 0 || minLength < 1 || maxLength < minLength)
            throw new IllegalArgumentException("CopyTask: need count ≥ 0 and 1 ≤ minLength ≤ maxLength, got " + count
                    + ", " + minLength + ", " + maxLength);
        Random rng = new Random(seed);
        List<SentencePair> pairs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = minLength + rng.nextInt(maxLength - minLength + 1);
            StringBuilder s = new StringBuilder(n);
            for (int k = 0; k < n; k++) s.append((char) ('0' + rng.nextInt(10)));
            pairs.add(new SentencePair(s.toString(), s.toString()));
        }
        return pairs;
    }

    /** The task: digit vocabularies (every digit must occur in {@code train}), end token, at most maxLength + 1 steps. */
    public static Seq2SeqTask of(List<SentencePair> train, int maxLength) {
        return new Seq2SeqTask(train, Seq2SeqTask.Tokens.CHARACTERS, Seq2SeqTask.Ending.END_TOKEN, maxLength + 1);
    }

    /** The task for a split: trained on its training strings, decoding at most its maxLength + 1 steps. */
    public static Seq2SeqTask of(Splits splits) {
        return of(splits.train(), splits.maxLength());
    }

    /**
     * Training and test strings of one experiment.
     *
     * @param minLength the shortest string
     * @param maxLength the longest string
     */
    public record Splits(List<SentencePair> train, List<SentencePair> test, int minLength, int maxLength) {
        public Splits {
            train = List.copyOf(train);
            test = List.copyOf(test);
        }

        /** Bucket edges for {@link AccuracyByLength}: one bucket per length minLength … maxLength. */
        public int[] everyLength() {
            int[] edges = new int[maxLength - minLength + 2];
            for (int k = 0; k < edges.length; k++) edges[k] = minLength + k;
            return edges;
        }
    }

    /**
     * The strings of lessons 04 and 05: 11 000 strings of 3 to 12 digits from seed 1, the first
     * 10 000 for training and the last 1 000 for testing.
     */
    public static Splits lessons() {
        List<SentencePair> digits = generate(11000, 3, 12, 1);
        return new Splits(digits.subList(0, 10000), digits.subList(10000, 11000), 3, 12);
    }
}
