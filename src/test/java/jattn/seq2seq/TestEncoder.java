package jattn.seq2seq;

import jattn.autograd.Tensor;
import jattn.nn.Embedding;
import jattn.rnn.GruCell;
import jattn.text.PaddedBatch;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestEncoder {

    static final int V = 6, E = 3, H = 4;

    private static PaddedBatch batch(int[]... rows) {
        return PaddedBatch.of(List.of(rows), 0, V);
    }

    @Test
    void finalStateIsTheLastValidStateOfEachSequenceAlone() {
        Random rng = new Random(1);
        Encoder enc = new Encoder(V, E, H, rng);
        int[][] rows = {{1, 2, 3, 4, 5}, {5, 2}, {3, 3, 1}};
        Encoded out = enc.encode(batch(rows));
        assertEquals(3, out.batch());
        assertEquals(5, out.steps());
        assertEquals(H, out.hidden());
        for (int b = 0; b < rows.length; b++) {
            Tensor h = Tensor.zeros(1, H);
            for (int t = 0; t < rows[b].length; t++) {
                h = enc.cell().stepReadable(enc.embedding().forward(rows[b][t]), h);   // the readable GRU, one sequence
                assertClose(h.value(), out.states().sliceRows(b * 5 + t, b * 5 + t + 1).value(), CLOSE);
            }
            assertClose(h.value(), out.finalState().sliceRows(b, b + 1).value(), CLOSE);
            for (int t = rows[b].length; t < 5; t++)                    // zero at padding
                assertClose(new DMatrixRMaj(1, H), out.states().sliceRows(b * 5 + t, b * 5 + t + 1).value(), 0.0);
        }
    }

    @Test
    void parameterGradientsAreChecked() {
        Random rng = new Random(2);
        Encoder enc = new Encoder(V, E, H, rng);
        for (Tensor p : enc.cell().parameters())                          // biases start non-zero here anyway
            assertFalse(p.value().data.length == 0);
        PaddedBatch src = batch(new int[]{1, 2, 3}, new int[]{4});
        assertGrad(p -> {
            Encoded e = enc.encode(src);
            return Tensor.concatRows(List.of(e.states(), e.finalState()));
        }, enc.parameters().toArray(new Tensor[0]));
    }

    @Test
    void thePaddingRowGetsNoGradientAndStaysZero() {
        Random rng = new Random(3);
        Encoder enc = new Encoder(V, E, H, rng);
        Encoded e = enc.encode(batch(new int[]{1, 2, 3}, new int[]{4}));
        weightedSum(Tensor.concatRows(List.of(e.states(), e.finalState()))).backward();
        DMatrixRMaj g = enc.embedding().weight().grad();
        for (int j = 0; j < E; j++) {
            assertEquals(0.0, g.get(0, j));
            assertEquals(0.0, enc.embedding().weight().value().get(0, j));
            assertNotEquals(0.0, g.get(4, j));
        }
    }

    @Test
    void oneSequenceOfOneToken() {
        Random rng = new Random(4);
        Encoder enc = new Encoder(2, 1, 1, rng);
        Encoded e = enc.encode(batch(new int[]{1}));
        assertEquals(1, e.states().rows());
        assertClose(e.states().value(), e.finalState().value(), 0.0);
        assertGrad(p -> enc.encode(batch(new int[]{1})).finalState(), enc.parameters().toArray(new Tensor[0]));
    }

    @Test
    void thePackedPathEqualsTheStepByStepPathInValuesAndGradients() {
        Random rng = new Random(6);
        Encoder enc = new Encoder(V, E, H, rng);
        PaddedBatch src = batch(new int[]{1, 2}, new int[]{5, 4, 3, 2, 1}, new int[]{3}, new int[]{2, 2, 5, 1});
        Encoded fast = enc.encode(src), slow = enc.encodeReadable(src);
        assertClose(slow.states(), fast.states(), CLOSE);
        assertClose(slow.finalState(), fast.finalState(), CLOSE);
        List<DMatrixRMaj> grads = new ArrayList<>();
        for (boolean packed : new boolean[]{false, true}) {
            enc.zeroGrad();
            Encoded e = packed ? enc.encode(src) : enc.encodeReadable(src);
            weightedSum(Tensor.concatRows(List.of(e.states(), e.finalState()))).backward();
            for (Tensor p : enc.parameters()) grads.add(p.grad().copy());
        }
        int n = enc.parameters().size();
        for (int i = 0; i < n; i++) assertClose(grads.get(i), grads.get(n + i), CLOSE);
    }

    @Test
    void thePackedPathTreatsAPaddingIdInsideASequenceAsAZeroInput() {
        Random rng = new Random(7);
        Encoder enc = new Encoder(V, E, H, rng);
        PaddedBatch src = PaddedBatch.of(List.of(new int[]{1, 0, 2}, new int[]{3}), 0, V, 3);
        assertEquals(3, src.validLen(0));                                // the id 0 at t = 1 is inside the sequence
        assertClose(enc.encodeReadable(src).states(), enc.encode(src).states(), CLOSE);
    }

    @Test
    void layersMustFit() {
        Random rng = new Random(5);
        assertRejects(() -> new Encoder(new Embedding(V, 5, 0, rng), new GruCell(3, H, rng)), "(6×5)", "(3×12)");
        List<Tensor> params = new ArrayList<>(new Encoder(V, E, H, rng).parameters());
        assertEquals(5, params.size());
    }
}
