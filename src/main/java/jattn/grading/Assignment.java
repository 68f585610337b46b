package jattn.grading;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An assignment's source notebook, the instructor's: solutions between {@code // BEGIN SOLUTION}
 * and {@code // END SOLUTION}, visible and hidden tests, nbgrader markup on every graded cell.
 * Its test cells and locked cells are the truth when grading: a submission's copies of them are
 * ignored. A test cell's question is its {@code grade_id} up to the first underscore
 * ({@code q2_scaled_by_sqrt_d} belongs to {@code q2}); a question's points are the sum of its test cells'.
 */
public final class Assignment {

    private final String name;
    private final Notebook source;
    private final Map<String, Double> questions = new LinkedHashMap<>();

    private Assignment(String name, Notebook source) {
        this.name = name;
        this.source = source;
        Set<String> ids = new HashSet<>();
        for (Cell c : source.cells()) {
            if (c.nbgrader().isEmpty()) continue;
            NbgraderCell n = c.nbgrader().get();
            String where = source.name() + ", cell " + c.number() + " (" + n.gradeId() + ")";
            if ((n.grade() || n.solution() || n.locked()) && !ids.add(n.gradeId()))
                throw new NotebookFormatException(where + ": grade_id used twice");
            if (n.solution() && n.grade())
                throw new NotebookFormatException(where + ": manually graded answers (solution and grade both true) are not autograded");
            if (n.isTest()) {
                if (n.points() <= 0) throw new NotebookFormatException(where + ": a test cell needs points > 0");
                if (!c.isCode()) throw new NotebookFormatException(where + ": a test cell must be a code cell");
                Markers.splitTests(where, c.source());                 // checks the markers
                questions.merge(question(n.gradeId()), n.points(), Double::sum);
            }
            if (n.isSolution()) Markers.stubSolutions(where, c.source(), question(n.gradeId()));
        }
        if (questions.isEmpty()) throw new NotebookFormatException(source.name() + ": no test cells (nbgrader grade = true), nothing to grade");
    }

    /** Reads and checks a source notebook; the assignment is named after the file (without .ipynb). */
    public static Assignment read(Path sourceNotebook) {
        String file = sourceNotebook.getFileName().toString();
        return new Assignment(file.endsWith(".ipynb") ? file.substring(0, file.length() - 6) : file, Notebook.read(sourceNotebook));
    }

    public String name() { return name; }

    public Notebook source() { return source; }

    /** Questions in notebook order with their points. */
    public Map<String, Double> questions() { return Map.copyOf(questions); }

    /** Question ids in notebook order. */
    public List<String> questionOrder() { return List.copyOf(questions.keySet()); }

    public double maxPoints() { return questions.values().stream().mapToDouble(Double::doubleValue).sum(); }

    /** The question a grade id belongs to: the id up to its first underscore. */
    public static String question(String gradeId) {
        int u = gradeId.indexOf('_');
        return u < 0 ? gradeId : gradeId.substring(0, u);
    }
}
