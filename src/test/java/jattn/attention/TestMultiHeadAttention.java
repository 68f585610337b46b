package jattn.attention;

import jattn.autograd.GradCheck;
import jattn.autograd.Tensor;
import jattn.nn.Linear;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestMultiHeadAttention {

    static double[][] randomArray(int r, int c, Random rng) {
        double[][] a = new double[r][c];
        for (double[] row : a) for (int j = 0; j < c; j++) row[j] = rng.nextGaussian() * 0.5;
        return a;
    }

    /**
     * torch.nn.functional.multi_head_attention_forward written out with loops over torch's
     * layout (y = x·Wᵀ + b), no mask: the reference our transposed weights must reproduce.
     */
    static double[][] torchReference(int nHeads, double[][] inW, double[] inB, double[][] outW, double[] outB,
                                     double[][] query, double[][] key, double[][] value) {
        int d = outW.length, dK = d / nHeads, m = query.length, n = key.length;
        double[][] q = linear(query, inW, inB, 0, d), k = linear(key, inW, inB, d, d), v = linear(value, inW, inB, 2 * d, d);
        double[][] concat = new double[m][d];
        for (int h = 0; h < nHeads; h++)
            for (int i = 0; i < m; i++) {
                double[] e = new double[n];
                double max = Double.NEGATIVE_INFINITY, z = 0;
                for (int j = 0; j < n; j++) {
                    for (int c = h * dK; c < (h + 1) * dK; c++) e[j] += q[i][c] / Math.sqrt(dK) * k[j][c];
                    max = Math.max(max, e[j]);
                }
                for (int j = 0; j < n; j++) { e[j] = Math.exp(e[j] - max); z += e[j]; }
                for (int j = 0; j < n; j++)
                    for (int c = h * dK; c < (h + 1) * dK; c++) concat[i][c] += e[j] / z * v[j][c];
            }
        return linear(concat, outW, outB, 0, d);
    }

    /** x·W[from:from+d]ᵀ + b[from:from+d]. */
    private static double[][] linear(double[][] x, double[][] w, double[] b, int from, int d) {
        double[][] y = new double[x.length][d];
        for (int i = 0; i < x.length; i++)
            for (int o = 0; o < d; o++) {
                y[i][o] = b[from + o];
                for (int c = 0; c < x[i].length; c++) y[i][o] += x[i][c] * w[from + o][c];
            }
        return y;
    }

    /** nn.MultiheadAttention's state dict from arrays in torch's layout. */
    static jattn.nn.TorchWeights torchMha(double[][] inW, double[] inB, double[][] outW, double[] outB) {
        java.util.Map<String, DMatrixRMaj> m = new java.util.LinkedHashMap<>();
        m.put("in_proj_weight", new DMatrixRMaj(inW));
        m.put("in_proj_bias", new DMatrixRMaj(new double[][]{inB}));
        m.put("out_proj.weight", new DMatrixRMaj(outW));
        m.put("out_proj.bias", new DMatrixRMaj(new double[][]{outB}));
        return jattn.nn.TorchWeights.of(m);
    }

    @Test
    void matchesPyTorchMathFromTorchLayout() {
        Random rng = new Random(101);
        int d = 6, heads = 3;
        double[][] inW = randomArray(3 * d, d, rng), outW = randomArray(d, d, rng);
        double[] inB = randomArray(1, 3 * d, rng)[0], outB = randomArray(1, d, rng)[0];
        double[][] query = randomArray(2, d, rng), key = randomArray(4, d, rng), value = randomArray(4, d, rng);
        MultiHeadAttention mha = MultiHeadAttention.fromTorch(torchMha(inW, inB, outW, outB), heads);
        Tensor out = mha.forward(Tensor.of(query), Tensor.of(key), Tensor.of(value)).output();
        assertClose(Tensor.of(torchReference(heads, inW, inB, outW, outB, query, key, value)), out, CLOSE);
        assertEquals(inW[d + 1][4], mha.keyProjection().weight().get(4, 1));   // W = torch weightᵀ
        assertEquals(8, mha.parameters().size());
    }

    @Test
    void oneHeadEqualsSelfAttentionFollowedByTheOutputProjection() {
        Random rng = new Random(102);
        int d = 4;
        Tensor wq = random(d, d, rng), wk = random(d, d, rng), wv = random(d, d, rng);
        Linear wo = new Linear(random(d, d, rng), random(1, d, rng));
        MultiHeadAttention mha = new MultiHeadAttention(new MultiHeadAttention.Projections(new Linear(wq), new Linear(wk), new Linear(wv), wo), 1);
        SelfAttention sa = new SelfAttention(wq, wk, wv);
        Tensor x = random(5, d, rng);
        for (boolean causal : new boolean[]{false, true}) {
            AttentionResult single = sa.forward(x, causal ? Mask.causal() : Mask.none());
            AttentionResult multi = mha.forward(x, causal ? Mask.causal() : Mask.none());
            assertClose(wo.forward(single.output()), multi.output(), CLOSE);
            assertClose(single.weights(), multi.head(0), CLOSE);
        }
    }

    @Test
    void eachHeadIsSelfAttentionOnItsColumnBlock() {
        Random rng = new Random(103);
        int d = 6, heads = 2, dK = 3;
        MultiHeadAttention mha = new MultiHeadAttention(new MultiHeadAttention.Settings(heads, d), rng);
        Tensor x = random(4, d, rng);
        AttentionResult r = mha.forward(x, Mask.none());
        assertEquals(heads, r.headCount());
        List<Tensor> parts = new ArrayList<>();
        for (int h = 0; h < heads; h++) {
            SelfAttention head = new SelfAttention(mha.queryProjection().weight().sliceCols(h * dK, h * dK + dK),
                    mha.keyProjection().weight().sliceCols(h * dK, h * dK + dK),
                    mha.valueProjection().weight().sliceCols(h * dK, h * dK + dK));   // biases start at zero
            AttentionResult one = head.forward(x);
            assertClose(one.weights(), r.head(h), CLOSE);
            parts.add(one.output());
        }
        assertClose(mha.outputProjection().forward(Tensor.concatCols(parts)), r.output(), CLOSE);
        Tensor avg = r.averageWeights();
        assertEquals((r.head(0).get(2, 1) + r.head(1).get(2, 1)) / 2, avg.get(2, 1), CLOSE);
    }

    @Test
    void masksApplyToEveryHead() {
        Random rng = new Random(104);
        MultiHeadAttention mha = new MultiHeadAttention(new MultiHeadAttention.Settings(2, 4), rng);
        AttentionResult r = mha.forward(random(3, 4, rng), random(5, 4, rng), random(5, 4, rng), Mask.validLensPerRow(2, 5, 1));
        for (Tensor w : r.heads()) {
            assertEquals(0.0, w.get(0, 2));
            assertEquals(0.0, w.get(2, 1));
            assertEquals(1.0, w.get(2, 0), CLOSE);
        }
    }

    @Test
    void permutingTheInputPermutesTheOutput() {
        Random rng = new Random(105);
        MultiHeadAttention mha = new MultiHeadAttention(new MultiHeadAttention.Settings(3, 6), rng);
        for (Tensor p : mha.parameters()) if (p.rows() == 1) p.value().setTo(random(1, 6, rng).value());
        Tensor x = random(4, 6, rng);
        int[] perm = {2, 0, 3, 1};
        assertClose(mha.forward(x, Mask.none()).output().gatherRows(perm), mha.forward(x.gatherRows(perm), Mask.none()).output(), CLOSE);
    }

    @Test
    void gradientOfAllParametersAndInputsIsChecked() {
        checkGradients(1);
    }

    static void checkGradients(long seed) {
        Random rng = new Random(seed);
        MultiHeadAttention mha = new MultiHeadAttention(new MultiHeadAttention.Settings(2, 4), rng);
        for (Tensor p : mha.parameters()) if (p.rows() == 1) p.value().setTo(random(1, 4, rng).value());
        // bk adds qᵢ·bk to every score of row i: softmax ignores it, so ∂L/∂bk = 0 exactly
        // (a finite difference only sees rounding noise there); it is tested separately below.
        Tensor bk = mha.keyProjection().bias();
        List<Tensor> params = new ArrayList<>(mha.parameters());
        params.remove(bk);
        for (Mask mask : new Mask[]{null, Mask.causal(), Mask.validLensPerRow(1, 3)}) {
            List<Tensor> in = new ArrayList<>(List.of(random(2, 4, rng), random(3, 4, rng), random(3, 4, rng)));
            in.addAll(params);
            assertGrad(x -> mha.forward(x[0], x[1], x[2], mask).output(), in.toArray(new Tensor[0]));
            assertGrad(x -> mha.forward(x[0], x[1], x[2], mask).head(1), in.toArray(new Tensor[0]));
        }
        List<Tensor> in = new ArrayList<>(List.of(random(1, 4, rng)));
        in.addAll(params);
        assertGrad(x -> mha.forward(x[0], Mask.none()).output(), in.toArray(new Tensor[0]));
    }

    @Test
    void theKeyBiasChangesNothing() {
        Random rng = new Random(108);
        MultiHeadAttention mha = new MultiHeadAttention(new MultiHeadAttention.Settings(2, 4), rng);
        Tensor q = random(2, 4, rng), kv = random(3, 4, rng);
        Tensor before = mha.forward(q, kv, kv).output();
        mha.keyProjection().bias().value().setTo(random(1, 4, rng).value());
        Tensor after = mha.forward(q, kv, kv).output();
        assertClose(before, after, CLOSE);
        weightedSum(after).backward();
        for (double g : mha.keyProjection().bias().grad().data) assertEquals(0.0, g, CLOSE);
        // and by finite differences: the numerical derivative is rounding noise (far below the
        // floor of GradCheck), the back-propagated one is exactly what the other parameters leave
        Tensor bk = mha.keyProjection().bias();
        for (Mask mask : new Mask[]{null, Mask.causal(), Mask.validLensPerRow(1, 3)}) {
            Tensor qs = random(2, 4, rng), ks = random(3, 4, rng), vs = random(3, 4, rng);
            GradCheck.Result r = GradCheck.check(x -> weightedSum(mha.forward(qs, ks, vs, mask).output()), bk);
            assertTrue(r.maxRelativeError() <= GRAD_TOL, r.toString());
            assertTrue(Math.abs(r.numeric()) < 1e-9, r.toString());
        }
    }

    @Test
    void badShapesAreRejectedClearly() {
        Random rng = new Random(107);
        assertRejects(() -> new MultiHeadAttention(new MultiHeadAttention.Settings(3, 10), rng), "dModel 10", "nHeads 3");
        assertRejects(() -> new MultiHeadAttention(new MultiHeadAttention.Settings(0, 10), rng), "nHeads 0");
        MultiHeadAttention mha = new MultiHeadAttention(new MultiHeadAttention.Settings(2, 8), rng);
        assertRejects(() -> mha.forward(Tensor.zeros(3, 8), Tensor.zeros(4, 6), Tensor.zeros(4, 8)), "(3×8)", "(4×6)");
        assertRejects(() -> mha.forward(Tensor.zeros(3, 8), Tensor.zeros(4, 8), Tensor.zeros(5, 8)), "(4×8)", "(5×8)");
        assertRejects(() -> new MultiHeadAttention(new MultiHeadAttention.Projections(new Linear(4, 4, rng),
                new Linear(4, 3, rng), new Linear(4, 4, rng), new Linear(4, 4, rng)), 2), "(4×3)", "(4×4)");
        assertRejects(() -> MultiHeadAttention.fromTorch(torchMha(new double[5][4], new double[12], new double[4][4], new double[4]), 2),
                "in_proj_weight", "(5×4)", "(12×4)");
    }
}
