package jattn.grading;

import java.util.ArrayList;
import java.util.List;

/**
 * nbgrader's region markers, written as Java comments:
 * <pre>
 *   // BEGIN SOLUTION          in a solution cell: the instructor's answer, which release replaces by
 *   ...                          // YOUR CODE HERE
 *   // END SOLUTION              throw new UnsupportedOperationException("...: not written yet");
 *
 *   // BEGIN HIDDEN TESTS      in a test cell: tests run only when grading; release removes them
 *   ...
 *   // END HIDDEN TESTS
 * </pre>
 * Each marker stands alone on its line; the stub keeps the marker's indentation. A region that
 * is opened and not closed, closed and not opened, or nested, is an error that names the cell and line.
 */
public final class Markers {

    static final String BEGIN_SOLUTION = "// BEGIN SOLUTION", END_SOLUTION = "// END SOLUTION";
    static final String BEGIN_HIDDEN = "// BEGIN HIDDEN TESTS", END_HIDDEN = "// END HIDDEN TESTS";

    private Markers() {}

    /** The cell's source with every solution region replaced by the stub. */
    public static String stubSolutions(String where, String source, String question) {
        StringBuilder out = new StringBuilder();
        boolean inside = false;
        int lineNo = 0, opened = 0;
        for (String line : lines(source)) {
            lineNo++;
            String t = line.strip();
            if (t.equals(BEGIN_SOLUTION)) {
                if (inside) throw new NotebookFormatException(where + ", line " + lineNo + ": " + BEGIN_SOLUTION + " inside another solution region (opened at line " + opened + ")");
                inside = true;
                opened = lineNo;
                String indent = line.substring(0, line.indexOf('/'));
                out.append(indent).append("// YOUR CODE HERE\n")
                        .append(indent).append("throw new UnsupportedOperationException(\"").append(question).append(": not written yet\");\n");
            } else if (t.equals(END_SOLUTION)) {
                if (!inside) throw new NotebookFormatException(where + ", line " + lineNo + ": " + END_SOLUTION + " without " + BEGIN_SOLUTION);
                inside = false;
            } else if (!inside) {
                out.append(line);
            }
        }
        if (inside) throw new NotebookFormatException(where + ", line " + opened + ": " + BEGIN_SOLUTION + " is never closed by " + END_SOLUTION);
        return out.toString();
    }

    /** Whether the source has a solution region. */
    public static boolean hasSolution(String source) {
        return lines(source).stream().anyMatch(l -> l.strip().equals(BEGIN_SOLUTION));
    }

    /** A test cell cut in two: what the student sees, and the hidden tests (empty if none). */
    public record TestParts(String visible, String hidden) {
        public boolean hasHidden() { return !hidden.isBlank(); }
    }

    /** Splits a test cell at its hidden-test regions. */
    public static TestParts splitTests(String where, String source) {
        StringBuilder visible = new StringBuilder(), hidden = new StringBuilder();
        boolean inside = false;
        int lineNo = 0, opened = 0;
        for (String line : lines(source)) {
            lineNo++;
            String t = line.strip();
            if (t.equals(BEGIN_HIDDEN)) {
                if (inside) throw new NotebookFormatException(where + ", line " + lineNo + ": " + BEGIN_HIDDEN + " inside another hidden region (opened at line " + opened + ")");
                inside = true;
                opened = lineNo;
            } else if (t.equals(END_HIDDEN)) {
                if (!inside) throw new NotebookFormatException(where + ", line " + lineNo + ": " + END_HIDDEN + " without " + BEGIN_HIDDEN);
                inside = false;
            } else {
                (inside ? hidden : visible).append(line);
            }
        }
        if (inside) throw new NotebookFormatException(where + ", line " + opened + ": " + BEGIN_HIDDEN + " is never closed by " + END_HIDDEN);
        return new TestParts(visible.toString(), hidden.toString());
    }

    /** Lines with their line ends (the last may lack one). */
    static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++)
            if (s.charAt(i) == '\n') { out.add(s.substring(start, i + 1)); start = i + 1; }
        if (start < s.length()) out.add(s.substring(start) + "\n");
        return out;
    }
}
