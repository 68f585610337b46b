package jattn.autograd;

import org.ejml.data.DMatrixRMaj;

import java.util.Locale;

/**
 * Small helpers for lessons and tests: print a tensor, take the argmax of each row, compare two
 * tensors.
 * <pre>
 *   System.out.println(Tensors.format(weights));      // "(2×3)" and fixed-width rows, 4 decimals
 *   int[] predicted = Tensors.argmaxRows(logits);      // (n×k) → n column indices
 *   Tensors.allClose(fused, readable, 1e-12)           // true when every |a − b| ≤ 1e-12
 *   Tensors.maxDifference(fused, readable)             // max |a − b|, the number to report
 * </pre>
 * The comparisons are absolute: |aᵢⱼ − bᵢⱼ| ≤ tolerance for every entry (numpy's allclose adds a
 * relative term; here the tolerance is the one number the caller states). A NaN anywhere makes
 * them false / NaN. Tensors of different shapes are an error that names both shapes. Nothing is
 * modified and no graph is recorded.
 */
public final class Tensors {

    private Tensors() {}

    /** The shape and the rows, 4 decimals: see {@link #format(Tensor, int)}. */
    public static String format(Tensor t) {
        return format(t, 4);
    }

    /**
     * The shape on the first line, then one line per row, every entry right-aligned in one
     * column width with {@code decimals} decimals:
     * <pre>
     * (2×3)
     * [   0.1000  -2.5000  10.0000 ]
     * [   1.0000   0.0000  -0.3333 ]
     * </pre>
     */
    public static String format(Tensor t, int decimals) {
        if (decimals < 0) throw new IllegalArgumentException("Tensors.format: decimals must be ≥ 0, got " + decimals);
        DMatrixRMaj m = t.value();
        String[] cells = new String[m.getNumElements()];
        int width = 1;
        for (int i = 0; i < cells.length; i++) {
            cells[i] = String.format(Locale.ROOT, "%." + decimals + "f", m.data[i]);
            width = Math.max(width, cells[i].length());
        }
        StringBuilder s = new StringBuilder(t.shape());
        for (int r = 0; r < m.numRows; r++) {
            s.append("\n[");
            for (int c = 0; c < m.numCols; c++) {
                String cell = cells[r * m.numCols + c];
                s.append(" ".repeat(width - cell.length() + 2)).append(cell);
            }
            s.append(" ]");
        }
        return s.toString();
    }

    /** The column of the largest entry of each row (the first one on ties): (n×k) → n indices in [0, k). */
    public static int[] argmaxRows(Tensor t) {
        DMatrixRMaj m = t.value();
        if (m.numCols == 0) throw new IllegalArgumentException("Tensors.argmaxRows: " + t.shape() + " has no columns");
        int[] best = new int[m.numRows];
        for (int i = 0; i < m.numRows; i++) {
            int row = i * m.numCols;
            for (int j = 1; j < m.numCols; j++) if (m.data[row + j] > m.data[row + best[i]]) best[i] = j;
        }
        return best;
    }

    /** Whether every |aᵢⱼ − bᵢⱼ| ≤ tolerance (false if any entry is NaN). */
    public static boolean allClose(Tensor a, Tensor b, double tolerance) {
        return maxDifference(a, b) <= tolerance;
    }

    /** max |aᵢⱼ − bᵢⱼ| over all entries: 0 for equal tensors, NaN if any entry is NaN. */
    public static double maxDifference(Tensor a, Tensor b) {
        return maxDifference(a.value(), b.value());
    }

    /** As {@link #maxDifference(Tensor, Tensor)}, for EJML matrices. */
    public static double maxDifference(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numRows != b.numRows || a.numCols != b.numCols)
            throw new IllegalArgumentException("Tensors.maxDifference: shapes " + Tensor.shape(a) + " and "
                    + Tensor.shape(b) + " differ");
        double max = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            double d = Math.abs(a.data[i] - b.data[i]);
            if (Double.isNaN(d)) return Double.NaN;
            max = Math.max(max, d);
        }
        return max;
    }
}
