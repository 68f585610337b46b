package jattn.nn;

import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * A PyTorch {@code state_dict()}: parameter names to values, in torch's layout. Every layer with
 * weights has {@code fromTorch(TorchWeights, …)}, which reads the names torch gives them and
 * copies the values into our layout (torch's {@code nn.Linear} weight is (out×in), ours
 * (in×out), so it is transposed). A 2-D torch tensor is a (rows×cols) matrix; a 1-D tensor of n
 * entries (a bias, a layer norm's gain) may be given as (1×n) or (n×1).
 * <pre>
 *   TorchWeights w = TorchWeights.of(Map.of("weight", weight, "bias", bias));   // nn.Linear(in, out)
 *   Linear layer = Linear.fromTorch(w);
 *   TransformerEncoderBlock block = TransformerEncoderBlock.fromTorch(w, settings, rng); // nn.TransformerEncoderLayer
 *   w.under("self_attn")        // the entries "self_attn.*", without the prefix
 * </pre>
 * A missing name or a wrong shape is an error that names the parameter, the expected and the
 * given shape, and the names there are. The values are copied: later changes to the map's
 * matrices do not reach the layers.
 */
public final class TorchWeights {

    private final Map<String, DMatrixRMaj> entries;
    private final String prefix;                      // for messages: "self_attn." when taken with under(...)

    private TorchWeights(Map<String, DMatrixRMaj> entries, String prefix) {
        this.entries = entries;
        this.prefix = prefix;
    }

    /** A state dict: name → value (copied). */
    public static TorchWeights of(Map<String, DMatrixRMaj> stateDict) {
        Map<String, DMatrixRMaj> copy = new LinkedHashMap<>();
        stateDict.forEach((k, v) -> copy.put(k, v.copy()));
        return new TorchWeights(copy, "");
    }

    /** The entries named {@code module + "." + name}, as {@code name}: a sub-module's state dict. */
    public TorchWeights under(String module) {
        String p = module + ".";
        Map<String, DMatrixRMaj> sub = new LinkedHashMap<>();
        entries.forEach((k, v) -> { if (k.startsWith(p)) sub.put(k.substring(p.length()), v); });
        return new TorchWeights(sub, prefix + p);
    }

    public boolean has(String name) { return entries.containsKey(name); }

    /** The (rows×cols) matrix {@code name}, a copy; the shape must match. */
    public DMatrixRMaj matrix(String name, int rows, int cols) {
        DMatrixRMaj m = get(name);
        if (m.numRows != rows || m.numCols != cols)
            throw new IllegalArgumentException("TorchWeights: " + prefix + name + " is " + Tensor.shape(m)
                    + ", expected (" + rows + "×" + cols + ")");
        return m.copy();
    }

    /** The 1-D tensor {@code name} of n entries as a (1×n) row, a copy. */
    public DMatrixRMaj vector(String name, int n) {
        DMatrixRMaj m = get(name);
        if (m.getNumElements() != n || (m.numRows != 1 && m.numCols != 1))
            throw new IllegalArgumentException("TorchWeights: " + prefix + name + " is " + Tensor.shape(m)
                    + ", expected " + n + " entries (a 1-D tensor)");
        DMatrixRMaj row = new DMatrixRMaj(1, n);
        System.arraycopy(m.data, 0, row.data, 0, n);
        return row;
    }

    /** The number of rows of matrix {@code name} (to size a layer from its weights). */
    public int rows(String name) { return get(name).numRows; }

    /** The number of columns of matrix {@code name}. */
    public int cols(String name) { return get(name).numCols; }

    /**
     * An nn.Linear's weight (out×in) rows [from, from + out) transposed to our (in×out), as a
     * parameter: the layout of {@link Linear} and of every projection.
     */
    public Tensor transposedRows(String name, int from, int out, int in) {
        DMatrixRMaj m = get(name);
        if (m.numCols != in || m.numRows < from + out)
            throw new IllegalArgumentException("TorchWeights: " + prefix + name + " is " + Tensor.shape(m)
                    + ", expected at least " + (from + out) + " rows of " + in + " entries");
        DMatrixRMaj block = CommonOps_DDRM.extract(m, from, from + out, 0, in);
        return Tensor.parameter(CommonOps_DDRM.transpose(block, null));  // (out×in)ᵀ → (in×out)
    }

    private DMatrixRMaj get(String name) {
        DMatrixRMaj m = entries.get(name);
        if (m == null)
            throw new IllegalArgumentException("TorchWeights: no " + prefix + name + " among " + new TreeSet<>(entries.keySet()));
        return m;
    }
}
