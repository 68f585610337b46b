package jattn.nn;

import jattn.testing.TensorAssert;
import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestEmbedding {

    /** The (len×vocab) one-hot matrix of the ids, built by hand. */
    private static Tensor oneHot(int[] ids, int vocab) {
        DMatrixRMaj m = new DMatrixRMaj(ids.length, vocab);
        for (int k = 0; k < ids.length; k++) m.set(k, ids[k], 1.0);
        return Tensor.constant(m);
    }

    @Test
    void lookupIsOneHotTimesTheTableInValueAndGradient() {
        Embedding emb = new Embedding(7, 4, new Random(1));
        int[] ids = {3, 0, 6, 3};
        Tensor looked = emb.forward(ids);
        Tensor product = oneHot(ids, 7).matmul(emb.weight());            // (4×7)·(7×4) → (4×4)
        assertClose(product.value(), looked.value(), CLOSE);

        weightedSum(looked).backward();
        DMatrixRMaj gradLookup = emb.weight().grad().copy();
        emb.zeroGrad();
        weightedSum(product).backward();
        assertClose(emb.weight().grad(), gradLookup, CLOSE);
        // row 3 was looked up twice, row 1 never
        assertNotEquals(0.0, gradLookup.get(3, 0));
        for (int j = 0; j < 4; j++) assertEquals(0.0, gradLookup.get(1, j));
    }

    @Test
    void tableGradientIsChecked() {
        Embedding emb = new Embedding(5, 3, new Random(2));
        assertGrad(w -> new Embedding(w[0]).forward(4, 1, 1, 0), emb.weight());
        // degenerate: one id, one dimension, one word
        assertGrad(w -> new Embedding(w[0]).forward(2), random(3, 1, new Random(3)));
        assertGrad(w -> new Embedding(w[0]).forward(0, 0), random(1, 2, new Random(4)));
    }

    @Test
    void paddingRowIsZeroAndReceivesNoGradient() {
        int pad = 0;
        Embedding emb = new Embedding(6, 3, pad, new Random(5));
        for (int j = 0; j < 3; j++) assertEquals(0.0, emb.weight().get(pad, j));
        int[] ids = {2, 5, pad, pad};
        Tensor y = emb.forward(ids);
        for (int j = 0; j < 3; j++) {
            assertEquals(0.0, y.get(2, j));
            assertEquals(emb.weight().get(5, j), y.get(1, j));
        }
        weightedSum(y).backward();
        for (int j = 0; j < 3; j++) {
            assertEquals(0.0, emb.weight().grad().get(pad, j));
            assertNotEquals(0.0, emb.weight().grad().get(5, j));
        }
        // even when the padding row has been overwritten, padding positions give zero and no gradient
        emb.weight().value().set(pad, 1, 9.0);
        assertEquals(0.0, emb.forward(pad).get(0, 1));
        assertGrad(w -> new Embedding(w[0], pad).forward(ids), emb.weight());
        assertEquals(pad, emb.paddingIdx());
        assertEquals(Embedding.NO_PADDING, new Embedding(emb.weight()).paddingIdx());
    }

    @Test
    void badIdsAreRejectedWithTheShape() {
        Embedding emb = new Embedding(4, 2, new Random(6));
        assertRejects(() -> emb.forward(1, 4), "id 4", "position 1", "(4×2)");
        assertRejects(() -> emb.forward(-1), "id -1");
        assertRejects(() -> new Embedding(4, 2, 4, new Random(7)), "padding index 4", "(4×2)");
        assertEquals(4, emb.vocabSize());
        assertEquals(2, emb.dModel());
        assertEquals(8, emb.parameterCount());
    }
}
