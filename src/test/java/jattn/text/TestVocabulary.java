package jattn.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TestVocabulary {

    static final List<String> SENTENCE = Tokenizer.words("the cat and the dog and the bird");

    @Test
    void reservedTokensComeFirstThenByFrequencyThenAlphabetically() {
        Vocabulary v = Vocabulary.of(SENTENCE, Vocabulary.BOS, Vocabulary.EOS);
        // counts: the 3, and 2, bird/cat/dog 1 each (ties alphabetical)
        assertEquals(List.of("<pad>", "<unk>", "<bos>", "<eos>", "the", "and", "bird", "cat", "dog"), v.tokens());
        assertEquals(0, v.indexOf(Vocabulary.PAD));
        assertEquals(1, v.indexOf(Vocabulary.UNK));
        assertEquals(3, v.count(v.indexOf("the")));
        assertEquals(0, v.count(Vocabulary.PAD_INDEX));
        assertEquals(9, v.size());
        assertTrue(v.contains("dog"));
        assertFalse(v.contains("fish"));
    }

    @Test
    void unknownAndRareTokensMapToUnk() {
        Vocabulary v = Vocabulary.of(SENTENCE, 2);
        assertEquals(List.of("<pad>", "<unk>", "the", "and"), v.tokens());
        assertEquals(Vocabulary.UNK_INDEX, v.indexOf("cat"));
        assertEquals(Vocabulary.UNK_INDEX, v.indexOf("fish"));
        assertArrayEquals(new int[]{2, 1, 3, 1}, v.encode(List.of("the", "cat", "and", "fish")));
    }

    @Test
    void encodeDecodeRoundTrip() {
        Vocabulary v = Vocabulary.of(SENTENCE, Vocabulary.BOS, Vocabulary.EOS);
        int[] ids = v.encode(SENTENCE);
        assertEquals(SENTENCE, v.decode(ids));
        for (int i = 0; i < v.size(); i++) assertEquals(i, v.indexOf(v.tokenOf(i)));
    }

    @Test
    void decodeCanStopAtEosAndSkipPadding() {
        Vocabulary v = Vocabulary.of(SENTENCE, Vocabulary.BOS, Vocabulary.EOS);
        int the = v.indexOf("the"), cat = v.indexOf("cat"), eos = v.indexOf(Vocabulary.EOS);
        int[] ids = {the, 0, cat, eos, the, 0};
        assertEquals(List.of("the", "<pad>", "cat", "<eos>", "the", "<pad>"), v.decode(ids));
        assertEquals(List.of("the", "<pad>", "cat"), v.decode(ids, true, false));
        assertEquals(List.of("the", "cat", "<eos>", "the"), v.decode(ids, false, true));
        assertEquals(List.of("the", "cat"), v.decode(ids, true, true));
        // without <eos> in the vocabulary there is nothing to stop at
        Vocabulary plain = Vocabulary.of(SENTENCE);
        assertEquals(3, plain.decode(new int[]{2, 3, 4}, true, true).size());
    }

    @Test
    void characterVocabulary() {
        Vocabulary v = Vocabulary.ofCharacters(List.of("abba", "cab"), Vocabulary.EOS);
        // counts: a 3, b 3, c 1
        assertEquals(List.of("<pad>", "<unk>", "<eos>", "a", "b", "c"), v.tokens());
        assertEquals(List.of("c", "a", "b"), v.decode(v.encode(Tokenizer.characters("cab"))));
    }

    @Test
    void sentencesAreFlattened() {
        Vocabulary v = Vocabulary.ofSentences(List.of(List.of("b", "a"), List.of("a")), 1);
        assertEquals(List.of("<pad>", "<unk>", "a", "b"), v.tokens());
    }

    @Test
    void badInputGivesClearErrors() {
        Vocabulary v = Vocabulary.of(SENTENCE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.tokenOf(v.size()));
        assertTrue(e.getMessage().contains("index " + v.size()) && e.getMessage().contains("[0, " + v.size() + ")"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> v.tokenOf(-1));
        assertThrows(IllegalArgumentException.class, () -> v.decode(new int[]{99}));
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(SENTENCE, 0));
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(SENTENCE, Vocabulary.PAD));
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(SENTENCE, "<eos>", "<eos>"));
    }

    @Test
    void reservedTokensInTheDataKeepTheirIndex() {
        Vocabulary v = Vocabulary.of(List.of("<eos>", "x", "<eos>", "<pad>"), Vocabulary.EOS);
        assertEquals(List.of("<pad>", "<unk>", "<eos>", "x"), v.tokens());
        assertEquals(2, v.count(2));
    }
}
