package jattn.grading;

/** A file that is not a Jupyter notebook, or a notebook whose nbgrader markup is broken; the message names the file (and the cell). */
public final class NotebookFormatException extends RuntimeException {
    public NotebookFormatException(String message) { super(message); }
    public NotebookFormatException(String message, Throwable cause) { super(message, cause); }
}
