package jattn.grading;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Jupyter notebook (nbformat 4) read as JSON: its cells with their nbgrader markup. Everything
 * else in the file (notebook metadata, kernelspec, cell ids) is kept as it was, so a notebook
 * written back differs only where a cell was changed.
 *
 * <p>A file that is not JSON, or JSON that is not a notebook, gives a {@link NotebookFormatException}
 * naming the file and what is wrong; broken nbgrader markup names the cell too.
 */
public final class Notebook {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create(); // nbformat 4 requires a code cell's "execution_count": null

    private final String name;
    private final JsonObject json;
    private final List<Cell> cells;

    private Notebook(String name, JsonObject json) {
        this.name = name;
        this.json = json;
        this.cells = parseCells(name, json);
    }

    /** Reads {@code file}; throws {@link NotebookFormatException} if it is not a notebook. */
    public static Notebook read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new NotebookFormatException(file + ": cannot be read as UTF-8 text (" + e.getMessage() + ")", e);
        }
        return parse(file.toString(), text);
    }

    /** Parses a notebook's JSON text; {@code name} names it in error messages. */
    public static Notebook parse(String name, String text) {
        if (text.isBlank()) throw new NotebookFormatException(name + ": the file is empty, not a notebook");
        JsonElement root;
        try {
            root = com.google.gson.JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new NotebookFormatException(name + ": not valid JSON, so not a notebook (" + firstLine(e.getMessage()) + ")", e);
        }
        if (!root.isJsonObject() || !root.getAsJsonObject().has("cells") || !root.getAsJsonObject().get("cells").isJsonArray())
            throw new NotebookFormatException(name + ": valid JSON but not a Jupyter notebook (no \"cells\" array)");
        JsonObject o = root.getAsJsonObject();
        if (o.has("nbformat") && (!o.get("nbformat").isJsonPrimitive() || o.get("nbformat").getAsInt() != 4))
            throw new NotebookFormatException(name + ": nbformat " + o.get("nbformat") + ", expected 4");
        return new Notebook(name, o);
    }

    public String name() { return name; }

    public List<Cell> cells() { return cells; }

    /** The cell with nbgrader grade id {@code id}, if any. */
    public Optional<Cell> cell(String gradeId) {
        return cells.stream().filter(c -> c.nbgrader().map(n -> n.gradeId().equals(gradeId)).orElse(false)).findFirst();
    }

    /** The test cells (nbgrader grade = true, solution = false), in order. */
    public List<Cell> testCells() {
        return cells.stream().filter(c -> c.nbgrader().map(NbgraderCell::isTest).orElse(false)).toList();
    }

    /** A copy whose cells are {@code newCells}: same count and order expected only by the caller; sources and nbgrader metadata are written from them. */
    public Notebook withCells(List<Cell> newCells) {
        JsonObject copy = json.deepCopy();
        JsonArray oldArray = copy.getAsJsonArray("cells");
        JsonArray array = new JsonArray();
        for (Cell c : newCells) {
            JsonObject cell = c.number() >= 1 && c.number() <= oldArray.size()
                    ? oldArray.get(c.number() - 1).getAsJsonObject().deepCopy() : newCell(c.type());
            cell.addProperty("cell_type", c.type());
            cell.add("source", sourceLines(c.source()));
            if (c.isCode()) {
                cell.add("outputs", new JsonArray());
                cell.add("execution_count", com.google.gson.JsonNull.INSTANCE);
            }
            JsonObject meta = cell.has("metadata") && cell.get("metadata").isJsonObject() ? cell.getAsJsonObject("metadata") : new JsonObject();
            c.nbgrader().ifPresentOrElse(n -> meta.add("nbgrader", nbgraderJson(n)), () -> meta.remove("nbgrader"));
            cell.add("metadata", meta);
            array.add(cell);
        }
        copy.add("cells", array);
        return new Notebook(name, copy);
    }

    /** Writes the notebook as JSON (one source line per string, as Jupyter does), atomically: a reader never sees half a file. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".tmp-", ".ipynb");
        Files.writeString(tmp, GSON.toJson(json) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The JSON text of the notebook. */
    public String toJson() { return GSON.toJson(json) + "\n"; }

    private static List<Cell> parseCells(String name, JsonObject json) {
        List<Cell> out = new ArrayList<>();
        JsonArray array = json.getAsJsonArray("cells");
        for (int i = 0; i < array.size(); i++) {
            int number = i + 1;
            if (!array.get(i).isJsonObject()) throw new NotebookFormatException(name + ", cell " + number + ": not a JSON object");
            JsonObject c = array.get(i).getAsJsonObject();
            String type = c.has("cell_type") && c.get("cell_type").isJsonPrimitive() ? c.get("cell_type").getAsString() : null;
            if (type == null) throw new NotebookFormatException(name + ", cell " + number + ": no cell_type");
            out.add(new Cell(number, type, source(name, number, c.get("source")), nbgrader(name, number, c)));
        }
        return List.copyOf(out);
    }

    private static String source(String name, int number, JsonElement source) {
        if (source == null || source.isJsonNull()) return "";
        if (source.isJsonPrimitive()) return source.getAsString();
        if (source.isJsonArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonElement line : source.getAsJsonArray()) {
                if (!line.isJsonPrimitive()) throw new NotebookFormatException(name + ", cell " + number + ": a source line is not a string");
                sb.append(line.getAsString());
            }
            return sb.toString();
        }
        throw new NotebookFormatException(name + ", cell " + number + ": source is neither a string nor a list of strings");
    }

    private static Optional<NbgraderCell> nbgrader(String name, int number, JsonObject cell) {
        if (!cell.has("metadata") || !cell.get("metadata").isJsonObject()) return Optional.empty();
        JsonElement n = cell.getAsJsonObject("metadata").get("nbgrader");
        if (n == null || n.isJsonNull()) return Optional.empty();
        String where = name + ", cell " + number + ": nbgrader metadata ";
        if (!n.isJsonObject()) throw new NotebookFormatException(where + "is not an object");
        JsonObject o = n.getAsJsonObject();
        try {
            boolean solution = flag(o, "solution"), grade = flag(o, "grade"), locked = flag(o, "locked");
            String id = o.has("grade_id") ? o.get("grade_id").getAsString() : null;
            if ((solution || grade) && (id == null || id.isBlank())) throw new NotebookFormatException(where + "has no grade_id");
            double points = o.has("points") ? o.get("points").getAsDouble() : 0;
            if (points < 0 || Double.isNaN(points) || Double.isInfinite(points)) throw new NotebookFormatException(where + "has points " + points);
            int schema = o.has("schema_version") ? o.get("schema_version").getAsInt() : NbgraderCell.SCHEMA_VERSION;
            return Optional.of(new NbgraderCell(id == null ? "cell-" + number : id, points, solution, grade, locked, schema));
        } catch (ClassCastException | IllegalStateException | NumberFormatException | UnsupportedOperationException e) {
            throw new NotebookFormatException(where + "has a field of the wrong type (" + e.getMessage() + ")", e);
        }
    }

    private static boolean flag(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() && o.get(key).getAsBoolean();
    }

    private static JsonObject nbgraderJson(NbgraderCell n) {
        JsonObject o = new JsonObject();
        o.addProperty("grade", n.grade());
        o.addProperty("grade_id", n.gradeId());
        o.addProperty("locked", n.locked());
        if (n.grade()) o.addProperty("points", n.points());
        o.addProperty("schema_version", n.schemaVersion());
        o.addProperty("solution", n.solution());
        return o;
    }

    private static JsonObject newCell(String type) {
        JsonObject o = new JsonObject();
        o.addProperty("cell_type", type);
        o.add("metadata", new JsonObject());
        return o;
    }

    private static JsonArray sourceLines(String source) {
        JsonArray lines = new JsonArray();
        int start = 0;
        for (int i = 0; i < source.length(); i++)
            if (source.charAt(i) == '\n') { lines.add(new JsonPrimitive(source.substring(start, i + 1))); start = i + 1; }
        if (start < source.length()) lines.add(new JsonPrimitive(source.substring(start)));
        return lines;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
