package jattn.experiments;

import jattn.transformer.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A sequence-labelling task that needs attention and positions: tag every position t of a
 * sequence x of length T with the token at the mirrored position,
 * <pre>  y_t = x_{T−1−t},   t = 0 … T−1  </pre>
 * e.g. x = 3 1 4 1 5 → y = 5 1 4 1 3. No position-wise layer can solve it: the answer at t
 * lives at another position, so information must move between positions (attention), and
 * which position depends on t alone, so the model must know where it is (positional
 * encoding; without it the encoder is permutation-equivariant and cannot reverse). A trained
 * head's weights form the anti-diagonal.
 *
 * <p>Tokens are uniform in [0, vocabSize); the tags use the same ids, so the tagger has
 * vocabSize classes. {@link #split} draws disjoint training and held-out sets from a seed.
 */
public final class ReversalTask {

    /** One sequence and its tags, both of length T. */
    public record Example(int[] tokens, int[] tags) {}

    /** Training and held-out examples; no token sequence is in both. */
    public record Split(List<Example> train, List<Example> test) {}

    private final int length, vocabSize;

    /** Sequences of {@code length} ≥ 1 tokens drawn from {@code vocabSize} ≥ 2 ids. */
    public ReversalTask(int length, int vocabSize) {
        if (length < 1 || vocabSize < 2)
            throw new IllegalArgumentException("ReversalTask: need length ≥ 1 and vocabSize ≥ 2, got " + length
                    + " and " + vocabSize);
        this.length = length;
        this.vocabSize = vocabSize;
    }

    /** The example of a given token sequence (length T, ids in range; copied, not modified). */
    public Example example(int... tokens) {
        if (tokens.length != length)
            throw new IllegalArgumentException("ReversalTask: sequence of length " + tokens.length + ", expected " + length);
        int[] tags = new int[length];
        for (int t = 0; t < length; t++) {
            if (tokens[t] < 0 || tokens[t] >= vocabSize)
                throw new IllegalArgumentException("ReversalTask: token " + tokens[t] + " at position " + t
                        + " is outside [0, " + vocabSize + ")");
            tags[t] = tokens[length - 1 - t];                           // y_t = x_{T−1−t}
        }
        return new Example(tokens.clone(), tags);
    }

    /** {@code count} random examples (repeats possible), drawn from {@code rng} (advanced). */
    public List<Example> generate(int count, Random rng) {
        List<Example> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) list.add(example(randomTokens(rng)));
        return list;
    }

    /**
     * {@code trainCount} training and {@code testCount} held-out examples from one seed, all
     * token sequences distinct (so no held-out sequence was seen in training).
     */
    public Split split(int trainCount, int testCount, long seed) {
        if (Math.pow(vocabSize, length) < trainCount + testCount)
            throw new IllegalArgumentException("ReversalTask: only " + vocabSize + "^" + length
                    + " distinct sequences, fewer than " + (trainCount + testCount));
        Random rng = new Random(seed);
        Set<List<Integer>> seen = new HashSet<>();
        List<Example> all = new ArrayList<>(trainCount + testCount);
        while (all.size() < trainCount + testCount) {
            int[] tokens = randomTokens(rng);
            if (seen.add(Arrays.stream(tokens).boxed().toList())) all.add(example(tokens));
        }
        return new Split(List.copyOf(all.subList(0, trainCount)), List.copyOf(all.subList(trainCount, all.size())));
    }

    private int[] randomTokens(Random rng) {
        int[] tokens = new int[length];
        for (int t = 0; t < length; t++) tokens[t] = rng.nextInt(vocabSize);
        return tokens;
    }

    /** T, the length of every sequence. */
    public int length() { return length; }
    public int vocabSize() { return vocabSize; }
}
