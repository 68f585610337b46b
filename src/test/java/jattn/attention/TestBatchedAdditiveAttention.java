package jattn.attention;

import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestBatchedAdditiveAttention {

    static final int B = 3, T = 4, HQ = 5, H = 3, HIDDEN = 6;

    /** One batch element at a time, with the readable additive score of TestAdditiveScore. */
    static AttentionResult perElement(AdditiveScore s, Tensor dec, Tensor enc, int[] lens) {
        List<Tensor> contexts = new ArrayList<>(), weights = new ArrayList<>();
        for (int b = 0; b < dec.rows(); b++) {
            Tensor hs = enc.sliceRows(b * T, b * T + T);                                  // (T×H)
            Tensor e = TestAdditiveScore.composed(s, dec.sliceRows(b, b + 1), hs);        // (1×T)
            Tensor alpha = MaskedSoftmax.apply(e, new int[]{lens[b]});
            weights.add(alpha);
            contexts.add(alpha.matmul(hs));                                               // (1×H)
        }
        return new AttentionResult(Tensor.concatRows(contexts), Tensor.concatRows(weights));
    }

    private static BatchedAdditiveAttention layer(Random rng) {
        BatchedAdditiveAttention att = new BatchedAdditiveAttention(HQ, H, HIDDEN, rng);
        att.score().keyBias().value().setTo(random(1, HIDDEN, rng).value());
        return att;
    }

    @Test
    void equalsAttentionOneSequenceAtATimeInValueAndGradient() {
        Random rng = new Random(111);
        BatchedAdditiveAttention att = layer(rng);
        Tensor dec = random(B, HQ, rng), enc = random(B * T, H, rng);
        int[] lens = {4, 2, 1};
        AttentionResult fast = att.attend(dec, att.projectKeys(enc, lens));
        AttentionResult slow = perElement(att.score(), dec, enc, lens);
        assertClose(slow.weights(), fast.weights(), CLOSE);
        assertClose(slow.output(), fast.output(), CLOSE);
        AttentionResult readable = att.attendReadable(dec, att.projectKeys(enc, lens));   // the readable path in main
        assertClose(slow.weights(), readable.weights(), CLOSE);
        assertClose(slow.output(), readable.output(), CLOSE);
        assertEquals(B, fast.output().rows());
        assertEquals(H, fast.output().cols());

        List<Tensor> all = new ArrayList<>(att.parameters());
        all.add(dec);
        all.add(enc);
        weightedSum(fast.output()).backward();
        List<double[]> fastGrads = new ArrayList<>();
        for (Tensor t : all) { fastGrads.add(t.grad().data.clone()); t.zeroGrad(); }
        weightedSum(slow.output()).backward();
        for (int i = 0; i < all.size(); i++) assertArrayEquals(all.get(i).grad().data, fastGrads.get(i), CLOSE);
    }

    @Test
    void paddingPositionsGetExactlyZeroWeight() {
        Random rng = new Random(112);
        BatchedAdditiveAttention att = layer(rng);
        int[] lens = {4, 2, 1};
        AttentionResult r = att.attend(random(B, HQ, rng), att.projectKeys(random(B * T, H, rng), lens));
        for (int b = 0; b < B; b++) {
            double sum = 0;
            for (int t = 0; t < T; t++) {
                if (t >= lens[b]) assertEquals(0.0, r.weights().get(b, t), "b=" + b + " t=" + t);
                sum += r.weights().get(b, t);
            }
            assertEquals(1.0, sum, CLOSE);
        }
    }

    @Test
    void anEmptySequenceGivesAZeroContext() {
        Random rng = new Random(113);
        BatchedAdditiveAttention att = layer(rng);
        AttentionResult r = att.attend(random(B, HQ, rng), att.projectKeys(random(B * T, H, rng), new int[]{3, 0, 4}));
        assertArrayEquals(new double[T], r.weights().sliceRows(1, 2).value().data, 0.0);
        assertArrayEquals(new double[H], r.output().sliceRows(1, 2).value().data, 0.0);
    }

    @Test
    void contextOpEqualsPerSequenceProducts() {
        Random rng = new Random(114);
        Tensor alpha = random(B, T, rng), hs = random(B * T, H, rng);
        List<Tensor> rows = new ArrayList<>();
        for (int b = 0; b < B; b++) rows.add(alpha.sliceRows(b, b + 1).matmul(hs.sliceRows(b * T, b * T + T)));
        assertClose(Tensor.concatRows(rows), BatchedAdditiveAttention.context(alpha, hs), CLOSE);
        assertGrad(x -> BatchedAdditiveAttention.context(x[0], x[1]), alpha, hs);
        assertGrad(x -> BatchedAdditiveAttention.context(x[0], x[1]), random(1, 1, rng), random(1, 2, rng));
    }

    @Test
    void gradientOfParametersAndStatesIsCheckedOverTwoDecoderSteps() {
        Random rng = new Random(115);
        BatchedAdditiveAttention att = layer(rng);
        int[] lens = {4, 2, 3};
        List<Tensor> in = new ArrayList<>(List.of(random(B, HQ, rng), random(B, HQ, rng), random(B * T, H, rng)));
        in.addAll(att.parameters());
        // the keys are projected once and used at both steps, as a decoder does
        assertGrad(x -> {
            BatchedAdditiveAttention.Keys keys = att.projectKeys(x[2], lens);
            return att.attend(x[0], keys).output().add(att.attend(x[1], keys).output().scale(0.5));
        }, in.toArray(new Tensor[0]));
        assertGrad(x -> att.attend(x[0], att.projectKeys(x[2], lens)).weights(), in.toArray(new Tensor[0]));
        // one sequence of one step
        BatchedAdditiveAttention small = new BatchedAdditiveAttention(1, 1, 2, rng);
        List<Tensor> one = new ArrayList<>(List.of(random(1, 1, rng), random(1, 1, rng)));
        one.addAll(small.parameters());
        assertGrad(x -> small.attend(x[0], small.projectKeys(x[1], new int[]{1})).output(), one.toArray(new Tensor[0]));
    }

    @Test
    void shapeErrorsNameTheShapes() {
        Random rng = new Random(116);
        BatchedAdditiveAttention att = layer(rng);
        assertRejects(() -> att.projectKeys(Tensor.zeros(7, H), new int[]{1, 1, 1}), "(7×3)", "3 sequences");
        assertRejects(() -> att.projectKeys(Tensor.zeros(B * T, H), new int[]{1, 5, 1}), "valid length 5", "(12×3)");
        assertRejects(() -> att.projectKeys(Tensor.zeros(B * T, 4), new int[]{1, 1, 1}), "(12×4)", "Wk (3×6)");
        BatchedAdditiveAttention.Keys keys = att.projectKeys(Tensor.zeros(B * T, H), new int[]{1, 1, 1});
        assertRejects(() -> att.attend(Tensor.zeros(2, HQ), keys), "(2×5)", "(12×3)");
        assertRejects(() -> att.attend(Tensor.zeros(B, 4), keys), "(3×4)", "Wq (5×6)");
        assertRejects(() -> BatchedAdditiveAttention.context(Tensor.zeros(2, 3), Tensor.zeros(5, 4)), "(2×3)", "(5×4)");
        int[] lens = {1, 2, 3};
        BatchedAdditiveAttention.Keys k = att.projectKeys(Tensor.zeros(B * T, H), lens);
        lens[0] = 9;       // the keys copied the lengths
        assertEquals(1, k.validLens()[0]);
    }
}
