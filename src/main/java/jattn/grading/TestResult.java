package jattn.grading;

/**
 * One graded test cell of one submission. {@code message} says why it failed; for a cell with
 * hidden tests, a failure in the hidden part says only that a hidden test failed, and
 * {@code output} is empty, so that neither the feedback nor results.json shows hidden code or output.
 */
public record TestResult(String gradeId, String question, double points, double maxPoints, boolean passed,
                         boolean hasHidden, String message, String output) {}
