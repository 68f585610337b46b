package jattn.train;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;

import java.util.Random;

/** A small least-squares problem for the optimiser tests: y = X·w* exactly, L(w) = mean((X·w − y)²). */
final class LeastSquares {

    static final double TOL = 1e-4;

    final Tensor x, y, w;
    final double[] wTrue = {1.5, -2.0, 0.5};

    LeastSquares(long seed) {
        Random rng = new Random(seed);
        DMatrixRMaj xm = new DMatrixRMaj(20, 3);
        for (int i = 0; i < xm.data.length; i++) xm.data[i] = rng.nextGaussian();
        x = Tensor.constant(xm);
        y = x.matmul(Tensor.constant(new DMatrixRMaj(3, 1, true, wTrue)));   // (20×3)·(3×1) → (20×1)
        w = Tensor.parameter(new DMatrixRMaj(3, 1));
    }

    Tensor loss() {
        return x.matmul(w).sub(y).square().mean();
    }
}
