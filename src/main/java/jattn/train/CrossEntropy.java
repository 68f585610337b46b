package jattn.train;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;

/**
 * Cross-entropy of logits against target classes, as PyTorch's {@code F.cross_entropy}:
 * <pre>
 *   ℓᵢ = −log softmax(zᵢ)[tᵢ] = log Σⱼ exp(zᵢⱼ) − zᵢ,tᵢ      (one row)
 *   L  = (1 / |K|) Σ_{i∈K} ℓᵢ                                (mean over the kept rows K)
 * </pre>
 * Shapes: logits Z (N×V), one row per prediction; targets t (N) with tᵢ in [0, V); L (1×1).
 * A row is left out of K when its target equals {@code ignoreIndex} (padding, like PyTorch's
 * {@code ignore_index}) or its entry of {@code mask} is false.
 *
 * <p>Fused: log-softmax and negative log-likelihood in one pass, stable because the row
 * maximum is subtracted before exp (log Σ exp zⱼ = m + log Σ exp(zⱼ − m)), and one backward
 * rule right beside it:
 * ∂L/∂zᵢⱼ = (softmax(zᵢ)ⱼ − [j = tᵢ]) / |K| for kept rows, 0 for the others.
 *
 * <p>If every row is left out (|K| = 0) the loss is 0 with a zero gradient; PyTorch returns
 * NaN there. This lets a decoder sum per-step losses over steps that are all padding.
 * Arguments are not modified.
 */
public final class CrossEntropy {

    private CrossEntropy() {}

    /** L = mean over all N rows of −log softmax(zᵢ)[tᵢ]. */
    public static Tensor loss(Tensor logits, int[] targets) {
        return fused(logits, targets, null, false, 0);
    }

    /** L = mean over the rows whose target is not {@code ignoreIndex} (e.g. the pad id). */
    public static Tensor loss(Tensor logits, int[] targets, int ignoreIndex) {
        return fused(logits, targets, null, true, ignoreIndex);
    }

    /** L = mean over the rows i with {@code keep[i]} true. */
    public static Tensor loss(Tensor logits, int[] targets, boolean[] keep) {
        if (keep.length != logits.rows())
            throw new IllegalArgumentException("CrossEntropy: logits " + logits.shape() + " but " + keep.length + " mask entries");
        return fused(logits, targets, keep, false, 0);
    }

    /** The loss ℓᵢ of every row, values only (no graph): for evaluation, per-token plots, perplexity. */
    public static double[] perRow(Tensor logits, int[] targets) {
        check(logits, targets, null, false, 0);
        DMatrixRMaj z = logits.value();
        double[] losses = new double[z.numRows];
        for (int i = 0; i < losses.length; i++) losses[i] = logSumExp(z, i) - z.get(i, targets[i]);
        return losses;
    }

    private static Tensor fused(Tensor logits, int[] targets, boolean[] keep, boolean ignore, int ignoreIndex) {
        check(logits, targets, keep, ignore, ignoreIndex);
        DMatrixRMaj z = logits.value();
        int n = z.numRows, v = z.numCols;
        boolean[] kept = new boolean[n];
        DMatrixRMaj p = new DMatrixRMaj(n, v);                            // softmax(Z) of kept rows, for backward
        double total = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            kept[i] = isKept(i, targets, keep, ignore, ignoreIndex);
            if (!kept[i]) continue;
            double max = rowMax(z, i), sum = 0;
            for (int j = 0; j < v; j++) {
                double e = Math.exp(z.data[i * v + j] - max);
                p.data[i * v + j] = e;
                sum += e;
            }
            for (int j = 0; j < v; j++) p.data[i * v + j] /= sum;
            total += max + Math.log(sum) - z.data[i * v + targets[i]];   // ℓᵢ = logsumexp(zᵢ) − zᵢ,tᵢ
            count++;
        }
        DMatrixRMaj y = new DMatrixRMaj(1, 1);
        y.data[0] = count == 0 ? 0 : total / count;
        final int k = count;
        return Tensor.op("crossEntropy", y, g -> {
            double[] gz = logits.gradBuffer().data;      // allocated even when |K| = 0: a zero gradient
            if (k == 0) return;
            double s = g.data[0] / k;
            for (int i = 0; i < n; i++) {
                if (!kept[i]) continue;
                for (int j = 0; j < v; j++) gz[i * v + j] += s * p.data[i * v + j];   // ∂zᵢⱼ += (pᵢⱼ − [j = tᵢ]) / |K|
                gz[i * v + targets[i]] -= s;
            }
        }, logits);
    }

    private static boolean isKept(int i, int[] targets, boolean[] keep, boolean ignore, int ignoreIndex) {
        return (keep == null || keep[i]) && !(ignore && targets[i] == ignoreIndex);
    }

    private static void check(Tensor logits, int[] targets, boolean[] keep, boolean ignore, int ignoreIndex) {
        if (targets.length != logits.rows())
            throw new IllegalArgumentException("CrossEntropy: logits " + logits.shape() + " but " + targets.length
                    + " targets; expected one target per row");
        for (int i = 0; i < targets.length; i++)
            if (isKept(i, targets, keep, ignore, ignoreIndex) && (targets[i] < 0 || targets[i] >= logits.cols()))
                throw new IllegalArgumentException("CrossEntropy: target " + targets[i] + " of row " + i
                        + " is outside the " + logits.cols() + " classes of logits " + logits.shape());
    }

    private static double rowMax(DMatrixRMaj z, int i) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < z.numCols; j++) max = Math.max(max, z.data[i * z.numCols + j]);
        return max;
    }

    private static double logSumExp(DMatrixRMaj z, int i) {
        double max = rowMax(z, i), sum = 0;
        for (int j = 0; j < z.numCols; j++) sum += Math.exp(z.data[i * z.numCols + j] - max);
        return max + Math.log(sum);
    }
}
