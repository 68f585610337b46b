package jattn.rnn;

import jattn.autograd.Tensor;
import jattn.nn.Embedding;
import jattn.text.PaddedBatch;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestPackedGru {

    static final int V = 7, E = 3, H = 4;

    @Test
    void gradientsOfEveryParameterOverUnsortedLengthsAreChecked() {
        Random rng = new Random(11);
        Embedding emb = new Embedding(V, E, 0, rng);
        GruCell cell = new GruCell(E, H, rng);
        PaddedBatch src = PaddedBatch.of(List.of(new int[]{1, 2}, new int[]{6, 5, 4, 3}, new int[]{3}, new int[]{2, 2, 6}), 0, V);
        assertGrad(p -> PackedGru.states(emb, cell, src), emb.weight(), cell.wx(), cell.wh(), cell.bx(), cell.bh());
    }

    @Test
    void statesAreZeroAtPaddingAndEqualTheCellAtValidSteps() {
        Random rng = new Random(12);
        Embedding emb = new Embedding(V, E, 0, rng);
        GruCell cell = new GruCell(E, H, rng);
        int[][] rows = {{4}, {1, 2, 3}};
        Tensor states = PackedGru.states(emb, cell, PaddedBatch.of(List.of(rows), 0, V));
        for (int b = 0; b < 2; b++) {
            Tensor h = Tensor.zeros(1, H);
            for (int t = 0; t < 3; t++) {
                Tensor row = states.sliceRows(b * 3 + t, b * 3 + t + 1);
                if (t < rows[b].length) {
                    h = cell.stepReadable(emb.forward(rows[b][t]), h);
                    assertClose(h, row, CLOSE);
                } else {
                    assertClose(Tensor.zeros(1, H), row, 0.0);
                }
            }
        }
    }

    @Test
    void oneSequenceOfOneStepAndHiddenSizeOne() {
        Random rng = new Random(13);
        Embedding emb = new Embedding(3, 1, 0, rng);
        GruCell cell = new GruCell(1, 1, rng);
        PaddedBatch src = PaddedBatch.of(List.of(new int[]{2}), 0, 3);
        assertEquals(1, PackedGru.states(emb, cell, src).rows());
        assertGrad(p -> PackedGru.states(emb, cell, src), emb.weight(), cell.wx(), cell.wh(), cell.bx(), cell.bh());
    }
}
