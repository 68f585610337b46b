package jattn.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jattn.autograd.Tensor;
import org.ejml.data.DMatrixRMaj;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reference values computed independently with PyTorch (float64) by
 * {@code tools/fixtures/make_fixtures.py} and read from the test classpath
 * ({@code src/test/resources/fixtures/}); the schema of every file is in
 * {@code tools/fixtures/README.md}.
 *
 * <p>A {@code Fixtures} object is one JSON object of one file. Every accessor takes a path of
 * keys from that object, and every returned matrix or array is a fresh copy (modify it freely):
 * <pre>{@code
 * Fixtures f = Fixtures.load("gru_cell.json");
 * DMatrixRMaj wx = f.matrix("params", "Wx");                  // (dIn×3H)
 * Tensor x = f.parameter("inputs", "cell", "x");              // a leaf that keeps its gradient
 * int[] lens = f.ints("inputs", "sequence", "validLens");
 * Fixtures cell = f.node("grads", "cell");                    // then cell.matrix("Wx")
 * }</pre>
 * Matrices are JSON arrays of rows ({@code [[..],[..]]}); a list of matrices is an array of those.
 * A missing key or a value of the wrong kind throws {@link IllegalArgumentException} naming the
 * file, the full key path and the keys that do exist there.
 */
public final class Fixtures {

    /** Classpath folder of the fixture files. */
    public static final String FOLDER = "/fixtures/";

    private final String file;
    private final String where;   // key path of this node, "" for the file's root
    private final JsonObject json;

    private Fixtures(String file, String where, JsonObject json) {
        this.file = file;
        this.where = where;
        this.json = json;
    }

