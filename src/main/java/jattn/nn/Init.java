package jattn.nn;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;

import java.util.Random;

/**
 * Seeded parameter initialisation.
 *
 * <p>Xavier (Glorot) uniform: W ~ U(−a, a) with a = √(6 / (fanIn + fanOut)), which keeps
 * the variance of activations and of gradients roughly constant from layer to layer
 * (Glorot and Bengio, 2010). Every initialiser takes the {@link Random} explicitly, so a
 * fixed seed gives the same model on every run.
 */
public final class Init {

    private Init() {}

    /** A (fanIn×fanOut) parameter drawn from Xavier-uniform. */
    public static Tensor xavierUniform(int fanIn, int fanOut, Random rng) {
        double a = Math.sqrt(6.0 / (fanIn + fanOut));
        return uniform(fanIn, fanOut, a, rng);
    }

    /** A (rows×cols) parameter drawn from U(−a, a). */
    public static Tensor uniform(int rows, int cols, double a, Random rng) {
        DMatrixRMaj w = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < w.data.length; i++) w.data[i] = (2 * rng.nextDouble() - 1) * a;
        return Tensor.parameter(w);
    }

    /** A (rows×cols) parameter drawn from N(0, std²). */
    public static Tensor normal(int rows, int cols, double std, Random rng) {
        DMatrixRMaj w = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < w.data.length; i++) w.data[i] = rng.nextGaussian() * std;
        return Tensor.parameter(w);
    }

    /** A (rows×cols) parameter of zeros (biases). */
    public static Tensor zeros(int rows, int cols) {
        return Tensor.parameter(new DMatrixRMaj(rows, cols));
    }

    /** A (rows×cols) parameter filled with {@code v} (LayerNorm's gain starts at 1). */
    public static Tensor filled(int rows, int cols, double v) {
        DMatrixRMaj w = new DMatrixRMaj(rows, cols);
        w.fill(v);
        return Tensor.parameter(w);
    }
}
