package jattn.rnn;

import jattn.testing.TensorAssert;
import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestRecurrentOutput {

    @Test
    void sizesStackedLayoutAndAnUnmodifiableCopyOfTheOutputs() {
        Random rng = new Random(1);
        List<Tensor> outs = new ArrayList<>(List.of(random(2, 3, rng), random(2, 3, rng)));
        RecurrentOutput r = new RecurrentOutput(outs, random(2, 3, rng));
        outs.clear();
        assertEquals(2, r.steps());
        assertEquals(2, r.batchSize());
        assertEquals(r.outputs().get(1).get(1, 2), r.stacked().get(1 * 2 + 1, 2));
        assertThrows(UnsupportedOperationException.class, () -> r.outputs().clear());
        assertGrad(p -> new RecurrentOutput(List.of(p[0], p[1]), p[0]).stacked(), random(2, 3, rng), random(2, 3, rng));
    }
}
