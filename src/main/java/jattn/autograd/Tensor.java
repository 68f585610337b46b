package jattn.autograd;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.simple.SimpleMatrix;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * A matrix that remembers how it was computed, so that {@link #backward()} can send the
 * derivative of a scalar loss back to every matrix it came from (reverse-mode automatic
 * differentiation, as in micrograd, but over EJML matrices instead of scalars).
 *
 * <p>Every tensor is two-dimensional, (rows × cols), stored row-major in a
 * {@link DMatrixRMaj}. A batch of sequences is written either as a list of (B×d) matrices,
 * one per time step, or as one (B·T × d) matrix with row {@code b·T + t}.
 *
 * <p>Each operation below computes its value with {@code CommonOps_DDRM} and registers, right
 * beside it, the rule that turns the gradient of its output G = ∂L/∂Y into gradients of its
 * inputs. For example {@code Y = A·B} registers ∂L/∂A += G·Bᵀ and ∂L/∂B += Aᵀ·G. Other
 * packages add operations the same way through {@link #op}, so that each concept (softmax,
 * layer norm, cross-entropy, …) keeps its forward and backward formula in its own class.
 *
 * <p>Shapes are checked: a mismatch throws {@link IllegalArgumentException} naming both
 * shapes, e.g. {@code matmul: (3×4)·(5×2), inner dimensions 4 ≠ 5}.
 *
 * <p>Inside {@link NoGrad#start()} no graph is recorded: use it for inference and evaluation.
 */
public final class Tensor {

    /** Pushes the gradient of an operation's output back into the gradients of its inputs. */
    @FunctionalInterface
    public interface Backward {
        /** @param gradOut ∂L/∂(this op's output), same shape as the output; not modified */
        void apply(DMatrixRMaj gradOut);
    }

    private final DMatrixRMaj value;
    private DMatrixRMaj grad;
    private final boolean requiresGrad;
    private final Tensor[] parents;
    private final Backward backward;
    private final String op;

    private Tensor(DMatrixRMaj value, boolean requiresGrad, Tensor[] parents, Backward backward, String op) {
        this.value = value;
        this.requiresGrad = requiresGrad;
        this.parents = parents;
        this.backward = backward;
        this.op = op;
    }

    // ------------------------------------------------------------------ creation

    /** A constant (no gradient is tracked) that wraps {@code value} without copying. */
    public static Tensor constant(DMatrixRMaj value) {
        return new Tensor(value, false, null, null, "constant");
    }

    /** A trainable leaf that wraps {@code value} without copying: its gradient is kept. */
    public static Tensor parameter(DMatrixRMaj value) {
        return new Tensor(value, true, null, null, "parameter");
    }

    /** A constant from rows of numbers, e.g. {@code Tensor.of(new double[][]{{1, 2}, {3, 4}})}. */
    public static Tensor of(double[][] rows) {
        return constant(new DMatrixRMaj(rows));
    }

    /** A constant (1×n) row vector. */
    public static Tensor row(double... values) {
        return constant(new DMatrixRMaj(1, values.length, true, values));
    }

    /** A constant copy of a SimpleMatrix. */
    public static Tensor of(SimpleMatrix m) {
        return constant(m.getDDRM().copy());
    }

    /** A constant (rows×cols) matrix of zeros. */
    public static Tensor zeros(int rows, int cols) {
        return constant(new DMatrixRMaj(rows, cols));
    }

    /** A trainable copy of this tensor's value: a leaf whose gradient is kept. */
    public Tensor asParameter() {
        return parameter(value.copy());
    }

    /**
     * Records the result of an operation. Used by operations in other packages; the backward
     * rule is kept only if some parent needs a gradient and gradients are being recorded.
     *
     * @param name     the operation's name, for messages
     * @param value    the result, owned by the new tensor
     * @param backward the rule that adds ∂L/∂parent for every parent that {@link #requiresGrad()}
     * @param parents  the inputs
     */
    public static Tensor op(String name, DMatrixRMaj value, Backward backward, Tensor... parents) {
        if (NoGrad.active()) return new Tensor(value, false, null, null, name);
        boolean any = false;
        for (Tensor p : parents) any |= p.requiresGrad;
        return any ? new Tensor(value, true, parents, backward, name)
                   : new Tensor(value, false, null, null, name);
    }

    // ------------------------------------------------------------------ access

    /** The value; callers must not modify it unless they own the tensor (a parameter update). */
    public DMatrixRMaj value() { return value; }

    /** ∂L/∂this after {@link #backward()}, or null if no gradient reached it. */
    public DMatrixRMaj grad() { return grad; }

    /** The value as an immutable-style SimpleMatrix copy, for printing and lesson code. */
    public SimpleMatrix toSimple() { return SimpleMatrix.wrap(value.copy()); }

    public int rows() { return value.numRows; }
    public int cols() { return value.numCols; }
    public double get(int r, int c) { return value.get(r, c); }
    /** The single number of a (1×1) tensor. */
    public double item() {
        if (value.numRows != 1 || value.numCols != 1)
            throw new IllegalArgumentException("item: expected a (1×1) tensor, got " + shape());
        return value.data[0];
    }
    public boolean requiresGrad() { return requiresGrad; }

    /** The name of the operation that made this tensor ("matmul", "conv1d", …; "parameter" or "constant" for a leaf). */
    public String opName() { return op; }

    /** The inputs of the operation that made this tensor, as recorded for backward (empty for a leaf or when no gradient is tracked). */
    public List<Tensor> parents() { return parents == null ? List.of() : List.of(parents); }
    /** "(rows×cols)". */
    public String shape() { return shape(value); }
    public static String shape(DMatrixRMaj m) { return "(" + m.numRows + "×" + m.numCols + ")"; }

    /** The gradient buffer, allocated (zero) on first use. Operations add into it. */
    public DMatrixRMaj gradBuffer() {
        if (grad == null) grad = new DMatrixRMaj(value.numRows, value.numCols);
        return grad;
    }

    /** Adds {@code g} into this tensor's gradient, if it needs one. */
    public void accumulate(DMatrixRMaj g) {
        if (!requiresGrad) return;
        CommonOps_DDRM.addEquals(gradBuffer(), g);
    }

    /** Sets the gradient to zero (optimisers call this on parameters before each step). */
    public void zeroGrad() {
        if (grad != null) grad.zero();
    }

    @Override
    public String toString() {
        return "Tensor" + shape() + " " + op + "\n" + toSimple();
    }

    // ------------------------------------------------------------------ backward

    /** Back-propagates from this (1×1) loss: afterwards every tensor it depends on has ∂L/∂tensor. */
    public void backward() {
        if (value.numRows != 1 || value.numCols != 1)
            throw new IllegalArgumentException("backward: the loss must be (1×1), got " + shape()
                    + "; call sum() or mean() first, or backward(seed)");
        DMatrixRMaj seed = new DMatrixRMaj(1, 1);
        seed.data[0] = 1;
        backward(seed);
    }

    /** Back-propagates a given ∂L/∂this (same shape as this tensor). */
    public void backward(DMatrixRMaj seed) {
        checkSame("backward", value, seed);
        if (!requiresGrad) throw new IllegalStateException("backward: nothing here requires a gradient");
        List<Tensor> order = topologicalOrder();
        accumulate(seed);
        for (int i = order.size() - 1; i >= 0; i--) {
            Tensor t = order.get(i);
            if (t.backward != null && t.grad != null) t.backward.apply(t.grad);
        }
    }

    /** Nodes in an order where every node comes after its parents (iterative, so long RNN graphs do not overflow the stack). */
    private List<Tensor> topologicalOrder() {
        List<Tensor> order = new ArrayList<>();
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[]{this, 0});
        seen.put(this, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Tensor t = (Tensor) frame[0];
            int next = (Integer) frame[1];
            if (t.parents != null && next < t.parents.length) {
                frame[1] = next + 1;
                Tensor p = t.parents[next];
                if (p.requiresGrad && seen.put(p, Boolean.TRUE) == null) stack.push(new Object[]{p, 0});
            } else {
                stack.pop();
                order.add(t);
            }
        }
        return order;
    }

    // ------------------------------------------------------------------ matrix products

    /** Y = A·B: (n×k)·(k×m) → (n×m). ∂A += G·Bᵀ, ∂B += Aᵀ·G. */
    public Tensor matmul(Tensor b) { return Products.matmul(this, b); }

    /** Y = A·Bᵀ: (n×k)·(m×k)ᵀ → (n×m), without building Bᵀ. ∂A += G·B, ∂B += Gᵀ·A. */
    public Tensor matmulTransB(Tensor b) { return Products.matmulTransB(this, b); }

    /** Y = Aᵀ: (n×m) → (m×n). ∂A += Gᵀ. */
    public Tensor transpose() { return Products.transpose(this); }

    // ------------------------------------------------------------------ element-wise, with broadcasting

    /**
     * Y = A + B. Shapes must be equal, or B may be a (1×m) row (added to every row), an (n×1)
     * column (added to every column) or a (1×1) scalar. ∂A += G, ∂B += G summed over the broadcast axes.
     */
    public Tensor add(Tensor b) { return Broadcast.add(this, b); }

    /** Y = A − B, broadcasting B as in {@link #add}. */
    public Tensor sub(Tensor b) { return Broadcast.sub(this, b); }

    /** Y = A ⊙ B (element-wise product), broadcasting B as in {@link #add}. */
    public Tensor mul(Tensor b) { return Broadcast.mul(this, b); }

    /** Y = A ⊘ B (element-wise quotient), broadcasting B as in {@link #add}. */
    public Tensor div(Tensor b) { return Broadcast.div(this, b); }

    /** Y = s·A. ∂A += s·G. */
    public Tensor scale(double s) {
        Tensor a = this;
        DMatrixRMaj y = a.value.copy();
        CommonOps_DDRM.scale(s, y);
        return op("scale", y, g -> CommonOps_DDRM.addEquals(a.gradBuffer(), s, g), a);
    }

    /** Y = A + s. ∂A += G. */
    public Tensor addScalar(double s) {
        Tensor a = this;
        DMatrixRMaj y = a.value.copy();
        CommonOps_DDRM.add(y, s);
        return op("addScalar", y, g -> CommonOps_DDRM.addEquals(a.gradBuffer(), g), a);
    }

    /** Y = −A. */
    public Tensor neg() { return scale(-1); }

    /** Y = tanh(A). ∂A += G ⊙ (1 − Y²). */
    public Tensor tanh() {
        return unary("tanh", Math::tanh, (x, y) -> 1 - y * y);
    }

    /** Y = σ(A) = 1 / (1 + e^(−A)). ∂A += G ⊙ Y(1 − Y). */
    public Tensor sigmoid() {
        return unary("sigmoid", Tensor::sigmoid, (x, y) -> y * (1 - y));
    }

    /** Y = max(0, A). ∂A += G ⊙ [A &gt; 0]. */
    public Tensor relu() {
        return unary("relu", x -> x > 0 ? x : 0, (x, y) -> x > 0 ? 1 : 0);
    }

    /** Y = e^A. ∂A += G ⊙ Y. */
    public Tensor exp() {
        return unary("exp", Math::exp, (x, y) -> y);
    }

    /** Y = ln A. ∂A += G ⊘ A. */
    public Tensor log() {
        return unary("log", Math::log, (x, y) -> 1 / x);
    }

    /** Y = √A. ∂A += G ⊘ (2Y). */
    public Tensor sqrt() {
        return unary("sqrt", Math::sqrt, (x, y) -> 0.5 / y);
    }

    /** Y = A². ∂A += 2A ⊙ G. */
    public Tensor square() {
        return unary("square", x -> x * x, (x, y) -> 2 * x);
    }

    /** The logistic function, stable for large |x|. */
    public static double sigmoid(double x) {
        if (x >= 0) return 1 / (1 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1 + e);
    }

    @FunctionalInterface
    private interface Derivative { double at(double x, double y); }

    private Tensor unary(String name, DoubleUnaryOperator f, Derivative dfdx) {
        Tensor a = this;
        double[] x = a.value.data;
        DMatrixRMaj y = new DMatrixRMaj(a.rows(), a.cols());
        int n = a.value.getNumElements();
        for (int i = 0; i < n; i++) y.data[i] = f.applyAsDouble(x[i]);
        return op(name, y, g -> {
            double[] ga = a.gradBuffer().data;
            for (int i = 0; i < n; i++) ga[i] += g.data[i] * dfdx.at(x[i], y.data[i]);
        }, a);
    }

    // ------------------------------------------------------------------ reductions

    /** Y = Σᵢⱼ Aᵢⱼ: (n×m) → (1×1). ∂A += G (every element). */
    public Tensor sum() { return Reductions.sum(this); }

    /** Y = mean of all elements: (n×m) → (1×1). */
    public Tensor mean() { return sum().scale(1.0 / value.getNumElements()); }

    /** Y = the sum of each row: (n×m) → (n×1). ∂Aᵢⱼ += Gᵢ. */
    public Tensor rowSums() { return Reductions.rowSums(this); }

    /** Y = the sum of each column: (n×m) → (1×m). ∂Aᵢⱼ += Gⱼ. */
    public Tensor colSums() { return Reductions.colSums(this); }

    // ------------------------------------------------------------------ shape and indexing

    /** The same numbers, row-major, in a (rows×cols) shape: (n×m) → (rows×cols) with rows·cols = n·m. */
    public Tensor reshape(int rows, int cols) { return Indexing.reshape(this, rows, cols); }

    /** Y = columns [from, to) of A: (n×m) → (n×(to−from)). */
    public Tensor sliceCols(int from, int to) { return Indexing.sliceCols(this, from, to); }

    /** Y = rows [from, to) of A: (n×m) → ((to−from)×m). */
    public Tensor sliceRows(int from, int to) { return Indexing.sliceRows(this, from, to); }

    /** Y = rows idx[0], idx[1], … of A: (n×m) → (len(idx)×m). ∂A scatters G back (repeated rows add up). */
    public Tensor gatherRows(int... idx) { return Indexing.gatherRows(this, idx); }

    /** Side by side: [A₁ A₂ …], all with n rows → (n × Σmᵢ). */
    public static Tensor concatCols(List<Tensor> parts) { return Indexing.concatCols(parts); }

    /** Stacked: [A₁; A₂; …], all with m columns → (Σnᵢ × m). */
    public static Tensor concatRows(List<Tensor> parts) { return Indexing.concatRows(parts); }

    /** Throws IllegalArgumentException naming both shapes unless they are equal. */
    public static void checkSame(String what, DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numRows != b.numRows || a.numCols != b.numCols)
            throw new IllegalArgumentException(what + ": shapes " + shape(a) + " and " + shape(b) + " differ");
    }
}
