package jattn.grading;

import java.util.Optional;

/**
 * One cell of a notebook: its kind ({@code code} or {@code markdown}), its source, and its
 * nbgrader markup if it has any. {@code number} counts the notebook's cells from 1, as the
 * error messages and the feedback name them.
 */
public record Cell(int number, String type, String source, Optional<NbgraderCell> nbgrader) {

    public boolean isCode() { return "code".equals(type); }

    /** The cell with another source, the rest kept. */
    public Cell withSource(String newSource) { return new Cell(number, type, newSource, nbgrader); }

    /** The grade id if the cell has nbgrader markup, else "cell N". */
    public String label() {
        return nbgrader.map(NbgraderCell::gradeId).orElse("cell " + number);
    }
}
