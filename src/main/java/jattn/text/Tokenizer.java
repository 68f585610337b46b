package jattn.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into tokens: words (with punctuation as separate tokens) or characters.
 *
 * <p>A word is a maximal run of letters and digits ({@link Character#isLetterOrDigit}); an
 * apostrophe between two letters stays inside the word ("don't", "l'homme"). Every other
 * character that is not white space is a token of its own, so
 * {@code "China is a great country."} becomes {@code [china, is, a, great, country, .]}.
 * That is all it does: no stemming, no sub-words, no special handling of numbers or
 * abbreviations ("U.S." becomes {@code [u, ., s, .]}). Arguments are never modified.
 */
public final class Tokenizer {

    private Tokenizer() {}

    /** Lower-cased words and punctuation marks: {@code "Citizens have the right"} → {@code [citizens, have, the, right]}. */
    public static List<String> words(String text) {
        return wordsKeepingCase(text.toLowerCase(Locale.ROOT));
    }

    /** Words and punctuation marks as {@link #words} does, but with the case kept ("China" stays "China"). */
    public static List<String> wordsKeepingCase(String text) {
        List<String> tokens = new ArrayList<>();
        int n = text.length(), i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                i += len;
            } else if (Character.isLetterOrDigit(cp)) {
                int end = i + len;
                while (end < n) {
                    int c = text.codePointAt(end);
                    if (Character.isLetterOrDigit(c)) {
                        end += Character.charCount(c);
                    } else if (isApostrophe(c) && end + 1 < n && Character.isLetter(text.codePointBefore(end))
                            && Character.isLetter(text.codePointAt(end + 1))) {
                        end += 1;
                    } else {
                        break;
                    }
                }
                tokens.add(text.substring(i, end));
                i = end;
            } else {
                tokens.add(text.substring(i, i + len));   // one punctuation mark or symbol
                i += len;
            }
        }
        return tokens;
    }

    /** Tokens separated by white space, exactly as written (no lower-casing, no punctuation split). */
    public static List<String> whitespace(String text) {
        List<String> tokens = new ArrayList<>();
        for (String t : text.trim().split("\\s+")) if (!t.isEmpty()) tokens.add(t);
        return tokens;
    }

    /** One token per character (Unicode code point), spaces included: {@code "ab c"} → {@code [a, b, " ", c]}. */
    public static List<String> characters(String text) {
        List<String> tokens = new ArrayList<>(text.length());
        text.codePoints().forEach(cp -> tokens.add(new String(Character.toChars(cp))));
        return tokens;
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019';
    }
}
