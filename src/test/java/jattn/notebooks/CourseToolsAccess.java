package jattn.notebooks;

/** CourseTools' checks for tests in other packages (the homework's). */
public final class CourseToolsAccess {
    private CourseToolsAccess() {}

    /** Fails with what to install if Jupyter or the java kernel is missing. */
    public static void requireJupyterAndKernel() { CourseTools.requireJupyterAndKernel(); }
}
