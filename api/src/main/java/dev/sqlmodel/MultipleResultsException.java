package dev.sqlmodel;

/** Thrown by {@link Results#one()} and {@link Results#oneOrNone()} when the query returned more than one row. */
public class MultipleResultsException extends SqlModelException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message. */
    public MultipleResultsException(String message) {
        super(message);
    }

    /** Creates the exception with a message and a cause. */
    public MultipleResultsException(String message, Throwable cause) {
        super(message, cause);
    }
}
