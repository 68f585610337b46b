package jattn.autograd;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestTensor {

    @Test
    void matrixProductsMatchEjmlAndHaveCheckedGradients() {
        Random rng = new Random(1);
        Tensor a = random(3, 4, rng), b = random(4, 5, rng), c = random(5, 4, rng);
        DMatrixRMaj expect = new DMatrixRMaj(3, 5);
        org.ejml.dense.row.CommonOps_DDRM.mult(a.value(), b.value(), expect);
        assertArrayEquals(expect.data, a.matmul(b).value().data, CLOSE);
        assertArrayEquals(expect.data, a.matmulTransB(b.transpose()).value().data, CLOSE);
        assertGrad(x -> x[0].matmul(x[1]), a, b);
        assertGrad(x -> x[0].matmulTransB(x[1]), a, c);
        assertGrad(x -> x[0].transpose(), a);
    }

    @Test
    void broadcastingOpsHaveCheckedGradients() {
        Random rng = new Random(2);
        Tensor a = random(3, 4, rng), full = random(3, 4, rng), row = random(1, 4, rng), col = random(3, 1, rng), s = random(1, 1, rng);
        for (Tensor b : List.of(full, row, col, s)) {
            assertGrad(x -> x[0].add(x[1]), a, b);
            assertGrad(x -> x[0].sub(x[1]), a, b);
            assertGrad(x -> x[0].mul(x[1]), a, b);
            assertGrad(x -> x[0].div(x[1].square().addScalar(1)), a, b);
        }
        assertEquals(a.get(2, 3) + row.get(0, 3), a.add(row).get(2, 3), CLOSE);
        assertEquals(a.get(2, 3) * col.get(2, 0), a.mul(col).get(2, 3), CLOSE);
    }

    @Test
    void elementwiseFunctionsHaveCheckedGradients() {
        Random rng = new Random(3);
        Tensor a = random(4, 3, rng);
        assertGrad(x -> x[0].tanh(), a);
        assertGrad(x -> x[0].sigmoid(), a);
        assertGrad(x -> x[0].exp(), a);
        assertGrad(x -> x[0].square().addScalar(0.5).log(), a);
        assertGrad(x -> x[0].square().addScalar(0.5).sqrt(), a);
        assertGrad(x -> x[0].scale(-2.5).neg(), a);
        // relu: keep inputs away from the kink at 0
        Tensor away = Tensor.parameter(a.value().copy());
        for (int i = 0; i < away.value().data.length; i++) away.value().data[i] += Math.signum(away.value().data[i]) * 0.1;
        assertGrad(x -> x[0].relu(), away);
        assertEquals(0.0, Tensor.of(new double[][]{{-3}}).relu().item());
        assertEquals(1.0, Tensor.sigmoid(800), CLOSE);
        assertEquals(0.0, Tensor.sigmoid(-800), CLOSE);
    }

    @Test
    void reductionsAndIndexingHaveCheckedGradients() {
        Random rng = new Random(4);
        Tensor a = random(4, 6, rng), b = random(4, 2, rng), c = random(3, 6, rng);
        assertGrad(x -> x[0].rowSums(), a);
        assertGrad(x -> x[0].colSums(), a);
        assertGrad(x -> x[0].mean(), a);
        assertGrad(x -> x[0].reshape(8, 3), a);
        assertGrad(x -> x[0].sliceCols(1, 4), a);
        assertGrad(x -> x[0].sliceRows(1, 3), a);
        assertGrad(x -> x[0].gatherRows(3, 0, 3, 1), a);
        assertGrad(x -> Tensor.concatCols(List.of(x[0], x[1], x[0])), a, b);
        assertGrad(x -> Tensor.concatRows(List.of(x[0], x[1])), a, c);
        assertEquals(a.get(3, 5), a.reshape(8, 3).get(7, 2), CLOSE);
    }

    @Test
    void reusedNodesAccumulateGradients() {
        Tensor x = Tensor.parameter(new DMatrixRMaj(new double[][]{{2}}));
        Tensor y = x.mul(x).add(x);            // y = x² + x, dy/dx = 2x + 1 = 5
        y.backward();
        assertEquals(5.0, x.grad().get(0, 0), CLOSE);
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        Tensor a = Tensor.zeros(3, 4), b = Tensor.zeros(5, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.matmul(b));
        assertTrue(e.getMessage().contains("(3×4)") && e.getMessage().contains("(5×2)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> a.add(b));
        assertTrue(e.getMessage().contains("(3×4)") && e.getMessage().contains("(5×2)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> a.gatherRows(0, 3));
        assertTrue(e.getMessage().contains("index 3"), e.getMessage());
    }

    @Test
    void noGradRecordsNothingAndLongChainsDoNotOverflow() {
        Tensor w = Tensor.parameter(new DMatrixRMaj(new double[][]{{0.5}}));
        try (NoGrad ignored = NoGrad.start()) {
            assertFalse(w.mul(w).requiresGrad());
        }
        assertTrue(w.mul(w).requiresGrad());
        Tensor h = w;
        for (int i = 0; i < 20000; i++) h = h.scale(1.0);
        h.backward();
        assertEquals(1.0, w.grad().get(0, 0), CLOSE);
    }

    @Test
    void gradCheckCatchesAWrongBackwardRule() {
        Tensor a = random(2, 2, new Random(5));
        // a deliberately wrong rule: claims d(2x)/dx = 1
        Function<Tensor[], Tensor> wrong = x -> {
            DMatrixRMaj y = x[0].value().copy();
            org.ejml.dense.row.CommonOps_DDRM.scale(2, y);
            return Tensor.op("wrong", y, g -> x[0].accumulate(g), x[0]).sum();
        };
        assertTrue(GradCheck.check(wrong, a).maxRelativeError() > 0.1);
    }

    @Test
    void gradCheckFailsOnANaNOrInfiniteGradientAfterTheFirstElement() {
        // right at element 0, NaN at element 1, +∞ at element 2: a NaN error compares false with
        // any bound, so the check must count it as infinitely wrong rather than skip it
        for (double bad : new double[]{Double.NaN, Double.POSITIVE_INFINITY}) {
            Tensor a = random(2, 2, new Random(6));
            Function<Tensor[], Tensor> poisoned = x -> {
                DMatrixRMaj y = x[0].value().copy();
                return Tensor.op("poisoned", y, g -> {
                    DMatrixRMaj d = g.copy();
                    d.data[1] = bad;
                    x[0].accumulate(d);
                }, x[0]).sum();
            };
            GradCheck.Result r = GradCheck.check(poisoned, a);
            assertEquals(Double.POSITIVE_INFINITY, r.maxRelativeError(), r.toString());
            assertEquals(1, r.col(), r.toString());
        }
    }
}
