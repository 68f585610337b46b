package jattn.text;

import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class TestOneHot {

    static final double EXACT = 1e-12;

    @Test
    void aOneHotRowHasASingleOne() {
        Tensor e = OneHot.of(2, 5);
        assertEquals("(1×5)", e.shape());
        assertArrayEquals(new double[]{0, 0, 1, 0, 0}, e.value().data, EXACT);
        assertFalse(e.requiresGrad());
        Tensor one = OneHot.of(0, 1);   // degenerate: V = 1
        assertEquals(1.0, one.item(), EXACT);
    }

    @Test
    void aSequenceIsOneRowPerToken() {
        Vocabulary v = Vocabulary.of(Tokenizer.words("China is a great country"));
        Tensor x = OneHot.of(Tokenizer.words("China is a great country"), v);
        assertEquals("(5×" + v.size() + ")", x.shape());
        for (int t = 0; t < 5; t++) {
            assertEquals(1.0, x.rowSums().get(t, 0), EXACT);
        }
        assertEquals(1.0, x.get(0, v.indexOf("china")), EXACT);
        // an unknown word is the <unk> row
        assertEquals(1.0, OneHot.of(List.of("thailand"), v).get(0, Vocabulary.UNK_INDEX), EXACT);
    }

    @Test
    void oneHotTimesAMatrixPicksItsRow() {
        Random rng = new Random(7);
        double[][] w = new double[6][3];
        for (double[] r : w) for (int j = 0; j < 3; j++) r[j] = rng.nextGaussian();
        Tensor e = Tensor.of(w);
        int[] ids = {4, 0, 4};
        assertArrayEquals(e.gatherRows(ids).value().data, OneHot.of(ids, 6).matmul(e).value().data, EXACT);
    }

    @Test
    void distinctOneHotVectorsAreOrthogonal() {
        int vocab = 7;
        Tensor all = OneHot.of(new int[]{0, 1, 2, 3, 4, 5, 6}, vocab);
        var cos = Cosine.matrix(all, all);
        for (int i = 0; i < vocab; i++)
            for (int j = 0; j < vocab; j++) assertEquals(i == j ? 1.0 : 0.0, cos.get(i, j), EXACT);
        assertEquals(0.0, Cosine.similarity(OneHot.of(1, vocab), OneHot.of(5, vocab)), EXACT);
    }

    @Test
    void idsOutsideTheVocabularyAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OneHot.of(new int[]{1, 5}, 5));
        assertTrue(e.getMessage().contains("id 5") && e.getMessage().contains("position 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OneHot.of(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> OneHot.of(0, 0));
    }
}
