package dev.sqlmodel;

/** A {@link Version} check failed: the row was changed or deleted by someone else; nothing of that flush was written. */
public class StaleObjectException extends SqlModelException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message. */
    public StaleObjectException(String message) {
        super(message);
    }

    /** Creates the exception with a message and a cause. */
    public StaleObjectException(String message, Throwable cause) {
        super(message, cause);
    }
}
