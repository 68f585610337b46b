package jattn.attention;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;

import java.util.List;

/**
 * Nadaraya–Watson kernel regression, the intuition behind attention pooling (1964):
 * <pre>  f(x) = Σᵢ softmaxᵢ(−((x − xᵢ)·w)² / 2) · yᵢ</pre>
 * The query x is compared with every training input xᵢ (the keys) by a Gaussian kernel; the
 * training outputs yᵢ (the values) are averaged with the resulting weights. Near keys get
 * large weights; a larger bandwidth parameter w makes the weights more local.
 *
 * <p>As a {@link Score}: e = −((x − xᵢ)·w)²/2, queries (m×1), keys (n×1) → (m×n).
 * {@link #forward} pools values (n×dv). w is a (1×1) tensor: a constant 1 for the
 * non-parametric version ({@link #fixed()}), a parameter for the learnable one
 * ({@link #learnable(double)}). No argument is modified.
 */
public final class NadarayaWatson implements Score {

    private final Tensor w;

    private NadarayaWatson(Tensor w) {
        this.w = w;
    }

    /** The non-parametric regression, w = 1: e = −(x − xᵢ)²/2. */
    public static NadarayaWatson fixed() {
        return new NadarayaWatson(Tensor.of(new double[][]{{1}}));
    }

    /** The parametric version with a learnable bandwidth w starting at {@code initialW}. */
    public static NadarayaWatson learnable(double initialW) {
        return new NadarayaWatson(Tensor.parameter(new DMatrixRMaj(new double[][]{{initialW}})));
    }

    @Override
    public Tensor scores(Tensor queries, Tensor keys) {
        if (queries.cols() != 1 || keys.cols() != 1)
            throw new IllegalArgumentException("NadarayaWatson: queries " + queries.shape() + " and keys "
                    + keys.shape() + " must be single columns (m×1) and (n×1)");
        Tensor diff = Tensor.zeros(queries.rows(), keys.rows())
                .add(queries).sub(keys.transpose());                     // x − xᵢ: (m×1) − (1×n) → (m×n)
        return diff.mul(w).square().scale(-0.5);                         // −((x − xᵢ)·w)²/2
    }

    /** f(queries): pools values (n×dv) over keys (n×1); output (m×dv), weights (m×n). */
    public AttentionResult forward(Tensor queries, Tensor keys, Tensor values) {
        return forward(queries, keys, values, Mask.none());
    }

    /** As {@link #forward(Tensor, Tensor, Tensor)} with a mask, e.g. leaving each training point out of its own estimate. */
    public AttentionResult forward(Tensor queries, Tensor keys, Tensor values, Mask mask) {
        return new AttentionPooling(this).forward(queries, keys, values, mask);
    }

    /** The bandwidth w (1×1). */
    public Tensor bandwidth() { return w; }

    @Override
    public List<Tensor> parameters() {
        return w.requiresGrad() ? List.of(w) : List.of();
    }
}
