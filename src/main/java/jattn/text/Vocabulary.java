package jattn.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fixed list of tokens, each with an index: the rows of a one-hot or embedding matrix.
 *
 * <p>Order: {@code <pad>} is always 0 and {@code <unk>} always 1; then the extra reserved
 * tokens in the order given (for example {@code <bos>}, {@code <eos>}); then every other
 * token that occurs at least {@code minFreq} times, by descending frequency, ties broken
 * alphabetically by {@link String#compareTo} (UTF-16 order, so "America" before "china").
 * The same tokens therefore always give the same indices. A token that is not in the
 * vocabulary (unseen, or rarer than {@code minFreq}) is encoded as {@code <unk>}.
 *
 * <p>A vocabulary is immutable; no method modifies its arguments.
 */
public final class Vocabulary {

    public static final String PAD = "<pad>";
    public static final String UNK = "<unk>";
    public static final String BOS = "<bos>";
    public static final String EOS = "<eos>";
    public static final int PAD_INDEX = 0;
    public static final int UNK_INDEX = 1;

    private final List<String> tokens;
    private final Map<String, Integer> index;
    private final int[] counts;

    private Vocabulary(List<String> tokens, int[] counts) {
        this.tokens = Collections.unmodifiableList(tokens);
        this.counts = counts;
        this.index = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) index.put(tokens.get(i), i);
    }

    /** Every token of {@code tokens} (min frequency 1), after {@code <pad>}, {@code <unk>} and {@code reserved}. */
    public static Vocabulary of(Iterable<String> tokens, String... reserved) {
        return of(tokens, 1, reserved);
    }

    /**
     * The tokens that occur at least {@code minFreq} times, after {@code <pad>}, {@code <unk>} and
     * {@code reserved} (e.g. {@link #BOS}, {@link #EOS}).
     *
     * @throws IllegalArgumentException if minFreq &lt; 1, a token is null or a reserved token repeats
     */
    public static Vocabulary of(Iterable<String> tokens, int minFreq, String... reserved) {
        if (minFreq < 1) throw new IllegalArgumentException("Vocabulary: minFreq must be ≥ 1, got " + minFreq);
        Set<String> fixed = new LinkedHashSet<>(List.of(PAD, UNK));
        for (String r : reserved)
            if (r == null || !fixed.add(r))
                throw new IllegalArgumentException("Vocabulary: reserved token " + r + " is null or given twice ("
                        + PAD + " and " + UNK + " are always reserved)");
        Map<String, Integer> freq = new HashMap<>();
        for (String t : tokens) {
            if (t == null) throw new IllegalArgumentException("Vocabulary: null token");
            freq.merge(t, 1, Integer::sum);
        }
        List<String> rest = new ArrayList<>();
        for (Map.Entry<String, Integer> e : freq.entrySet())
            if (e.getValue() >= minFreq && !fixed.contains(e.getKey())) rest.add(e.getKey());
        rest.sort((a, b) -> {
            int byCount = Integer.compare(freq.get(b), freq.get(a));   // descending frequency
            return byCount != 0 ? byCount : a.compareTo(b);            // then alphabetical
        });
        List<String> all = new ArrayList<>(fixed);
        all.addAll(rest);
        int[] counts = new int[all.size()];
        for (int i = 0; i < counts.length; i++) counts[i] = freq.getOrDefault(all.get(i), 0);
        return new Vocabulary(all, counts);
    }

    /** The tokens of many sentences (each a list of tokens) with {@link #of(Iterable, int, String...)}. */
    public static Vocabulary ofSentences(Iterable<? extends List<String>> sentences, int minFreq, String... reserved) {
        List<String> all = new ArrayList<>();
        for (List<String> s : sentences) all.addAll(s);
        return of(all, minFreq, reserved);
    }

    /** A character-level vocabulary: every character ({@link Tokenizer#characters}) of the texts. */
    public static Vocabulary ofCharacters(Iterable<String> texts, String... reserved) {
        List<String> all = new ArrayList<>();
        for (String t : texts) all.addAll(Tokenizer.characters(t));
        return of(all, 1, reserved);
    }

    /** The number of tokens V, reserved ones included. */
    public int size() { return tokens.size(); }

    public boolean contains(String token) { return index.containsKey(token); }

    /** The index of {@code token}, or {@link #UNK_INDEX} if it is not in the vocabulary. */
    public int indexOf(String token) {
        Integer i = index.get(token);
        return i == null ? UNK_INDEX : i;
    }

    /** The token at {@code index}. @throws IllegalArgumentException outside [0, size) */
    public String tokenOf(int index) {
        if (index < 0 || index >= tokens.size())
            throw new IllegalArgumentException("Vocabulary: index " + index + " is outside [0, " + tokens.size() + ")");
        return tokens.get(index);
    }

    /** How often the token at {@code index} occurred in the tokens the vocabulary was built from (0 for an unused reserved token). */
    public int count(int index) {
        tokenOf(index);   // range check
        return counts[index];
    }

    /** The indices of the tokens; unknown tokens become {@link #UNK_INDEX}. */
    public int[] encode(List<String> sentence) {
        int[] ids = new int[sentence.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = indexOf(sentence.get(i));
        return ids;
    }

    /** The tokens of the indices, one for one (padding and end marks included). */
    public List<String> decode(int[] ids) {
        return decode(ids, false, false);
    }

    /**
     * The tokens of the indices.
     *
     * @param stopAtEos stop before the first {@link #EOS} (only if {@code <eos>} is in the vocabulary)
     * @param skipPad   leave out {@link #PAD} tokens
     */
    public List<String> decode(int[] ids, boolean stopAtEos, boolean skipPad) {
        int eos = stopAtEos && contains(EOS) ? index.get(EOS) : -1;
        List<String> out = new ArrayList<>(ids.length);
        for (int id : ids) {
            if (id == eos) break;
            if (skipPad && id == PAD_INDEX) continue;
            out.add(tokenOf(id));
        }
        return out;
    }

    /** All tokens in index order (unmodifiable). */
    public List<String> tokens() { return tokens; }

    @Override
    public String toString() {
        int shown = Math.min(tokens.size(), 12);
        return "Vocabulary(" + tokens.size() + " tokens: " + String.join(" ", tokens.subList(0, shown))
                + (shown < tokens.size() ? " …)" : ")");
    }
}
