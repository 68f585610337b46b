package jattn.seq2seq;

import jattn.autograd.Tensor;
import jattn.nn.Embedding;
import jattn.nn.Linear;
import jattn.rnn.GruCell;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestGruDecoder {

    static final int V = 5, E = 3, H = 4, B = 2;

    private static GruDecoder decoder(Random rng) {
        GruDecoder d = new GruDecoder(V, E, H, rng);
        d.output().bias().value().setTo(random(1, V, rng).value());
        return d;
    }

    @Test
    void stepIsTheGruThenTheOutputLayer() {
        Random rng = new Random(11);
        GruDecoder d = decoder(rng);
        Tensor e = random(B, E, rng), s = random(B, H, rng);
        DecoderStep out = d.step(e, s);
        Tensor next = d.cell().stepReadable(e, s);
        assertClose(next.value(), out.state().value(), CLOSE);
        assertClose(next.matmul(d.output().weight()).add(d.output().bias()).value(), out.logits().value(), CLOSE);
        assertNull(out.weights());
        assertFalse(d.attends());
    }

    @Test
    void inputAndParameterGradientsAreChecked() {
        Random rng = new Random(12);
        GruDecoder d = decoder(rng);
        Tensor e = random(B, E, rng), s = random(B, H, rng);
        Tensor[] all = new Tensor[2 + d.cell().parameters().size() + 2];
        all[0] = e;
        all[1] = s;
        int k = 2;
        for (Tensor p : d.cell().parameters()) all[k++] = p;
        all[k++] = d.output().weight();
        all[k] = d.output().bias();
        assertGrad(p -> {
            DecoderStep o = d.step(p[0], p[1]);
            return Tensor.concatCols(List.of(o.state(), o.logits()));
        }, all);
    }

    @Test
    void startsFromTheEncodersFinalStateAndEmbedsThePreviousToken() {
        Random rng = new Random(13);
        GruDecoder d = decoder(rng);
        Tensor s0 = random(B, H, rng);
        Decoding run = d.start(new Encoded(random(3 * B, H, rng), s0, new int[]{3, 2}));
        assertSame(s0, run.state());
        DecoderStep first = run.next(new int[]{1, 4});
        assertClose(d.step(d.embedding().forward(1, 4), s0).logits().value(), first.logits().value(), 0.0);
        assertSame(first.state(), run.state());
    }

    @Test
    void oneRowOneUnit() {
        Random rng = new Random(14);
        GruDecoder d = new GruDecoder(2, 1, 1, rng);
        assertGrad(p -> d.step(p[0], p[1]).logits(), random(1, 1, rng), random(1, 1, rng), d.output().weight());
    }

    @Test
    void shapesMustFit() {
        Random rng = new Random(15);
        assertRejects(() -> new GruDecoder(new Embedding(V, E, rng), new GruCell(E, H, rng), new Linear(H, V + 1, rng)),
                "(5×3)", "(4×6)");
        GruDecoder d = decoder(rng);
        assertRejects(() -> d.step(random(B, E + 2, rng), random(B, H, rng)), "(2×5)", "(2×4)");
        assertRejects(() -> d.start(new Encoded(Tensor.zeros(4, 3), Tensor.zeros(2, 3), new int[]{2, 2})), "(2×3)", "Wh (4×12)");
    }
}
