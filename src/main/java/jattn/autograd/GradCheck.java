package jattn.autograd;

import org.ejml.data.DMatrixRMaj;

import java.util.function.Function;

/**
 * Checks a backward rule against central finite differences, for every element of every input,
 * with the five-point stencil
 * ∂L/∂xᵢ ≈ (−L(x + 2h·eᵢ) + 8L(x + h·eᵢ) − 8L(x − h·eᵢ) + L(x − 2h·eᵢ)) / 12h.
 *
 * <p>Its truncation error is O(h⁴), so with h = 1e-4 it is far below rounding, and rounding
 * contributes about 1e-16·|L|/h ≈ 1e-12 absolute. (The two-point difference needs h ≈ 1e-6
 * and leaves about 1e-10, which fails a 1e-6 relative bound on gradient entries below 1e-4,
 * as softmax layers produce, even when the backward rule is exact.)
 *
 * <p>The relative error of one element is |a − n| / max(|a| + |n|, floor), where a is the
 * analytic (back-propagated) and n the numerical derivative; the floor keeps derivatives
 * that are both almost zero (below the rounding level) from counting as large relative errors.
 * A NaN or infinite derivative on either side is an error of +∞.
 */
public final class GradCheck {

    /** Step h of the central difference. */
    public static final double STEP = 1e-4;
    /** Below this magnitude a derivative is compared absolutely rather than relatively. */
    public static final double FLOOR = 1e-5;

    private GradCheck() {}

    /** The result: the largest relative error and where it was. */
    public record Result(double maxRelativeError, int input, int row, int col, double analytic, double numeric) {
        @Override
        public String toString() {
            return String.format("max relative error %.3g at input %d (%d,%d): analytic %.10g, numeric %.10g",
                    maxRelativeError, input, row, col, analytic, numeric);
        }
    }

    /**
     * Compares back-propagated and numerical gradients of a scalar function.
     *
     * @param loss   builds a (1×1) tensor from the inputs (called many times; must be deterministic)
     * @param inputs the leaves to differentiate with respect to; must be parameters. Their
     *               values are perturbed and restored; their gradients are overwritten.
     */
    public static Result check(Function<Tensor[], Tensor> loss, Tensor... inputs) {
        for (Tensor t : inputs) {
            if (!t.requiresGrad()) throw new IllegalArgumentException("GradCheck: inputs must be parameters, got a constant " + t.shape());
            t.zeroGrad();
        }
        loss.apply(inputs).backward();
        Result worst = new Result(0, -1, -1, -1, 0, 0);
        for (int k = 0; k < inputs.length; k++) {
            DMatrixRMaj v = inputs[k].value();
            DMatrixRMaj analytic = inputs[k].grad() == null ? new DMatrixRMaj(v.numRows, v.numCols) : inputs[k].grad().copy();
            for (int i = 0; i < v.data.length; i++) {
                double old = v.data[i];
                v.data[i] = old + 2 * STEP;
                double plus2 = evaluate(loss, inputs);
                v.data[i] = old + STEP;
                double plus1 = evaluate(loss, inputs);
                v.data[i] = old - STEP;
                double minus1 = evaluate(loss, inputs);
                v.data[i] = old - 2 * STEP;
                double minus2 = evaluate(loss, inputs);
                v.data[i] = old;
                double numeric = (-plus2 + 8 * plus1 - 8 * minus1 + minus2) / (12 * STEP);
                double a = analytic.data[i];
                double rel = relativeError(a, numeric);
                if (rel > worst.maxRelativeError() || worst.input() < 0)
                    worst = new Result(rel, k, i / v.numCols, i % v.numCols, a, numeric);
            }
        }
        return worst;
    }

    /**
     * |a − n| / max(|a| + |n|, {@link #FLOOR}); +∞ if either is NaN or infinite, so that a
     * backward rule that produces a NaN anywhere fails the check instead of being skipped
     * (a NaN compares false with every bound).
     */
    static double relativeError(double analytic, double numeric) {
        if (!Double.isFinite(analytic) || !Double.isFinite(numeric)) return Double.POSITIVE_INFINITY;
        return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), FLOOR);
    }

    private static double evaluate(Function<Tensor[], Tensor> loss, Tensor[] inputs) {
        try (NoGrad ignored = NoGrad.start()) {
            return loss.apply(inputs).item();
        }
    }
}
