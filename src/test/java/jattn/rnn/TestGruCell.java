package jattn.rnn;

import jattn.testing.TensorAssert;
import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestGruCell {

    /** PyTorch's GRUCell formulas element by element, weights in PyTorch's layout (3H×dIn), (3H×H). */
    private static double[][] torchReference(Tensor wIh, Tensor wHh, Tensor bIh, Tensor bHh, Tensor x, Tensor h) {
        int nH = wHh.cols(), batch = x.rows();
        double[][] out = new double[batch][nH];
        for (int b = 0; b < batch; b++)
            for (int i = 0; i < nH; i++) {
                double[] ih = new double[3], hh = new double[3];         // gate g = 0 (r), 1 (z), 2 (n)
                for (int g = 0; g < 3; g++) {
                    ih[g] = bIh.get(0, g * nH + i);
                    for (int k = 0; k < x.cols(); k++) ih[g] += wIh.get(g * nH + i, k) * x.get(b, k);
                    hh[g] = bHh.get(0, g * nH + i);
                    for (int k = 0; k < nH; k++) hh[g] += wHh.get(g * nH + i, k) * h.get(b, k);
                }
                double r = 1 / (1 + Math.exp(-(ih[0] + hh[0])));
                double z = 1 / (1 + Math.exp(-(ih[1] + hh[1])));
                double n = Math.tanh(ih[2] + r * hh[2]);
                out[b][i] = (1 - z) * n + z * h.get(b, i);
            }
        return out;
    }

    private static GruCell copyWith(Tensor[] p) {
        return new GruCell(p[2], p[3], p[4], p[5]);
    }

    /** nn.GRUCell's state dict from tensors in torch's layout. */
    static jattn.nn.TorchWeights torchGru(Tensor wIh, Tensor wHh, Tensor bIh, Tensor bHh) {
        java.util.Map<String, DMatrixRMaj> m = new java.util.LinkedHashMap<>();
        m.put("weight_ih", wIh.value());
        m.put("weight_hh", wHh.value());
        m.put("bias_ih", bIh.value());
        m.put("bias_hh", bHh.value());
        return jattn.nn.TorchWeights.of(m);
    }

    @Test
    void fromTorchFollowsPyTorchsFormulasAndLayout() {
        Random rng = new Random(1);
        int dIn = 3, nH = 4;
        Tensor wIh = random(3 * nH, dIn, rng), wHh = random(3 * nH, nH, rng), bIh = random(1, 3 * nH, rng), bHh = random(1, 3 * nH, rng);
        Tensor x = random(2, dIn, rng), h = random(2, nH, rng);
        GruCell cell = GruCell.fromTorch(torchGru(wIh, wHh, bIh, bHh));
        assertClose(new DMatrixRMaj(torchReference(wIh, wHh, bIh, bHh, x, h)), cell.step(x, h).value(), CLOSE);
        assertClose(new DMatrixRMaj(torchReference(wIh, wHh, bIh, bHh, x, h)), cell.stepReadable(x, h).value(), CLOSE);
        assertEquals(wIh.get(5, 2), cell.wx().get(2, 5));               // Wx = weight_ihᵀ, copied
        assertNotSame(bIh.value(), cell.bx().value());
    }

    @Test
    void fusedMatchesComposedInValueAndAllSixGradients() {
        Random rng = new Random(2);
        GruCell cell = new GruCell(3, 4, rng);
        Tensor x = random(5, 3, rng), h = random(5, 4, rng);
        Tensor fused = cell.step(x, h), composed = cell.stepReadable(x, h);
        assertClose(composed.value(), fused.value(), CLOSE);

        List<Tensor> all = List.of(x, h, cell.wx(), cell.wh(), cell.bx(), cell.bh());
        weightedSum(fused).backward();
        List<DMatrixRMaj> fusedGrads = all.stream().map(t -> t.grad().copy()).toList();
        all.forEach(Tensor::zeroGrad);
        weightedSum(composed).backward();
        for (int k = 0; k < all.size(); k++) assertClose(all.get(k).grad(), fusedGrads.get(k), CLOSE);
    }

    @Test
    void fusedGradientsAreChecked() {
        Random rng = new Random(3);
        GruCell cell = new GruCell(3, 4, rng);
        assertGrad(p -> copyWith(p).step(p[0], p[1]),
                random(2, 3, rng), random(2, 4, rng), cell.wx(), cell.wh(), cell.bx(), cell.bh());
        assertGrad(p -> copyWith(p).stepReadable(p[0], p[1]),
                random(2, 3, rng), random(2, 4, rng), cell.wx(), cell.wh(), cell.bx(), cell.bh());
        // two chained steps through the same cell: h₂ = step(x₂, step(x₁, h₀))
        assertGrad(p -> { GruCell c = copyWith(p); return c.step(p[0], c.step(p[0].scale(-0.5), p[1])); },
                random(2, 3, rng), random(2, 4, rng), cell.wx(), cell.wh(), cell.bx(), cell.bh());
        // degenerate: one sequence, one input, one hidden unit
        GruCell tiny = new GruCell(1, 1, rng);
        assertGrad(p -> copyWith(p).step(p[0], p[1]),
                random(1, 1, rng), random(1, 1, rng), tiny.wx(), tiny.wh(), tiny.bx(), tiny.bh());
    }

    @Test
    void workBuffersAreSafeAcrossStepsOfDifferentBatchSizes() {
        Random rng = new Random(4);
        GruCell cell = new GruCell(3, 2, rng);
        Tensor x1 = random(4, 3, rng), h1 = random(4, 2, rng), x2 = random(1, 3, rng), h2 = random(1, 2, rng);
        Tensor fusedLoss = weightedSum(cell.step(x1, h1)).add(weightedSum(cell.step(x2, h2)));
        Tensor composedLoss = weightedSum(cell.stepReadable(x1, h1)).add(weightedSum(cell.stepReadable(x2, h2)));
        assertEquals(composedLoss.item(), fusedLoss.item(), CLOSE);
        List<Tensor> all = List.of(x1, h1, x2, h2, cell.wx(), cell.wh(), cell.bx(), cell.bh());
        fusedLoss.backward();
        List<DMatrixRMaj> fusedGrads = all.stream().map(t -> t.grad().copy()).toList();
        all.forEach(Tensor::zeroGrad);
        composedLoss.backward();
        for (int k = 0; k < all.size(); k++) assertClose(all.get(k).grad(), fusedGrads.get(k), CLOSE);
    }

    @Test
    void gatesAtTheirLimitsGiveTheTextbookCases() {
        // z → 1 (huge update-gate bias): h' = h, the state is copied; z → 0: h' = n
        int nH = 2;
        Tensor wx = Tensor.zeros(1, 3 * nH).asParameter(), wh = Tensor.zeros(nH, 3 * nH).asParameter();
        Tensor bx = Tensor.row(0, 0, 50, 50, 0.3, -0.2).asParameter(), bh = Tensor.zeros(1, 3 * nH).asParameter();
        Tensor h = Tensor.row(0.7, -0.4);
        assertClose(h.value(), new GruCell(wx, wh, bx, bh).step(Tensor.zeros(1, 1), h).value(), 1e-12);
        bx.value().set(0, 2, -50);
        bx.value().set(0, 3, -50);
        Tensor y = new GruCell(wx, wh, bx, bh).step(Tensor.zeros(1, 1), h);
        assertClose(Tensor.row(Math.tanh(0.3), Math.tanh(-0.2)).value(), y.value(), 1e-12);
    }

    @Test
    void sizesAndBadShapes() {
        GruCell cell = new GruCell(3, 4, new Random(5));
        assertEquals(3 * 12 + 4 * 12 + 12 + 12, cell.parameterCount());
        for (Tensor p : cell.parameters())
            for (int i = 0; i < p.value().getNumElements(); i++) assertTrue(Math.abs(p.value().data[i]) <= 0.5);
        assertRejects(() -> cell.step(Tensor.zeros(2, 5), Tensor.zeros(2, 4)), "GruCell", "(2×5)", "(2×4)");
        assertRejects(() -> cell.stepReadable(Tensor.zeros(2, 3), Tensor.zeros(1, 4)), "(2×3)", "(1×4)");
        assertRejects(() -> new GruCell(Tensor.zeros(3, 12), Tensor.zeros(4, 12), Tensor.zeros(1, 12), Tensor.zeros(12, 1)),
                "(12×1)", "(4×12)");
        assertRejects(() -> new GruCell(Tensor.zeros(3, 12), Tensor.zeros(4, 11), Tensor.zeros(1, 12), Tensor.zeros(1, 12)),
                "(3×12)", "(4×11)");
    }
}
