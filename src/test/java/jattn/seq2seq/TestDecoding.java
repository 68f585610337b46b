package jattn.seq2seq;

import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestDecoding {

    @Test
    void eachStepStartsFromThePreviousStepsState() {
        List<Tensor> seen = new ArrayList<>();
        Decoding run = new Decoding(Tensor.zeros(2, 1), (prev, s) -> {
            seen.add(s);
            Tensor next = s.add(Tensor.of(new double[][]{{prev[0]}, {prev[1]}}));   // a toy step: s' = s + prev (B×1)
            return new DecoderStep(next, next, null);
        });
        run.next(new int[]{1, 2});
        DecoderStep second = run.next(new int[]{3, 4});
        assertEquals(4.0, second.state().get(0, 0));
        assertEquals(6.0, second.state().get(1, 0));
        assertSame(second.state(), run.state());
        assertEquals(1.0, seen.get(1).get(0, 0));                        // step 2 saw step 1's state
    }

    @Test
    void onePreviousTokenPerRow() {
        Decoding run = new Decoding(Tensor.zeros(2, 3), (prev, s) -> new DecoderStep(s, s, null));
        assertRejects(() -> run.next(new int[]{1}), "1 previous tokens", "(2×3)");
    }
}
