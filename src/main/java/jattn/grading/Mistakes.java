package jattn.grading;

import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An assignment's common mistakes ({@code homework/mistakes/<assignment>.json}): each is a wrong
 * version of one solution cell and the test cells that must catch it. The tests grade every
 * variant; the grading benchmark builds a class of submissions from them.
 */
public record Mistakes(List<Mistake> all) {

    /** A wrong {@code source} for the solution cell {@code cell}; the tests {@code mustFail} must fail. */
    public record Mistake(String name, String cell, String source, List<String> mustFail) {}

    public static Mistakes read(Path file) throws IOException {
        try {
            List<Mistake> list = Results.GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), new TypeToken<List<Mistake>>() {}.getType());
            if (list == null) throw new IOException(file + ": empty");
            return new Mistakes(List.copyOf(list));
        } catch (JsonParseException e) {
            throw new IOException(file + ": not a list of mistakes (" + e.getMessage() + ")", e);
        }
    }

    /** The source notebook with the solution cells as given, except {@code cell} replaced by {@code source}. */
    public static Notebook apply(Notebook notebook, String cell, String source) {
        List<Cell> cells = new ArrayList<>();
        boolean found = false;
        for (Cell c : notebook.cells()) {
            boolean hit = c.nbgrader().map(n -> n.gradeId().equals(cell)).orElse(false);
            found |= hit;
            cells.add(hit ? c.withSource(source) : c);
        }
        if (!found) throw new IllegalArgumentException(notebook.name() + " has no cell " + cell);
        return notebook.withCells(cells);
    }
}
