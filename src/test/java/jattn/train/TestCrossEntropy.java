package jattn.train;

import jattn.autograd.GradCheck;
import jattn.autograd.Tensor;
import jattn.text.OneHot;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class TestCrossEntropy {

    static final double GRAD_TOL = 1e-6;
    static final double EXACT = 1e-12;

    static Tensor random(int r, int c, Random rng) {
        DMatrixRMaj m = new DMatrixRMaj(r, c);
        for (int i = 0; i < m.data.length; i++) m.data[i] = 2 * rng.nextGaussian();
        return Tensor.parameter(m);
    }

    /**
     * The readable composed version, from Tensor ops only:
     * ℓ = log Σ exp(z − max) − (z − max)[t], masked by a 0/1 column, summed, divided by |K|.
     */
    static Tensor composed(Tensor z, int[] t, boolean[] keep) {
        int n = z.rows();
        DMatrixRMaj max = new DMatrixRMaj(n, 1), keepCol = new DMatrixRMaj(n, 1);
        int[] safeT = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            double mx = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < z.cols(); j++) mx = Math.max(mx, z.get(i, j));
            max.set(i, 0, mx);
            keepCol.set(i, 0, keep[i] ? 1 : 0);
            safeT[i] = keep[i] ? t[i] : 0;
            count += keep[i] ? 1 : 0;
        }
        Tensor shifted = z.sub(Tensor.constant(max));                          // (N×V) − (N×1)
        Tensor lse = shifted.exp().rowSums().log();                             // (N×1)
        Tensor picked = shifted.mul(OneHot.of(safeT, z.cols())).rowSums();      // (N×1)
        return lse.sub(picked).mul(Tensor.constant(keepCol)).sum().scale(1.0 / count);
    }

    static boolean[] all(int n) {
        boolean[] k = new boolean[n];
        java.util.Arrays.fill(k, true);
        return k;
    }

    @Test
    void handComputedValues() {
        // two equal logits: −log(1/2) = log 2
        assertEquals(Math.log(2), CrossEntropy.loss(Tensor.of(new double[][]{{0, 0}}), new int[]{0}).item(), EXACT);
        // z = (1, 2, 3), t = 2: log(e¹ + e² + e³) − 3 = log(e⁻² + e⁻¹ + 1)
        double l = Math.log(Math.exp(-2) + Math.exp(-1) + 1);
        assertEquals(l, CrossEntropy.loss(Tensor.of(new double[][]{{1, 2, 3}}), new int[]{2}).item(), EXACT);
        // the mean of two rows: (log 2 + l) / 2
        Tensor two = Tensor.of(new double[][]{{5, 5, -1e300}, {1, 2, 3}});
        assertEquals((Math.log(2) + l) / 2, CrossEntropy.loss(two, new int[]{1, 2}).item(), EXACT);
        assertArrayEquals(new double[]{Math.log(2), l}, CrossEntropy.perRow(two, new int[]{1, 2}), EXACT);
    }

    @Test
    void largeLogitsDoNotOverflow() {
        Tensor z = Tensor.of(new double[][]{{1000, 0}, {-1000, 0}});
        // row 0: log(e¹⁰⁰⁰ + 1) − 0 ≈ 1000; row 1: log(e⁻¹⁰⁰⁰ + 1) − 0 ≈ 0
        assertArrayEquals(new double[]{1000, 0}, CrossEntropy.perRow(z, new int[]{1, 1}), EXACT);
        assertEquals(500, CrossEntropy.loss(z, new int[]{1, 1}).item(), EXACT);
        assertEquals(0, CrossEntropy.loss(z, new int[]{0, 1}).item(), EXACT);
    }

    @Test
    void matchesTheComposedVersionWithAndWithoutMask() {
        Random rng = new Random(11);
        Tensor z = random(6, 5, rng);
        int[] t = {4, 0, 2, 2, 1, 3};
        boolean[] keep = {true, false, true, true, false, true};
        assertEquals(composed(z, t, all(6)).item(), CrossEntropy.loss(z, t).item(), EXACT);
        assertEquals(composed(z, t, keep).item(), CrossEntropy.loss(z, t, keep).item(), EXACT);
        // gradients of the fused and the composed version agree
        z.zeroGrad();
        CrossEntropy.loss(z, t, keep).backward();
        DMatrixRMaj fused = z.grad().copy();
        z.zeroGrad();
        composed(z, t, keep).backward();
        assertArrayEquals(z.grad().data, fused.data, EXACT);
    }

    @Test
    void gradientCheckWithoutMask() {
        Random rng = new Random(12);
        int[] t = {3, 0, 1, 3};
        assertGrad(x -> CrossEntropy.loss(x[0], t).scale(2.7), random(4, 4, rng));
        assertGrad(x -> CrossEntropy.loss(x[0], new int[]{2}), random(1, 5, rng));      // one row
        assertGrad(x -> CrossEntropy.loss(x[0], new int[]{0, 0}), random(2, 1, rng));   // one class: ℓ = 0
    }

    @Test
    void gradientCheckWithMaskAndIgnoreIndex() {
        Random rng = new Random(13);
        int pad = 0;
        int[] t = {3, pad, 1, pad, 2};
        assertGrad(x -> CrossEntropy.loss(x[0], t, pad).scale(-1.3), random(5, 4, rng));
        assertGrad(x -> CrossEntropy.loss(x[0], t, new boolean[]{false, true, true, false, true}), random(5, 4, rng));
        // the input's gradient also flows to what produced the logits (a Linear-like product)
        Tensor h = random(5, 3, rng), w = random(3, 4, rng);
        assertGrad(x -> CrossEntropy.loss(x[0].matmul(x[1]), t, pad), h, w);
    }

    @Test
    void maskedRowsGetZeroGradientAndDoNotCount() {
        Random rng = new Random(14);
        Tensor z = random(3, 4, rng);
        int[] t = {1, -100, 2};   // like PyTorch's default ignore_index −100
        CrossEntropy.loss(z, t, -100).backward();
        for (int j = 0; j < 4; j++) assertEquals(0.0, z.grad().get(1, j), EXACT);
        double[] rows = CrossEntropy.perRow(z, new int[]{1, 0, 2});
        assertEquals((rows[0] + rows[2]) / 2, CrossEntropy.loss(z, t, -100).item(), EXACT);
        // each kept row's gradient sums to zero (softmax − one-hot), scaled by 1/|K|
        double s = 0;
        for (int j = 0; j < 4; j++) s += z.grad().get(0, j);
        assertEquals(0.0, s, EXACT);
    }

    @Test
    void allMaskedGivesZeroLossAndZeroGradient() {
        Tensor z = random(2, 3, new Random(15));
        Tensor l = CrossEntropy.loss(z, new int[]{0, 0}, 0);
        assertEquals(0.0, l.item());
        l.backward();
        assertArrayEquals(new double[6], z.grad().data, EXACT);
    }

    @Test
    void badInputNamesTheShape() {
        Tensor z = Tensor.zeros(3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CrossEntropy.loss(z, new int[]{0, 1}));
        assertTrue(e.getMessage().contains("(3×4)") && e.getMessage().contains("2 targets"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CrossEntropy.loss(z, new int[]{0, 4, 1}));
        assertTrue(e.getMessage().contains("target 4") && e.getMessage().contains("row 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CrossEntropy.loss(z, new int[]{0, 1, 2}, new boolean[2]));
        // an out-of-range target is fine when the row is ignored
        assertEquals(0.0, CrossEntropy.loss(z, new int[]{-1, -1, -1}, -1).item());
    }

    static void assertGrad(java.util.function.Function<Tensor[], Tensor> f, Tensor... in) {
        GradCheck.Result r = GradCheck.check(f, in);
        assertTrue(r.maxRelativeError() <= GRAD_TOL, r.toString());
    }
}
