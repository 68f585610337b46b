package jattn.grading;

import org.ejml.simple.SimpleMatrix;

import java.util.Arrays;

/**
 * What homework test cells assert with, each failure a message that says what was expected and
 * what came: {@code jattn.grading.Checks.close(...)}. Test cells call it by its full name, so that
 * a student cell cannot put another {@code Checks} in its place. NaN is never close to anything.
 */
public final class Checks {

    private Checks() {}

    /** |expected − actual| ≤ tol. */
    public static void close(double expected, double actual, double tol, String what) {
        if (!(Math.abs(expected - actual) <= tol))
            throw new AssertionError(what + ": expected " + expected + ", got " + actual + " (tolerance " + tol + ")");
    }

    /** Same length and every entry close. */
    public static void close(double[] expected, double[] actual, double tol, String what) {
        if (actual == null) throw new AssertionError(what + ": got null");
        if (expected.length != actual.length)
            throw new AssertionError(what + ": expected " + expected.length + " values, got " + actual.length);
        for (int i = 0; i < expected.length; i++)
            if (!(Math.abs(expected[i] - actual[i]) <= tol))
                throw new AssertionError(what + ": at [" + i + "] expected " + expected[i] + ", got " + actual[i]
                        + " (expected " + Arrays.toString(expected) + ", got " + Arrays.toString(actual) + ")");
    }

    /** Same shape and every entry close. */
    public static void close(SimpleMatrix expected, SimpleMatrix actual, double tol, String what) {
        shape(expected.getNumRows(), expected.getNumCols(), actual, what);
        for (int i = 0; i < expected.getNumRows(); i++)
            for (int j = 0; j < expected.getNumCols(); j++)
                if (!(Math.abs(expected.get(i, j) - actual.get(i, j)) <= tol))
                    throw new AssertionError(what + ": at (" + i + ", " + j + ") expected " + expected.get(i, j) + ", got " + actual.get(i, j));
    }

    /** The matrix is (rows×cols). */
    public static void shape(int rows, int cols, SimpleMatrix actual, String what) {
        if (actual == null) throw new AssertionError(what + ": got null");
        if (actual.getNumRows() != rows || actual.getNumCols() != cols)
            throw new AssertionError(what + ": expected shape (" + rows + "×" + cols + "), got (" + actual.getNumRows() + "×" + actual.getNumCols() + ")");
    }

    /** Running {@code code} throws an exception of type {@code type}; a stub's UnsupportedOperationException does not count. */
    public static void throwsA(Class<? extends Throwable> type, Runnable code, String what) {
        try {
            code.run();
        } catch (UnsupportedOperationException e) {
            if (type != UnsupportedOperationException.class) throw e;
            return;
        } catch (Throwable t) {
            if (type.isInstance(t)) return;
            throw new AssertionError(what + ": expected " + type.getSimpleName() + ", got " + t, t);
        }
        throw new AssertionError(what + ": expected " + type.getSimpleName() + ", nothing was thrown");
    }
}
