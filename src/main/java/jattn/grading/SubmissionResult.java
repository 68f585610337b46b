package jattn.grading;

import java.util.List;

/**
 * The grade of one submission: its tests, total, and, if it could not be graded at all (not a
 * notebook, an agent that would not start), {@code error}, with every test at 0. {@code sha256}
 * identifies the file graded, so a later run knows whether it changed. {@code notes} lists what the
 * grader undid or refused (a student cell that redefined a name the tests use).
 */
public record SubmissionResult(String student, String assignment, String file, String sha256, List<TestResult> tests,
                               double total, double maxPoints, String error, List<String> notes,
                               double seconds, String gradedAt) {

    public boolean graded() { return error == null || error.isEmpty(); }

    /** Points of one question. */
    public double points(String question) {
        return tests.stream().filter(t -> t.question().equals(question)).mapToDouble(TestResult::points).sum();
    }
}
