package jattn.embedding;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static jattn.testing.TensorAssert.*;
import static org.junit.jupiter.api.Assertions.*;

class TestPca {

    /** SVD results: exact up to rounding. */
    static final double TOL = 1e-10;

    /**
     * Points a·e₁ + b·e₂ + (5, −7) with e₁ = (1, 2)/√5, e₂ = (−2, 1)/√5, a = (3, −3, 0, 0),
     * b = (0, 0, 1, −1): Σa² = 18 and Σb² = 2, uncorrelated, so the components are ±e₁, ±e₂,
     * the variances 18/3 and 2/3 and the ratios 0.9 and 0.1.
     */
    @Test
    void knownTwoDimensionalCase() {
        double r5 = Math.sqrt(5);
        double[] a = {3, -3, 0, 0}, b = {0, 0, 1, -1};
        DMatrixRMaj x = new DMatrixRMaj(4, 2);
        for (int i = 0; i < 4; i++) {
            x.set(i, 0, (a[i] * 1 + b[i] * -2) / r5 + 5);
            x.set(i, 1, (a[i] * 2 + b[i] * 1) / r5 - 7);
        }
        Pca pca = Pca.fit(x, 2);
        assertArrayEquals(new double[]{5, -7}, pca.mean().data, TOL);
        // signs fixed: the largest entry of each direction is positive, so e₂ becomes (2, −1)/√5
        assertArrayEquals(new double[]{1 / r5, 2 / r5, 2 / r5, -1 / r5}, pca.components().data, TOL);
        assertArrayEquals(new double[]{6, 2.0 / 3}, pca.explainedVariance(), TOL);
        assertArrayEquals(new double[]{0.9, 0.1}, pca.explainedVarianceRatio(), TOL);
        DMatrixRMaj coords = pca.transform(x);                               // (a, −b)
        for (int i = 0; i < 4; i++) {
            assertEquals(a[i], coords.get(i, 0), TOL);
            assertEquals(-b[i], coords.get(i, 1), TOL);
        }
    }

    @Test
    void componentsAreOrthonormalAndOrderedByVariance() {
        Random rng = new Random(7);
        int n = 30, d = 6;
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) x.set(i, j, rng.nextGaussian() * (j + 1));   // column j has spread j + 1
        Pca pca = Pca.fit(x, d);
        DMatrixRMaj w = pca.components();
        DMatrixRMaj wwt = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransB(w, w, wwt);                                 // (d×d)·(d×d)ᵀ → I
        assertClose(CommonOps_DDRM.identity(d), wwt, TOL);
        double[] var = pca.explainedVariance(), ratio = pca.explainedVarianceRatio();
        double sum = 0;
        for (int i = 0; i < d; i++) {
            if (i > 0) assertTrue(var[i] <= var[i - 1], "variance " + i + " is larger than " + (i - 1));
            sum += ratio[i];
        }
        assertEquals(1.0, sum, TOL);
        // the variance of the coordinates along component i is its explained variance
        DMatrixRMaj coords = pca.transform(x);
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int p = 0; p < n; p++) s += coords.get(p, i) * coords.get(p, i);   // their mean is 0
            assertEquals(var[i], s / (n - 1), TOL * var[i]);
        }
        // the first two components of the same fit
        Pca two = Pca.fit(x, 2);
        assertClose(CommonOps_DDRM.extract(w, 0, 2, 0, d), two.components(), TOL);
    }

    @Test
    void fewerPointsThanDimensionsAndOneColumn() {
        DMatrixRMaj wide = new DMatrixRMaj(new double[][]{{1, 0, 0, 2, 0}, {0, 1, 0, 2, 0}, {0, 0, 1, 2, 0}});
        Pca pca = Pca.fit(wide, 2);
        assertEquals(2, pca.transform(wide).numCols);
        assertEquals(1.0, pca.explainedVarianceRatio()[0] + pca.explainedVarianceRatio()[1], TOL);   // 3 points span a plane
        DMatrixRMaj column = new DMatrixRMaj(new double[][]{{1}, {3}, {5}});
        Pca line = Pca.fit(column, 1);
        assertArrayEquals(new double[]{1}, line.components().data, TOL);
        assertArrayEquals(new double[]{4}, line.explainedVariance(), TOL);   // ((−2)² + 0 + 2²)/2
        assertArrayEquals(new double[]{-2, 0, 2}, line.transform(column).data, TOL);
    }

    @Test
    void badArgumentsAreRejected() {
        assertRejects(() -> Pca.fit(new DMatrixRMaj(1, 3), 1), "(1×3)");
        assertRejects(() -> Pca.fit(new DMatrixRMaj(4, 3), 4), "4 components", "(4×3)");
        Pca pca = Pca.fit(new DMatrixRMaj(new double[][]{{1, 2}, {3, 5}}), 1);
        assertRejects(() -> pca.transform(new DMatrixRMaj(2, 3)), "(2×3)", "(1×2)");
    }
}
