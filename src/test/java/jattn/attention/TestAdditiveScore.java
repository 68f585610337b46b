package jattn.attention;

import jattn.autograd.NoGrad;
import jattn.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestAdditiveScore {

    /** The readable version: one small graph vᵀ tanh(qᵢ·Wq + kⱼ·Wk + b) per pair (i, j). */
    static Tensor composed(AdditiveScore s, Tensor q, Tensor k) {
        List<Tensor> rows = new ArrayList<>();
        for (int i = 0; i < q.rows(); i++) {
            List<Tensor> row = new ArrayList<>();
            for (int j = 0; j < k.rows(); j++) {
                Tensor kj = k.sliceRows(j, j + 1).matmul(s.keyWeight());
                if (s.keyBias() != null) kj = kj.add(s.keyBias());
                Tensor hidden = q.sliceRows(i, i + 1).matmul(s.queryWeight()).add(kj).tanh();   // (1×h)
                row.add(hidden.matmul(s.v()));                                                  // (1×1)
            }
            rows.add(Tensor.concatCols(row));
        }
        return Tensor.concatRows(rows);
    }

    @Test
    void oneHiddenUnitComputedByHand() {
        Tensor wq = Tensor.of(new double[][]{{0.5}, {-1}});   // dq = 2, h = 1
        Tensor wk = Tensor.of(new double[][]{{2}});            // dk = 1
        Tensor b = Tensor.of(new double[][]{{0.1}});
        Tensor v = Tensor.of(new double[][]{{3}});
        AdditiveScore s = new AdditiveScore(wq, wk, b, v);
        Tensor q = Tensor.of(new double[][]{{1, 1}});           // q·Wq = −0.5
        Tensor k = Tensor.of(new double[][]{{0}, {1}});         // k·Wk + b = 0.1, 2.1
        assertArrayEquals(new double[]{3 * Math.tanh(-0.4), 3 * Math.tanh(1.6)}, s.scores(q, k).value().data, CLOSE);
    }

    @Test
    void fusedGridEqualsTheComposedVersionInValueAndGradient() {
        Random rng = new Random(61);
        AdditiveScore s = new AdditiveScore(3, 4, 5, rng);
        for (Tensor p : s.parameters()) for (int i = 0; i < p.value().data.length; i++) p.value().data[i] += 0.1 * rng.nextGaussian();
        Tensor q = random(2, 3, rng), k = random(6, 4, rng);
        Tensor fused = s.scores(q, k), slow = composed(s, q, k);
        assertClose(slow, fused, CLOSE);

        List<Tensor> all = new ArrayList<>(s.parameters());
        all.add(q);
        all.add(k);
        weightedSum(fused).backward();
        List<double[]> fusedGrads = new ArrayList<>();
        for (Tensor t : all) { fusedGrads.add(t.grad().data.clone()); t.zeroGrad(); }
        weightedSum(slow).backward();
        for (int i = 0; i < all.size(); i++) assertArrayEquals(all.get(i).grad().data, fusedGrads.get(i), CLOSE);

        try (NoGrad ignored = NoGrad.start()) {
            assertClose(slow, s.scores(q, k), CLOSE);
        }
    }

    @Test
    void projectedKeysCanBeReused() {
        Random rng = new Random(62);
        AdditiveScore s = new AdditiveScore(3, 4, 5, rng);
        Tensor k = random(6, 4, rng), kp = s.projectKeys(k);
        assertEquals(6, kp.rows());
        assertEquals(5, kp.cols());
        for (int step = 0; step < 3; step++) {
            Tensor q = random(1, 3, rng);
            assertClose(s.scores(q, k), s.scoresWithProjectedKeys(q, kp), 0.0);
            assertClose(s.scores(q, k), s.scoresFromProjected(s.projectQueries(q), kp), 0.0);
        }
    }

    @Test
    void groupedGridScoresEachGroupAgainstItsOwnKeys() {
        Random rng = new Random(63);
        int groups = 2, n = 3, h = 4;
        Tensor qp = random(4, h, rng), kp = random(groups * n, h, rng), v = random(h, 1, rng);
        Tensor grid = AdditiveScore.tanhGrid(qp, kp, v, groups);
        assertEquals(4, grid.rows());
        assertEquals(n, grid.cols());
        for (int g = 0; g < groups; g++) {
            Tensor own = AdditiveScore.tanhGrid(qp.sliceRows(2 * g, 2 * g + 2), kp.sliceRows(g * n, g * n + n), v, 1);
            assertClose(own, grid.sliceRows(2 * g, 2 * g + 2), 0.0);
        }
        assertGrad(x -> AdditiveScore.tanhGrid(x[0], x[1], x[2], groups), qp, kp, v);
    }

    @Test
    void gradientOfParametersAndInputsIsChecked() {
        Random rng = new Random(64);
        AdditiveScore s = new AdditiveScore(3, 4, 5, rng);
        s.keyBias().value().data[0] = 0.3;
        List<Tensor> in = new ArrayList<>(List.of(random(2, 3, rng), random(6, 4, rng)));
        in.addAll(s.parameters());
        assertEquals(4, s.parameters().size());
        assertGrad(x -> s.scores(x[0], x[1]), in.toArray(new Tensor[0]));

        AdditiveScore noBias = new AdditiveScore(1, 1, 1, jattn.nn.Bias.NONE, rng);
        assertNull(noBias.keyBias());
        assertEquals(3, noBias.parameters().size());
        assertGrad(x -> noBias.scores(x[0], x[1]), random(1, 1, rng), random(1, 1, rng),
                noBias.queryWeight(), noBias.keyWeight(), noBias.v());
    }

    @Test
    void shapeErrorsNameTheShapes() {
        AdditiveScore s = new AdditiveScore(3, 4, 5, new Random(65));
        assertRejects(() -> s.scores(Tensor.zeros(2, 3), Tensor.zeros(6, 3)), "(6×3)", "(4×5)");
        assertRejects(() -> s.scores(Tensor.zeros(2, 4), Tensor.zeros(6, 4)), "(2×4)", "(3×5)");
        assertRejects(() -> s.scoresFromProjected(Tensor.zeros(2, 5), Tensor.zeros(6, 4)), "(2×5)", "(6×4)");
        assertRejects(() -> new AdditiveScore(Tensor.zeros(3, 5), Tensor.zeros(4, 6), null, Tensor.zeros(5, 1)),
                "(3×5)", "(4×6)", "(5×1)");
    }
}
