package jattn.testing;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Comparisons of our values and gradients with the PyTorch reference values of {@link Fixtures}
 * (the {@code *AgainstTorch} tests). Each failure message names the quantity, the largest
 * absolute difference and where it occurs. With {@code -Djattn.reportDiffs=true} every
 * comparison also prints its largest difference, to see how much room a tolerance leaves.
 */
public final class TorchAssert {

    private static final boolean REPORT = Boolean.getBoolean("jattn.reportDiffs");

    private TorchAssert() {}

    /** The fixture's loss L = Σ out ⊙ C (C not modified, wrapped as a constant). */
    public static Tensor weightedSum(Tensor out, DMatrixRMaj c) {
        return out.mul(Tensor.constant(c)).sum();
    }

    /** max |expected − actual| over all entries; the shapes must agree. */
    public static double maxAbsDiff(DMatrixRMaj expected, DMatrixRMaj actual) {
        double max = 0;
        for (int i = 0; i < expected.getNumElements(); i++)
            max = Math.max(max, Math.abs(expected.data[i] - actual.data[i]));
        return max;
    }

    /** Same shape and every entry within {@code tol} of torch's; {@code what} names the quantity. */
    public static void assertMatches(String what, DMatrixRMaj expected, DMatrixRMaj actual, double tol) {
        assertTrue(expected.numRows == actual.numRows && expected.numCols == actual.numCols,
                what + ": torch " + Tensor.shape(expected) + " but ours " + Tensor.shape(actual));
        double max = -1;
        int at = -1;
        for (int i = 0; i < expected.getNumElements(); i++) {
            double d = Math.abs(expected.data[i] - actual.data[i]);
            if (!(d <= max)) { max = d; at = i; }             // NaN counts as the largest
        }
        if (REPORT) System.out.printf("%-60s max |Δ| = %.3g%n", what, max);
        int r = at / expected.numCols, c = at % expected.numCols;
        if (!(max <= tol))
            fail(what + ": max |torch − ours| = " + max + " > " + tol + " at (" + r + ", " + c + "): torch "
                    + expected.data[at] + ", ours " + actual.data[at]);
    }

    /** As {@link #assertMatches(String, DMatrixRMaj, DMatrixRMaj, double)} for a tensor's value. */
    public static void assertMatches(String what, DMatrixRMaj expected, Tensor actual, double tol) {
        assertMatches(what, expected, actual.value(), tol);
    }

    /** The gradient of a leaf after backward() matches torch's; a leaf no gradient reached counts as zero. */
    public static void assertGradMatches(String what, DMatrixRMaj expected, Tensor leaf, double tol) {
        DMatrixRMaj g = leaf.grad() != null ? leaf.grad() : new DMatrixRMaj(leaf.rows(), leaf.cols());
        assertMatches("∂L/∂" + what, expected, g, tol);
    }

    /** Entry (i, j) is exactly 0.0 (or −0.0), e.g. a masked weight or its gradient. */
    public static void assertExactlyZero(String what, DMatrixRMaj m, int i, int j) {
        assertEquals(0.0, m.get(i, j), 0.0, what + " at (" + i + ", " + j + ") must be exactly 0");
    }
}
