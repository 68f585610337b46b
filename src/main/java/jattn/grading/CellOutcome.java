package jattn.grading;

/**
 * What happened when one cell ran in the agent, decided by the host from JShell's snippet events.
 * {@code output} is what the cell printed (capped); {@code problem} says what went wrong, or is
 * empty when {@code status} is {@link Status#OK}.
 */
public record CellOutcome(int cell, Status status, String problem, String output, double seconds) {

    public enum Status {
        /** Every snippet compiled and ran without an exception. */
        OK,
        /** A snippet did not compile (the compiler's message is the problem). */
        COMPILE_ERROR,
        /** A snippet threw, an assert failed included. */
        EXCEPTION,
        /** The cell ran past its time limit and its agent was killed. */
        TIMEOUT,
        /** The agent JVM ended during the cell (System.exit is refused, so: out of memory, or killed). */
        AGENT_DIED,
        /** The cell holds something the grader does not run (an unknown magic). */
        REFUSED
    }

    public boolean ok() { return status == Status.OK; }
}
