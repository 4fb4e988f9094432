package dev.sqlmodel;

/** Thrown by {@link Results#one()} when the query returned no row. */
public class NoResultException extends SqlModelException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message. */
    public NoResultException(String message) {
        super(message);
    }

    /** Creates the exception with a message and a cause. */
    public NoResultException(String message, Throwable cause) {
        super(message, cause);
    }
}
