package jattn.experiments;

import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.random;
import static org.junit.jupiter.api.Assertions.*;

class TestOperationCount {

    @Test
    void countsTheProductsOfAChainAndItsLength() {
        Random rng = new Random(1);
        Tensor x = random(5, 3, rng), w1 = random(3, 4, rng).asParameter(), w2 = random(4, 2, rng).asParameter();
        Tensor y = x.matmul(w1).tanh().matmul(w2);                       // (5×3)·(3×4): 60; (5×4)·(4×2): 40
        assertEquals(100, OperationCount.multiplyAdds(y));
        assertEquals(3, OperationCount.sequentialOperations(y), "matmul, tanh, matmul");
    }

    @Test
    void aSharedInputIsCountedOnceAndParallelBranchesDoNotAddLength() {
        Random rng = new Random(2);
        Tensor w = random(3, 3, rng).asParameter();
        Tensor h = random(2, 3, rng).matmul(w);                          // 18
        Tensor y = h.add(h.tanh());                                      // h used twice
        assertEquals(18, OperationCount.multiplyAdds(y));
        assertEquals(3, OperationCount.sequentialOperations(y), "matmul, tanh, add");
    }

    @Test
    void aGraphWithoutParametersHasNothingToCount() {
        Tensor y = Tensor.constant(random(2, 2, new Random(3)).value()).matmul(Tensor.constant(random(2, 2, new Random(4)).value()));
        assertEquals(0, OperationCount.multiplyAdds(y));
        assertEquals(0, OperationCount.sequentialOperations(y));
    }
}
