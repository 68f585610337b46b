package jattn.transformer;

import jattn.autograd.GradCheck;
import jattn.autograd.NoGrad;
import jattn.autograd.Tensor;
import jattn.seq2seq.Decoded;
import jattn.text.PaddedBatch;
import jattn.text.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestTransformer {

    static final Vocabulary SOURCE = Vocabulary.of(List.of("a", "b", "c"));
    static final Vocabulary TARGET = Vocabulary.of(List.of("x", "y"), Vocabulary.BOS, Vocabulary.EOS);

    static Transformer tiny(long seed) {
        TransformerSettings s = TransformerSettings.paper().withDModel(4).withHeads(2).withFeedForward(6).withLayers(2)
                .withMaxLen(8).withDropout(0);
        Transformer t = new Transformer(SOURCE, TARGET, s, new Random(seed));
        Random rng = new Random(seed + 1);
        for (Tensor p : t.parameters()) if (p.rows() == 1) p.value().setTo(random(1, p.cols(), rng).value());
        return t;
    }

    static PaddedBatch sources() {
        return PaddedBatch.of(List.of(new int[]{2, 3, 4}, new int[]{3, 2}), SOURCE);
    }

    static PaddedBatch targets() {
        int x = TARGET.indexOf("x"), y = TARGET.indexOf("y"), eos = TARGET.indexOf(Vocabulary.EOS);
        return PaddedBatch.of(List.of(new int[]{x, y, eos}, new int[]{y, eos}), TARGET);
    }

    @Test
    void gradientOfTheLossIsCheckedForEveryParameter() {
        Transformer t = tiny(1);
        List<Tensor> params = new ArrayList<>(t.parameters());
        for (TransformerEncoderBlock b : t.encoder().blocks()) params.remove(b.attention().keyProjection().bias());
        for (TransformerDecoderBlock b : t.decoder()) {
            params.remove(b.selfAttention().keyProjection().bias());
            params.remove(b.crossAttention().keyProjection().bias());
        }
        GradCheck.Result r = GradCheck.check(x -> t.loss(sources(), targets()), params.toArray(new Tensor[0]));
        assertTrue(r.maxRelativeError() <= GRAD_TOL, r.toString());
    }

    @Test
    void teacherForcingIsCausal() {
        Transformer t = tiny(2);
        int x = TARGET.indexOf("x"), y = TARGET.indexOf("y");
        PaddedBatch src = PaddedBatch.of(List.<int[]>of(new int[]{2, 3, 4}), SOURCE);
        Tensor a = t.teacherForcedLogits(src, PaddedBatch.of(List.<int[]>of(new int[]{x, y, x}), TARGET));
        Tensor b = t.teacherForcedLogits(src, PaddedBatch.of(List.<int[]>of(new int[]{x, y, y}), TARGET));
        Tensor c = t.teacherForcedLogits(src, PaddedBatch.of(List.<int[]>of(new int[]{x, x, x}), TARGET));
        assertClose(a, b, 0);                                            // the last target token is never an input
        assertClose(a.sliceRows(0, 2), c.sliceRows(0, 2), 0);           // positions 0, 1 see ⟨bos⟩ x only
        assertNotEquals(a.get(2, 0), c.get(2, 0));                      // position 2 sees y₂
    }

    @Test
    void greedyDecodingFollowsTheTeacherForcedArgMaxOfItsOwnOutput() {
        Transformer t = tiny(3);
        Decoded d = t.greedy(sources(), 4);
        assertEquals(2, d.batch());
        assertTrue(d.hasWeights());
        for (int b = 0; b < 2; b++) {
            int[] out = d.ids(b);
            PaddedBatch src = PaddedBatch.of(List.<int[]>of(java.util.Arrays.copyOf(sources().sequence(b), sources().validLen(b))), SOURCE);
            Tensor z;
            try (NoGrad ignored = NoGrad.start()) {
                z = t.teacherForcedLogits(src, PaddedBatch.of(List.<int[]>of(out), TARGET));
            }
            for (int s = 0; s < out.length; s++) {
                int best = 0;
                for (int j = 1; j < z.cols(); j++) if (z.get(s, j) > z.get(s, best)) best = j;
                assertEquals(out[s], best, "row " + b + " step " + s);
            }
            double sum = 0;
            for (int i = 0; i < 3; i++) sum += d.weights(0).get(b, i);
            assertEquals(1.0, sum, 1e-12);
        }
        assertEquals(0.0, d.weights(0).get(1, 2));                      // the second source has 2 valid positions
    }

    @Test
    void incrementalGreedyDecodingWritesWhatRecomputingThePrefixWrites() {
        for (long seed = 10; seed < 14; seed++) {
            Transformer t = tiny(seed);
            Decoded fast = t.greedy(sources(), 5), simple = t.greedyRecomputing(sources(), 5);
            assertEquals(simple.steps(), fast.steps());
            for (int b = 0; b < 2; b++) assertArrayEquals(simple.ids(b), fast.ids(b));
            for (int s = 0; s < fast.steps(); s++) assertClose(simple.weights(s), fast.weights(s), 1e-12);
        }
    }

    @Test
    void weightsHaveTheShapesOfOneDecoding() {
        Transformer t = tiny(4);
        Transformer.Weights w = t.weights(sources(), 4);
        int k = w.output().length;
        assertEquals(2, w.encoderSelf().size());
        assertEquals(2, w.cross().get(1).size());
        assertEquals(3, w.encoderSelf().get(0).get(0).numRows);
        assertEquals(k, w.cross().get(0).get(1).numRows);
        assertEquals(3, w.cross().get(0).get(1).numCols);
        assertEquals(k, w.decoderSelf().get(1).get(0).numCols);
    }

    @Test
    void greedyLeavesTheModeAsItWas() {
        Transformer t = tiny(5).train();
        t.greedy(sources(), 2);
        assertTrue(t.isTraining());
        t.eval();
        t.greedy(sources(), 2);
        assertFalse(t.isTraining());
    }

    @Test
    void badInputIsNamed() {
        Transformer t = tiny(6);
        assertRejects(() -> t.greedy(sources(), 0), "maxSteps");
        assertRejects(() -> t.loss(sources(), PaddedBatch.of(List.<int[]>of(new int[]{2}), TARGET)), "different numbers of sequences");
        assertRejects(() -> new Transformer(SOURCE, Vocabulary.of(List.of("x")), TransformerSettings.paper().withDModel(4).withHeads(2),
                new Random(1)), "<bos>");
    }
}
