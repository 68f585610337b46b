package jattn.train;

import jattn.text.Tokenizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TestBleu {

    static final double EXACT = 1e-12;

    static List<String> t(String s) { return Tokenizer.whitespace(s); }

    @Test
    void sentenceScoreByHand() {
        // pred "a b c d", label "a b e d", k = 2. Equal lengths: BP = exp(min(0, 1 − 4/4)) = 1.
        // p₁: a, b, d of a b c d match → 3/4.  p₂: ab, bc, cd against ab, be, ed → ab → 1/3.
        // BLEU = (3/4)^(1/2) · (1/3)^(1/4)
        assertEquals(Math.pow(0.75, 0.5) * Math.pow(1.0 / 3, 0.25), Bleu.sentence(t("a b c d"), t("a b e d"), 2), EXACT);
    }

    @Test
    void brevityPenaltyUsesRealDivision() {
        // pred "a b c" (3), label "a b c d" (4), k = 2: p₁ = 3/3, p₂ = 2/2, BP = exp(1 − 4/3) = exp(−1/3) ≈ 0.7165.
        // With integer division 4/3 = 1, BP would be exp(0) = 1 (the d2l-java bug).
        assertEquals(Math.exp(-1.0 / 3), Bleu.sentence(t("a b c"), t("a b c d"), 2), EXACT);
    }

    @Test
    void nGramOrderIsCappedAtThePredictionLength() {
        // pred "a", label "a b", k = 4: only n = 1 exists (d2l would divide 0 by 0 for n = 2).
        // p₁ = 1, BP = exp(1 − 2/1) = e⁻¹
        assertEquals(Math.exp(-1), Bleu.sentence(t("a"), t("a b"), 4), EXACT);
        // identical sentences score 1 for every k, also k larger than the length
        assertEquals(1.0, Bleu.sentence(t("ils ont le droit"), t("ils ont le droit"), 2), EXACT);
        assertEquals(1.0, Bleu.sentence(t("oui ."), t("oui ."), 4), EXACT);
    }

    @Test
    void countsAreClipped() {
        // Papineni's example: 7 × "the" against "the cat is on the mat": "the" may match only twice → p₁ = 2/7.
        // BP = exp(min(0, 1 − 6/7)) = 1, k = 1: BLEU = (2/7)^(1/2)
        assertEquals(Math.sqrt(2.0 / 7), Bleu.sentence(t("the the the the the the the"), t("the cat is on the mat"), 1), EXACT);
        assertEquals(2, Bleu.clippedMatches(t("the the the the the the the"), t("the cat is on the mat"), 1));
    }

    @Test
    void longerPredictionsHaveNoBrevityPenalty() {
        // pred "a b c d e" (5), label "a b c" (3), k = 2: BP = exp(min(0, 1 − 3/5)) = 1,
        // p₁ = 3/5 (a, b, c), p₂ = 2/4 (ab, bc of ab bc cd de): BLEU = 0.6^(1/2) · 0.5^(1/4)
        assertEquals(Math.sqrt(0.6) * Math.pow(0.5, 0.25), Bleu.sentence(t("a b c d e"), t("a b c"), 2), EXACT);
    }

    @Test
    void emptyAndDisjointSentencesScoreZero() {
        assertEquals(0.0, Bleu.sentence(List.of(), t("a b"), 2));
        assertEquals(0.0, Bleu.sentence(List.of(), List.of(), 2));
        assertEquals(0.0, Bleu.sentence(t("a b"), List.of(), 2));
        assertEquals(0.0, Bleu.sentence(t("x y z"), t("a b c"), 2));
        assertThrows(IllegalArgumentException.class, () -> Bleu.sentence(t("a"), t("a"), 0));
    }

    @Test
    void corpusBleu4ByHand() {
        // Pair 1: "the cat sat on the mat" vs "the cat is on the mat" (6 and 6 tokens)
        //   1-grams 5/6 (all but "sat"), 2-grams 3/5 (the cat, on the, the mat), 3-grams 1/4 (on the mat), 4-grams 0/3
        // Pair 2: "a b c d e" vs "a b c d" (5 and 4 tokens)
        //   1-grams 4/5, 2-grams 3/4, 3-grams 2/3, 4-grams 1/2
        // Corpus: p₁ = 9/11, p₂ = 6/9, p₃ = 3/7, p₄ = 1/5; c = 11 > r = 10 so BP = 1
        //   BLEU = (9/11 · 6/9 · 3/7 · 1/5)^(1/4) = (54/1155)^(1/4) ≈ 0.4650
        List<List<String>> pred = List.of(t("the cat sat on the mat"), t("a b c d e"));
        List<List<String>> ref = List.of(t("the cat is on the mat"), t("a b c d"));
        assertEquals(Math.pow(54.0 / 1155, 0.25), Bleu.corpus(pred, ref), EXACT);
        // Pair 2 swapped: "a b c d" vs "a b c d e": 4/4, 3/3, 2/2, 1/1.
        // Corpus: p = 9/10, 6/8, 3/6, 1/4; c = 10 < r = 11: BP = exp(1 − 11/10)
        //   BLEU = exp(−0.1) · (27/320)^(1/4) ≈ 0.4877
        List<List<String>> pred2 = List.of(t("the cat sat on the mat"), t("a b c d"));
        List<List<String>> ref2 = List.of(t("the cat is on the mat"), t("a b c d e"));
        assertEquals(Math.exp(-0.1) * Math.pow(27.0 / 320, 0.25), Bleu.corpus(pred2, ref2), EXACT);
    }

    @Test
    void corpusEdgeCases() {
        List<List<String>> same = List.of(t("a b c d"), t("e f g h i"));
        assertEquals(1.0, Bleu.corpus(same, same), EXACT);
        // no matching 4-gram anywhere: 0 without smoothing
        assertEquals(0.0, Bleu.corpus(List.of(t("the cat sat on the mat")), List.of(t("the cat is on the mat"))));
        assertEquals(0.0, Bleu.corpus(List.of(List.of()), List.of(t("a b c d"))));
        assertThrows(IllegalArgumentException.class, () -> Bleu.corpus(same, List.of(t("a"))));
        assertThrows(IllegalArgumentException.class, () -> Bleu.corpus(List.of(), List.of()));
    }
}
