package jattn.nn;

import jattn.testing.TensorAssert;
import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestResidual {

    @Test
    void addsTheSublayerOutputToItsInput() {
        Tensor x = random(3, 4, new Random(1));
        Tensor y = Residual.apply(x, Tensor::tanh);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++) assertEquals(x.get(i, j) + Math.tanh(x.get(i, j)), y.get(i, j), CLOSE);
        // a sublayer that outputs zero leaves the identity: ∂L/∂X = G exactly
        x.zeroGrad();
        weightedSum(Residual.apply(x, t -> t.scale(0))).backward();
        assertClose(weights(3, 4), x.grad(), CLOSE);
    }

    @Test
    void gradientFlowsThroughBothPaths() {
        Random rng = new Random(2);
        Linear lin = new Linear(random(4, 4, rng), random(1, 4, rng));
        assertGrad(p -> Residual.apply(p[0], t -> new Linear(p[1], p[2]).forward(t).tanh()),
                random(3, 4, rng), lin.weight(), lin.bias());
        assertGrad(p -> Residual.apply(p[0], t -> t.mul(t)), random(1, 1, rng));
    }

    @Test
    void sublayerOfAnotherShapeIsRejected() {
        Tensor x = Tensor.zeros(3, 4);
        assertRejects(() -> Residual.apply(x, t -> t.sliceCols(0, 2)), "(3×2)", "(3×4)");
        // a (1×4) row would broadcast silently in add; the residual refuses it
        assertRejects(() -> Residual.apply(x, t -> t.colSums()), "(1×4)", "(3×4)");
    }
}
