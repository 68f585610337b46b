package jattn.autograd;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.List;

/**
 * Shape and indexing: reshape, slices of rows or columns, gathered rows, concatenation.
 * Each method computes Y and registers, next to it, the rule that adds ∂L/∂input from
 * G = ∂L/∂Y. Called through the methods of {@link Tensor} of the same names.
 */
final class Indexing {

    private Indexing() {}

    /** The same numbers, row-major, in a (rows×cols) shape: (n×m) → (rows×cols) with rows·cols = n·m. */
    static Tensor reshape(Tensor a, int rows, int cols) {
        if ((long) rows * cols != a.value().getNumElements())
            throw new IllegalArgumentException("reshape: cannot view " + a.shape() + " as (" + rows + "×" + cols + ")");
        DMatrixRMaj y = new DMatrixRMaj(rows, cols);
        System.arraycopy(a.value().data, 0, y.data, 0, rows * cols);
        return Tensor.op("reshape", y, g -> {
            double[] ga = a.gradBuffer().data;
            for (int i = 0; i < ga.length; i++) ga[i] += g.data[i];
        }, a);
    }

    /** Y = columns [from, to) of A: (n×m) → (n×(to−from)). */
    static Tensor sliceCols(Tensor a, int from, int to) {
        if (from < 0 || to > a.cols() || from > to)
            throw new IllegalArgumentException("sliceCols: [" + from + ", " + to + ") is outside the columns of " + a.shape());
        DMatrixRMaj y = CommonOps_DDRM.extract(a.value(), 0, a.rows(), from, to);
        return Tensor.op("sliceCols", y, g -> {
            DMatrixRMaj ga = a.gradBuffer();
            for (int i = 0; i < g.numRows; i++)
                for (int j = 0; j < g.numCols; j++) ga.data[i * ga.numCols + from + j] += g.data[i * g.numCols + j];
        }, a);
    }

    /** Y = rows [from, to) of A: (n×m) → ((to−from)×m). */
    static Tensor sliceRows(Tensor a, int from, int to) {
        if (from < 0 || to > a.rows() || from > to)
            throw new IllegalArgumentException("sliceRows: [" + from + ", " + to + ") is outside the rows of " + a.shape());
        DMatrixRMaj y = CommonOps_DDRM.extract(a.value(), from, to, 0, a.cols());
        return Tensor.op("sliceRows", y, g -> {
            double[] ga = a.gradBuffer().data;
            int off = from * a.cols();
            for (int i = 0; i < g.data.length; i++) ga[off + i] += g.data[i];
        }, a);
    }

    /** Y = rows idx[0], idx[1], … of A: (n×m) → (len(idx)×m). ∂A scatters G back (repeated rows add up). */
    static Tensor gatherRows(Tensor a, int... idx) {
        int m = a.cols();
        DMatrixRMaj y = new DMatrixRMaj(idx.length, m);
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= a.rows())
                throw new IllegalArgumentException("gatherRows: index " + idx[i] + " at position " + i
                        + " is outside the rows of " + a.shape());
            System.arraycopy(a.value().data, idx[i] * m, y.data, i * m, m);
        }
        return Tensor.op("gatherRows", y, g -> {
            double[] ga = a.gradBuffer().data;
            for (int i = 0; i < idx.length; i++)
                for (int j = 0; j < m; j++) ga[idx[i] * m + j] += g.data[i * m + j];
        }, a);
    }

    /** Side by side: [A₁ A₂ …], all with n rows → (n × Σmᵢ). */
    static Tensor concatCols(List<Tensor> parts) {
        if (parts.isEmpty()) throw new IllegalArgumentException("concatCols: no tensors");
        int n = parts.get(0).rows(), total = 0;
        for (Tensor p : parts) {
            if (p.rows() != n)
                throw new IllegalArgumentException("concatCols: " + parts.get(0).shape() + " and " + p.shape() + " have different row counts");
            total += p.cols();
        }
        final int m = total;
        DMatrixRMaj y = new DMatrixRMaj(n, m);
        int c0 = 0;
        for (Tensor p : parts) {
            CommonOps_DDRM.insert(p.value(), y, 0, c0);
            c0 += p.cols();
        }
        return Tensor.op("concatCols", y, g -> {
            int c = 0;
            for (Tensor p : parts) {
                if (p.requiresGrad()) {
                    DMatrixRMaj gp = p.gradBuffer();
                    for (int i = 0; i < n; i++)
                        for (int j = 0; j < p.cols(); j++) gp.data[i * gp.numCols + j] += g.data[i * m + c + j];
                }
                c += p.cols();
            }
        }, parts.toArray(new Tensor[0]));
    }

    /** Stacked: [A₁; A₂; …], all with m columns → (Σnᵢ × m). */
    static Tensor concatRows(List<Tensor> parts) {
        if (parts.isEmpty()) throw new IllegalArgumentException("concatRows: no tensors");
        int m = parts.get(0).cols(), n = 0;
        for (Tensor p : parts) {
            if (p.cols() != m)
                throw new IllegalArgumentException("concatRows: " + parts.get(0).shape() + " and " + p.shape() + " have different column counts");
            n += p.rows();
        }
        DMatrixRMaj y = new DMatrixRMaj(n, m);
        int off = 0;
        for (Tensor p : parts) {
            System.arraycopy(p.value().data, 0, y.data, off, p.value().getNumElements());
            off += p.value().getNumElements();
        }
        return Tensor.op("concatRows", y, g -> {
            int o = 0;
            for (Tensor p : parts) {
                int len = p.value().getNumElements();
                if (p.requiresGrad()) {
                    double[] gp = p.gradBuffer().data;
                    for (int i = 0; i < len; i++) gp[i] += g.data[o + i];
                }
                o += len;
            }
        }, parts.toArray(new Tensor[0]));
    }
}
