package jattn.attention;

import jattn.autograd.Tensor;
import jattn.train.CrossEntropy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestSelfAttentionTagger {

    static final Random RNG = new Random(3);
    static final Tensor TABLE = random(7, 4, new Random(2));                  // |V| = 7 fixed vectors, d = 4

    static SelfAttentionTagger tagger(SelfAttentionTagger.Context context) {
        return new SelfAttentionTagger(TABLE, SelfAttentionTagger.Settings.of(3).withHeads(2).with(context), new Random(5));
    }

    @Test
    void logitsAreTheHeadOnMultiHeadSelfAttentionOfTheTableRows() {
        SelfAttentionTagger t = tagger(SelfAttentionTagger.Context.WHOLE_SENTENCE);
        int[] ids = {3, 1, 4, 1, 5};
        Tensor x = TABLE.gatherRows(ids);
        Tensor expected = t.head().forward(t.attention().forward(x, x, x, Mask.none()).output());
        assertClose(expected.value(), t.logits(ids).value(), CLOSE);
        assertEquals(5, t.logits(ids).rows());
        assertEquals(3, t.logits(ids).cols());
        assertEquals(2, t.attend(ids).headCount());
    }

    @Test
    void theContextsMaskTheWeights() {
        int[] ids = {0, 2, 6, 4};
        AttentionResult causal = tagger(SelfAttentionTagger.Context.UP_TO_ITSELF).attend(ids);
        AttentionResult itself = tagger(SelfAttentionTagger.Context.ONLY_ITSELF).attend(ids);
        AttentionResult whole = tagger(SelfAttentionTagger.Context.WHOLE_SENTENCE).attend(ids);
        for (int h = 0; h < 2; h++)
            for (int i = 0; i < 4; i++)
                for (int j = 0; j < 4; j++) {
                    if (j > i) assertEquals(0.0, causal.head(h).get(i, j));
                    assertEquals(i == j ? 1.0 : 0.0, itself.head(h).get(i, j), 1e-15);
                    assertTrue(whole.head(h).get(i, j) > 0);
                }
    }

    @Test
    void onlyItselfTagsEachWordAloneWholeSentenceDoesNot() {
        SelfAttentionTagger alone = tagger(SelfAttentionTagger.Context.ONLY_ITSELF);
        SelfAttentionTagger whole = tagger(SelfAttentionTagger.Context.WHOLE_SENTENCE);
        // the logits of word 2 do not change when another word changes, unless the word sees the others
        Tensor a = alone.logits(new int[]{2, 3}), b = alone.logits(new int[]{2, 6});
        assertClose(a.sliceRows(0, 1).value(), b.sliceRows(0, 1).value(), CLOSE);
        Tensor c = whole.logits(new int[]{2, 3}), e = whole.logits(new int[]{2, 6});
        assertTrue(Math.abs(c.get(0, 0) - e.get(0, 0)) > 1e-6);
    }

    @Test
    void batchLogitsStackTheSentences() {
        SelfAttentionTagger t = tagger(SelfAttentionTagger.Context.WHOLE_SENTENCE);
        int[] s1 = {1, 2, 3}, s2 = {4, 5};
        Tensor stacked = t.logits(List.of(s1, s2));
        assertEquals(5, stacked.rows());
        assertClose(t.logits(s1).value(), stacked.sliceRows(0, 3).value(), CLOSE);
        assertClose(t.logits(s2).value(), stacked.sliceRows(3, 5).value(), CLOSE);
    }

    @Test
    void gradientsOfTheLossMatchFiniteDifferencesAndTheTableIsFixed() {
        for (SelfAttentionTagger.Context c : SelfAttentionTagger.Context.values()) {
            SelfAttentionTagger t = tagger(c);
            List<int[]> batch = List.of(new int[]{1, 2, 3}, new int[]{6, 0});
            int[] tags = {0, 1, 2, 2, 1};
            assertGrad(p -> CrossEntropy.loss(t.logits(batch), tags), t.parameters().toArray(new Tensor[0]));
            assertFalse(t.table().requiresGrad(), "the word vectors are not trained");
            assertEquals(10, t.parameters().size(), "Wq, bq, Wk, bk, Wv, bv, Wo, bo, W, b");
        }
    }

    @Test
    void predictIsTheArgmaxOfTheLogits() {
        SelfAttentionTagger t = tagger(SelfAttentionTagger.Context.WHOLE_SENTENCE);
        int[] ids = {5, 4, 3, 2};
        Tensor z = t.logits(ids);
        int[] p = t.predict(ids);
        for (int i = 0; i < ids.length; i++)
            for (int k = 0; k < 3; k++) assertTrue(z.get(i, p[i]) >= z.get(i, k));
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        SelfAttentionTagger t = tagger(SelfAttentionTagger.Context.WHOLE_SENTENCE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.logits(new int[]{1, 9}));
        assertTrue(e.getMessage().contains("id 9 at position 1") && e.getMessage().contains("(7×4)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SelfAttentionTagger(TABLE,
                SelfAttentionTagger.Settings.of(3).withHeads(3), new Random(1)));        // 3 heads do not divide d = 4
        assertThrows(IllegalArgumentException.class, () -> SelfAttentionTagger.Settings.of(1));
        assertThrows(IllegalArgumentException.class, () -> t.attend(new int[0]));
    }
}
