package jattn.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TestTokenizer {

    @Test
    void wordsAreLowerCasedAndPunctuationIsSplit() {
        assertEquals(List.of("china", "is", "a", "great", "country"), Tokenizer.words("China is a great country"));
        assertEquals(List.of("citizens", "have", "the", "right", "to", "right", "wrongs", "."),
                Tokenizer.words("Citizens have the right to right wrongs."));
        assertEquals(List.of("les", "citoyens", "ont", "le", "droit", "de", "corriger", "les", "injustices", "!"),
                Tokenizer.words("  Les citoyens ont le droit de corriger les injustices!  "));
        assertEquals(List.of("hello", ",", "world", "?", "(", "yes", ")"), Tokenizer.words("Hello,world? (yes)"));
    }

    @Test
    void apostrophesBetweenLettersStayInTheWord() {
        assertEquals(List.of("don't", "l'homme", "'", "tis", "rock", "'", "n", "'", "roll"),
                Tokenizer.words("Don't l'homme 'tis rock 'n' roll"));
        assertEquals(List.of("it\u2019s"), Tokenizer.words("It\u2019s"));
    }

    @Test
    void caseCanBeKeptAndNonAsciiLettersAreLetters() {
        assertEquals(List.of("China", "is", "great", "."), Tokenizer.wordsKeepingCase("China is great."));
        assertEquals(List.of("été", "2024", "—", "ça"), Tokenizer.words("Été 2024 — ça"));
        assertEquals(List.of(), Tokenizer.words(" \t\n"));
    }

    @Test
    void whitespaceSplitsOnlyOnWhitespace() {
        assertEquals(List.of("Hello,", "World!"), Tokenizer.whitespace("  Hello,\tWorld!\n"));
        assertEquals(List.of(), Tokenizer.whitespace("   "));
    }

    @Test
    void charactersAreCodePointsIncludingSpaces() {
        assertEquals(List.of("a", "b", " ", "c"), Tokenizer.characters("ab c"));
        assertEquals(List.of("x", "\uD83D\uDE00"), Tokenizer.characters("x\uD83D\uDE00"));   // a surrogate pair is one token
        assertEquals(List.of(), Tokenizer.characters(""));
    }
}
