package jattn.embedding;

import jattn.autograd.Tensor;
import jattn.embedding.WordVectors.Neighbour;
import jattn.text.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestWordVectors {

    static final double EXACT = 1e-12;

    /** <pad>, <unk>, then man king woman queen apple (each once, so alphabetical order). */
    static final Vocabulary VOCAB = Vocabulary.of(List.of("man", "king", "woman", "queen", "apple"));

    /** Rows by vocabulary order: <pad>, <unk>, apple, king, man, queen, woman. */
    static WordVectors royal() {
        assertEquals(List.of("<pad>", "<unk>", "apple", "king", "man", "queen", "woman"), VOCAB.tokens());
        return new WordVectors(VOCAB, Tensor.of(new double[][]{
                {1, 1, 1},        // <pad>: would be nearest to everything if it were not left out
                {1, 1, 0.9},      // <unk>
                {-1, 0, 0},       // apple
                {1, 1, 0},        // king
                {1, 0, 0},        // man
                {0, 1, 1},        // queen
                {0, 0, 1}}));     // woman
    }

    @Test
    void oneHotVectorsAreOrthogonal() {
        WordVectors oneHot = WordVectors.oneHot(VOCAB);
        assertEquals(VOCAB.size(), oneHot.dModel());
        assertEquals(0.0, oneHot.cosine("king", "queen"), EXACT);
        assertEquals(1.0, oneHot.cosine("king", "king"), EXACT);
        for (Neighbour n : oneHot.nearest("man", 10)) assertEquals(0.0, n.cosine(), EXACT);
    }

    @Test
    void nearestByCosineLeavesOutTheWordAndReservedTokens() {
        WordVectors v = royal();
        // cos(king, ·): man 1/√2, queen 1/2, woman 0, apple −1/√2
        List<Neighbour> near = v.nearest("king", 10);
        assertEquals(List.of("man", "queen", "woman", "apple"), near.stream().map(Neighbour::word).toList());
        assertEquals(1 / Math.sqrt(2), near.get(0).cosine(), EXACT);
        assertEquals(0.5, near.get(1).cosine(), EXACT);
        assertEquals(-1 / Math.sqrt(2), near.get(3).cosine(), EXACT);
        assertEquals(List.of("man"), v.nearest("king", 1).stream().map(Neighbour::word).toList());
        assertEquals(List.of(), v.nearest("king", 0));
        assertEquals("man 0.707", near.get(0).toString());
    }

    @Test
    void vectorAndCosine() {
        WordVectors v = royal();
        Tensor q = v.vector("queen");
        assertArrayEquals(new double[]{0, 1, 1}, q.value().data, EXACT);
        q.value().data[0] = 7;                                   // a copy: the table is unchanged
        assertEquals(0.0, v.table().get(5, 0), EXACT);
        assertEquals(0.5, v.cosine("queen", "king"), EXACT);
    }

    @Test
    void analogyByVectorOffset() {
        // king − man + woman = (0, 1, 1) = queen
        List<Neighbour> a = royal().analogy("man", "king", "woman", 2);
        assertEquals("queen", a.get(0).word());
        assertEquals(1.0, a.get(0).cosine(), EXACT);
        assertFalse(a.stream().anyMatch(n -> Set.of("man", "king", "woman").contains(n.word())));
    }

    @Test
    void badInputIsRejected() {
        WordVectors v = royal();
        assertRejects(() -> v.vector("prince"), "\"prince\"");
        assertRejects(() -> v.nearest(Tensor.zeros(1, 4), 3, Set.of()), "(1×4)", "(7×3)");
        assertRejects(() -> v.nearest("king", -1), "k");
        assertRejects(() -> new WordVectors(VOCAB, Tensor.zeros(3, 2)), "(3×2)", "7");
    }
}