    /** Reads {@code /fixtures/<fileName>} from the classpath, e.g. {@code load("layer_norm.json")}. */
    public static Fixtures load(String fileName) {
        try (InputStream in = Fixtures.class.getResourceAsStream(FOLDER + fileName)) {
            if (in == null) throw new IllegalArgumentException("fixture " + fileName + " not found on the classpath under "
                    + FOLDER + " (regenerate with /usr/bin/python3 tools/fixtures/make_fixtures.py)");
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                JsonElement root = JsonParser.parseReader(r);
                if (!root.isJsonObject()) throw new IllegalArgumentException("fixture " + fileName + ": the root is not a JSON object");
                return new Fixtures(fileName, "", root.getAsJsonObject());
            }
        } catch (IOException e) {
            throw new IllegalStateException("fixture " + fileName + ": cannot read it", e);
        }
    }

    /** The file this node comes from. */
    public String file() { return file; }

    /** The JSON object at {@code keys}, to read further paths from it. */
    public Fixtures node(String... keys) {
        JsonElement e = get(keys);
        if (!e.isJsonObject()) throw wrongKind(keys, "an object");
        return new Fixtures(file, path(keys), e.getAsJsonObject());
    }

    /** Whether the whole path {@code keys} exists. */
    public boolean has(String... keys) {
        JsonElement e = json;
        for (String k : keys) {
            if (!e.isJsonObject() || !e.getAsJsonObject().has(k)) return false;
            e = e.getAsJsonObject().get(k);
        }
        return true;
    }

    /** The keys of the object at {@code keys} (of this node when empty), in file order. */
    public Set<String> keys(String... keys) {
        return new LinkedHashSet<>(keys.length == 0 ? json.keySet() : node(keys).json.keySet());
    }

    /** A matrix stored as an array of rows of numbers. */
    public DMatrixRMaj matrix(String... keys) {
        return toMatrix(get(keys), keys);
    }

    /** {@link #matrix} wrapped as a constant tensor. */
    public Tensor tensor(String... keys) {
        return Tensor.constant(matrix(keys));
    }

    /** {@link #matrix} wrapped as a parameter (a leaf whose gradient is kept). */
    public Tensor parameter(String... keys) {
        return Tensor.parameter(matrix(keys));
    }

    /** A list of matrices, e.g. per-step logits or per-head attention weights. */
    public List<DMatrixRMaj> matrices(String... keys) {
        JsonArray a = array(get(keys), keys, "a list of matrices");
        List<DMatrixRMaj> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) out.add(toMatrix(a.get(i), append(keys, "[" + i + "]")));
        return out;
    }

    /** A list of integers, e.g. valid lengths. */
    public int[] ints(String... keys) {
        JsonArray a = array(get(keys), keys, "a list of integers");
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = toInt(a.get(i), keys, "a list of integers");
        return out;
    }

    /** A matrix of integers, e.g. token ids (B×T) or a 0/1 mask. */
    public int[][] intMatrix(String... keys) {
        JsonArray rows = array(get(keys), keys, "an array of rows of integers");
        int[][] out = new int[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            JsonArray r = array(rows.get(i), keys, "an array of rows of integers");
            out[i] = new int[r.size()];
            for (int j = 0; j < r.size(); j++) out[i][j] = toInt(r.get(j), keys, "an array of rows of integers");
        }
        return out;
    }

    /** A 0/1 matrix as booleans: true where the stored value is 1 (valid / may attend). */
    public boolean[][] mask(String... keys) {
        int[][] m = intMatrix(keys);
        boolean[][] out = new boolean[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = new boolean[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                if (m[i][j] != 0 && m[i][j] != 1) throw wrongKind(keys, "a 0/1 mask");
                out[i][j] = m[i][j] == 1;
            }
        }
        return out;
    }

    /** A list of numbers. */
    public double[] doubles(String... keys) {
        JsonArray a = array(get(keys), keys, "a list of numbers");
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = toDouble(a.get(i), keys, "a list of numbers");
        return out;
    }

    /** A single number, e.g. a loss or eps. */
    public double scalar(String... keys) {
        return toDouble(get(keys), keys, "a number");
    }

    /** A single integer, e.g. a size from "config". */
    public int integer(String... keys) {
        return toInt(get(keys), keys, "an integer");
    }

    /** A string, e.g. "description". */
    public String text(String... keys) {
        JsonElement e = get(keys);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) throw wrongKind(keys, "a string");
        return e.getAsString();
    }

    @Override
    public String toString() {
        return "fixture " + file + (where.isEmpty() ? "" : " at '" + where + "'");
    }

    // ------------------------------------------------------------------ helpers

    private JsonElement get(String... keys) {
        if (keys.length == 0) throw new IllegalArgumentException(this + ": empty key path");
        JsonElement e = json;
        for (int i = 0; i < keys.length; i++) {
            String[] parent = Arrays.copyOf(keys, i);
            if (!e.isJsonObject()) throw wrongKind(parent, "an object (to look up '" + keys[i] + "')");
            JsonObject o = e.getAsJsonObject();
            if (!o.has(keys[i])) {
                String at = path(parent);
                throw new IllegalArgumentException("fixture " + file + ": missing key '" + path(Arrays.copyOf(keys, i + 1))
                        + "' (keys at '" + (at.isEmpty() ? "<root>" : at) + "': " + o.keySet() + ")");
            }
            e = o.get(keys[i]);
        }
        return e;
    }

    private DMatrixRMaj toMatrix(JsonElement e, String[] keys) {
        String kind = "a matrix (an array of equal-length rows of numbers)";
        JsonArray rows = array(e, keys, kind);
        if (rows.size() == 0) throw wrongKind(keys, kind + ", not []");
        int cols = -1;
        double[][] data = new double[rows.size()][];
        for (int i = 0; i < data.length; i++) {
            JsonArray r = array(rows.get(i), keys, kind);
            if (cols >= 0 && r.size() != cols)
                throw new IllegalArgumentException("fixture " + file + ": '" + path(keys) + "' is ragged: row " + i
                        + " has " + r.size() + " numbers, row 0 has " + cols);
            cols = r.size();
            data[i] = new double[cols];
            for (int j = 0; j < cols; j++) {
                if (r.get(j).isJsonArray()) throw wrongKind(keys, kind + " but deeper: a list of matrices? use matrices(...)");
                data[i][j] = toDouble(r.get(j), keys, kind);
            }
        }
        return new DMatrixRMaj(data);
    }

    private JsonArray array(JsonElement e, String[] keys, String kind) {
        if (!e.isJsonArray()) throw wrongKind(keys, kind);
        return e.getAsJsonArray();
    }

    private double toDouble(JsonElement e, String[] keys, String kind) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) throw wrongKind(keys, kind);
        return e.getAsDouble();
    }

    private int toInt(JsonElement e, String[] keys, String kind) {
        double v = toDouble(e, keys, kind);
        if (v != Math.rint(v)) throw wrongKind(keys, kind);
        return (int) v;
    }

    private IllegalArgumentException wrongKind(String[] keys, String kind) {
        return new IllegalArgumentException("fixture " + file + ": '" + path(keys) + "' is not " + kind);
    }

    private String path(String[] keys) {
        String rel = String.join(".", keys).replace(".[", "[");   // list elements: logits[2]
        return where.isEmpty() ? rel : rel.isEmpty() ? where : where + "." + rel;
    }

    private static String[] append(String[] keys, String last) {
        String[] out = Arrays.copyOf(keys, keys.length + 1);
        out[keys.length] = last;
        return out;
    }
}
