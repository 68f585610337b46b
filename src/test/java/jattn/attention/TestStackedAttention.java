package jattn.attention;

import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestStackedAttention {

    /** The readable composition: per sequence, per head, scaled dot-product attention with a Mask, then concatenation. */
    static Tensor readable(Tensor q, Tensor k, Tensor v, int nHeads, StackedAttention.Layout layout) {
        int m = layout.queryLen(), n = layout.keyLen(), dK = q.cols() / nHeads;
        List<Tensor> sequences = new ArrayList<>();
        for (int b = 0; b < layout.batch(); b++) {
            Tensor qb = q.sliceRows(b * m, (b + 1) * m), kb = k.sliceRows(b * n, (b + 1) * n), vb = v.sliceRows(b * n, (b + 1) * n);
            Mask mask = Mask.validLen(layout.keyValidLens()[b]);
            if (layout.causality() == StackedAttention.Causality.CAUSAL) mask = mask.and(Mask.causal());
            List<Tensor> heads = new ArrayList<>();
            for (int h = 0; h < nHeads; h++)
                heads.add(AttentionPooling.scaledDotProduct(qb.sliceCols(h * dK, (h + 1) * dK), kb.sliceCols(h * dK, (h + 1) * dK),
                        vb.sliceCols(h * dK, (h + 1) * dK), mask).output());
            sequences.add(Tensor.concatCols(heads));
        }
        return Tensor.concatRows(sequences);
    }

    @Test
    void computesTheReadableCompositionBidirectionalAndCausal() {
        Random rng = new Random(1001);
        for (StackedAttention.Causality c : StackedAttention.Causality.values()) {
            StackedAttention.Layout layout = new StackedAttention.Layout(3, 4, 5, new int[]{5, 2, 3}, c);
            Tensor q = random(12, 6, rng), k = random(15, 6, rng), v = random(15, 6, rng);
            StackedAttention.Result r = StackedAttention.apply(q, k, v, 2, layout);
            assertClose(readable(q, k, v, 2, layout), r.output(), CLOSE);
        }
    }

    @Test
    void weightsAreMaskedExactlyAndRowsSumToOne() {
        Random rng = new Random(1002);
        StackedAttention.Layout layout = new StackedAttention.Layout(2, 3, 4, new int[]{4, 2}, StackedAttention.Causality.CAUSAL);
        StackedAttention.Result r = StackedAttention.apply(random(6, 4, rng), random(8, 4, rng), random(8, 4, rng), 2, layout);
        var w = r.weights(1, 1);                                         // sequence 1: 2 valid keys, causal
        assertEquals(0.0, w.get(0, 1));                                  // the future
        assertEquals(0.0, w.get(2, 2));                                  // padding
        assertEquals(1.0, w.get(0, 0), 1e-15);
        for (int i = 0; i < 3; i++) assertEquals(1.0, w.get(i, 0) + w.get(i, 1) + w.get(i, 2) + w.get(i, 3), 1e-12);
        assertEquals(w.get(2, 1), r.stackedHead(1).get(3 + 2, 1));       // row b·m + i of the stack
    }

    @Test
    void aRowThatKeepsNoKeyGivesZeros() {
        Random rng = new Random(1003);
        StackedAttention.Layout layout = new StackedAttention.Layout(2, 2, 3, new int[]{0, 3}, StackedAttention.Causality.BIDIRECTIONAL);
        StackedAttention.Result r = StackedAttention.apply(random(4, 2, rng), random(6, 2, rng), random(6, 2, rng), 1, layout);
        for (int c = 0; c < 2; c++) assertEquals(0.0, r.output().get(1, c));
    }

    @Test
    void gradientOfQueriesKeysAndValuesIsChecked() {
        assertGradOfTwoHeads(4, new Random(1004));
    }

    /** Finite differences for Q (6×d), K and V (8×d), 2 sequences, 2 heads, every causality. */
    static void assertGradOfTwoHeads(int d, Random rng) {
        for (StackedAttention.Causality c : StackedAttention.Causality.values()) {
            StackedAttention.Layout layout = new StackedAttention.Layout(2, 3, 4, new int[]{4, 2}, c);
            assertGrad(x -> StackedAttention.apply(x[0], x[1], x[2], 2, layout).output(),
                    random(6, d, rng), random(8, d, rng), random(8, d, rng));
        }
    }

    /**
     * Heads of dK = 8 and 4 (multiples of 4) run the Vector API loops (VectorAttentionRows) when the
     * module is present, as in these tests: values and the gradients of Q, K and V against the
     * readable composition, with padding, causality and a sequence without valid keys.
     */
    @Test
    void vectorLoopsForHeadsOfFourColumnsEqualTheCompositionInValuesAndGradients() {
        Random rng = new Random(1007);
        for (int dK : new int[]{8, 4})
            for (StackedAttention.Causality c : StackedAttention.Causality.values()) {
                StackedAttention.Layout layout = new StackedAttention.Layout(3, 5, 6, new int[]{6, 0, 3}, c);
                int d = 2 * dK;
                Tensor q = random(15, d, rng), k = random(18, d, rng), v = random(18, d, rng);
                Tensor seed = random(15, d, rng);
                assertTwins(x -> StackedAttention.apply(x[0], x[1], x[2], 2, layout).output(),
                        x -> readable(x[0], x[1], x[2], 2, layout), seed, 1e-12, q, k, v);
            }
    }

    /** The vector loops keep the scalar loops' order of every sum: bitwise equal values and gradients. */
    @Test
    void vectorLoopsEqualTheScalarLoopsBitForBit() {
        Random rng = new Random(1009);
        for (StackedAttention.Causality c : StackedAttention.Causality.values()) {
            StackedAttention.Layout layout = new StackedAttention.Layout(4, 9, 11, new int[]{11, 7, 0, 10}, c);
            Tensor[] fast = {random(36, 32, rng), random(44, 32, rng), random(44, 32, rng)};
            Tensor[] slow = new Tensor[3];
            for (int i = 0; i < 3; i++) slow[i] = Tensor.parameter(fast[i].value().copy());
            Tensor seed = random(36, 32, rng);
            Tensor yFast = StackedAttention.apply(fast[0], fast[1], fast[2], 4, layout).output();
            yFast.backward(seed.value());
            StackedAttention.scalarForTests = true;
            try {
                Tensor ySlow = StackedAttention.apply(slow[0], slow[1], slow[2], 4, layout).output();
                ySlow.backward(seed.value());
                assertClose(ySlow, yFast, 0);
                for (int i = 0; i < 3; i++) assertClose(Tensor.constant(slow[i].grad()), Tensor.constant(fast[i].grad()), 0);
            } finally {
                StackedAttention.scalarForTests = false;
            }
        }
    }

    @Test
    void gradientOfTheVectorLoopsIsChecked() {
        assertGradOfTwoHeads(8, new Random(1008));                      // heads of dK = 4: the Vector API loops
    }

    @Test
    void multiHeadAttentionStackedEqualsItsSequenceBySequenceForward() {
        Random rng = new Random(1005);
        MultiHeadAttention mha = new MultiHeadAttention(MultiHeadAttention.Settings.paper().withHeads(2).withDModel(4), rng);
        Tensor q = random(6, 4, rng), kv = random(8, 4, rng);
        StackedAttention.Layout layout = new StackedAttention.Layout(2, 3, 4, new int[]{3, 4}, StackedAttention.Causality.BIDIRECTIONAL);
        StackedAttention.Result r = mha.forwardStacked(q, kv, layout);
        for (int b = 0; b < 2; b++) {
            AttentionResult one = mha.forward(q.sliceRows(3 * b, 3 * b + 3), kv.sliceRows(4 * b, 4 * b + 4), kv.sliceRows(4 * b, 4 * b + 4),
                    Mask.validLen(layout.keyValidLens()[b]));
            assertClose(one.output(), r.output().sliceRows(3 * b, 3 * b + 3), CLOSE);
            for (int h = 0; h < 2; h++) assertClose(one.head(h).value(), r.weights(b, h), CLOSE);
        }
        assertClose(r.output(), mha.forwardStacked(q, mha.project(kv), layout).output(), 0);
    }

    @Test
    void badShapesAndLengthsAreNamed() {
        Random rng = new Random(1006);
        assertRejects(() -> new StackedAttention.Layout(2, 3, 4, new int[]{4}, StackedAttention.Causality.CAUSAL), "1 valid key lengths", "2 sequences");
        assertRejects(() -> new StackedAttention.Layout(1, 3, 4, new int[]{5}, StackedAttention.Causality.CAUSAL), "5", "[0, 4]");
        StackedAttention.Layout layout = StackedAttention.Layout.full(2, 3, 4, StackedAttention.Causality.BIDIRECTIONAL);
        assertRejects(() -> StackedAttention.apply(random(5, 4, rng), random(8, 4, rng), random(8, 4, rng), 2, layout), "(5×4)", "2 sequences");
        assertRejects(() -> StackedAttention.apply(random(6, 4, rng), random(8, 4, rng), random(8, 4, rng), 3, layout), "not divisible");
    }
}
