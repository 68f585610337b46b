package jattn.seq2seq;

import jattn.attention.AttentionResult;
import jattn.attention.BatchedAdditiveAttention;
import jattn.attention.MaskedSoftmax;
import jattn.autograd.Tensor;
import jattn.nn.Embedding;
import jattn.nn.Linear;
import jattn.rnn.GruCell;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestBahdanauDecoder {

    static final int V = 5, E = 3, H = 4, B = 3, T = 4;
    static final int[] LENS = {4, 2, 1};

    private static BahdanauDecoder decoder(Random rng) {
        BahdanauDecoder d = new BahdanauDecoder(V, E, H, rng);
        for (Tensor p : d.parameters())                                  // random biases too
            if (p.rows() == 1) p.value().setTo(random(1, p.cols(), rng).value());
        return d;
    }

    /**
     * The step written from the formulas one sequence at a time with plain Tensor operations:
     * eᵢ = vᵀ tanh(s·Wq + hᵢ·Wk + b), α = masked softmax, c = α·hs, s' = GRU([e; c], s), logits = [s'; c]·W + b.
     */
    static DecoderStep composed(BahdanauDecoder d, Tensor e, Tensor s, Tensor hs, int[] lens) {
        AttentionResult a = d.attention().attendReadable(s, d.attention().projectKeys(hs, lens)); // Bahdanau's score, readable
        Tensor c = a.output();
        Tensor next = d.cell().stepReadable(Tensor.concatCols(List.of(e, c)), s);
        Tensor logits = Tensor.concatCols(List.of(next, c)).matmul(d.output().weight()).add(d.output().bias());
        return new DecoderStep(next, logits, a.weights());
    }

    private static Tensor all(DecoderStep o) {
        return Tensor.concatCols(List.of(o.state(), o.logits(), o.weights()));
    }

    @Test
    void stepEqualsTheFormulasInValueAndGradient() {
        Random rng = new Random(21);
        BahdanauDecoder d = decoder(rng);
        Tensor e = random(B, E, rng), s = random(B, H, rng), hs = random(B * T, H, rng);
        DecoderStep fast = d.step(e, s, d.attention().projectKeys(hs, LENS));
        DecoderStep slow = composed(d, e, s, hs, LENS);
        assertClose(slow.state(), fast.state(), CLOSE);
        assertClose(slow.logits(), fast.logits(), CLOSE);
        assertClose(slow.weights(), fast.weights(), CLOSE);

        List<Tensor> leaves = new ArrayList<>(List.of(e, s, hs));
        leaves.addAll(d.parameters());
        weightedSum(all(fast)).backward();
        List<double[]> fastGrads = new ArrayList<>();
        for (Tensor t : leaves) {
            fastGrads.add(t.grad() == null ? null : t.grad().data.clone());
            t.zeroGrad();
        }
        weightedSum(all(slow)).backward();
        for (int i = 0; i < leaves.size(); i++) {
            Tensor t = leaves.get(i);
            if (t == d.embedding().weight()) continue;                   // the step takes e, not ids
            assertArrayEquals(t.grad().data, fastGrads.get(i), CLOSE, "leaf " + i + " " + t.shape());
        }
    }

    @Test
    void inputAndParameterGradientsAreChecked() {
        Random rng = new Random(22);
        BahdanauDecoder d = decoder(rng);
        List<Tensor> in = new ArrayList<>(List.of(random(B, E, rng), random(B, H, rng), random(B * T, H, rng)));
        for (Tensor p : d.parameters()) if (p != d.embedding().weight()) in.add(p);
        assertGrad(p -> all(d.step(p[0], p[1], d.attention().projectKeys(p[2], LENS))), in.toArray(new Tensor[0]));
    }

    @Test
    void weightsAreZeroAtPaddingAndSumToOne() {
        Random rng = new Random(23);
        BahdanauDecoder d = decoder(rng);
        DecoderStep o = d.step(random(B, E, rng), random(B, H, rng), d.attention().projectKeys(random(B * T, H, rng), LENS));
        for (int b = 0; b < B; b++) {
            double sum = 0;
            for (int t = 0; t < T; t++) {
                if (t >= LENS[b]) assertEquals(0.0, o.weights().get(b, t));
                sum += o.weights().get(b, t);
            }
            assertEquals(1.0, sum, CLOSE);
        }
        assertTrue(d.attends());
    }

    @Test
    void startProjectsTheKeysOnceAndEmbedsThePreviousToken() {
        Random rng = new Random(24);
        BahdanauDecoder d = decoder(rng);
        Tensor hs = random(B * T, H, rng), s0 = random(B, H, rng);
        Decoding run = d.start(new Encoded(hs, s0, LENS));
        int[] prev = {1, 2, 4};
        DecoderStep a = run.next(prev);
        DecoderStep b = d.step(d.embedding().forward(prev), s0, d.attention().projectKeys(hs, LENS));
        assertClose(b.logits(), a.logits(), 0.0);
        DecoderStep a2 = run.next(prev);                                 // the second step starts from the first's state
        assertClose(d.step(d.embedding().forward(prev), a.state(), d.attention().projectKeys(hs, LENS)).logits(),
                a2.logits(), 0.0);
    }

    @Test
    void oneSequenceOfOneStepWidthOne() {
        Random rng = new Random(25);
        BahdanauDecoder d = new BahdanauDecoder(2, 1, 1, rng);
        List<Tensor> in = new ArrayList<>(List.of(random(1, 1, rng), random(1, 1, rng), random(1, 1, rng)));
        for (Tensor p : d.parameters()) if (p != d.embedding().weight()) in.add(p);
        assertGrad(p -> {
            DecoderStep o = d.step(p[0], p[1], d.attention().projectKeys(p[2], new int[]{1}));
            assertEquals(1.0, o.weights().get(0, 0), CLOSE);
            return Tensor.concatCols(List.of(o.state(), o.logits()));
        }, in.toArray(new Tensor[0]));
    }

    @Test
    void shapesMustFit() {
        Random rng = new Random(26);
        assertRejects(() -> new BahdanauDecoder(new Embedding(V, E, rng), new BatchedAdditiveAttention(H, H, H, rng),
                new GruCell(E, H, rng), new Linear(2 * H, V, rng)), "(3×12)", "((E+H)×3H)");
        BahdanauDecoder d = decoder(rng);
        BatchedAdditiveAttention.Keys keys = d.attention().projectKeys(random(B * T, H, rng), LENS);
        assertRejects(() -> d.step(random(B, E, rng), random(B - 1, H, rng), keys), "(3×3)", "(2×4)");
        assertRejects(() -> d.start(new Encoded(Tensor.zeros(6, 3), Tensor.zeros(2, 3), new int[]{3, 3})), "(6×3)", "Wh (4×12)");
    }
}
