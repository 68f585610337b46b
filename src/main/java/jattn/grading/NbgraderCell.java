package jattn.grading;

/**
 * A cell's nbgrader markup ({@code metadata.nbgrader}, schema version 3), as nbgrader writes it:
 * <pre>
 *   solution  grade  kind
 *   true      false  a solution cell: the student writes code between // BEGIN SOLUTION and // END SOLUTION
 *   false     true   a test cell (autograded): {@code points} if it runs without an error, else 0
 *   true      true   a manually graded answer (not used by this course's homework)
 *   false     false  locked = true: a read-only cell (setup, instructions), restored from the source when grading
 * </pre>
 */
public record NbgraderCell(String gradeId, double points, boolean solution, boolean grade, boolean locked, int schemaVersion) {

    public static final int SCHEMA_VERSION = 3;

    /** A test cell: graded, not a solution. */
    public boolean isTest() { return grade && !solution; }

    /** A solution cell the student fills in. */
    public boolean isSolution() { return solution && !grade; }
}
