package dev.sqlmodel;

/** An unloaded relationship was accessed after its session closed; the message names the model and field. */
public class NotLoadedException extends SqlModelException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message. */
    public NotLoadedException(String message) {
        super(message);
    }

    /** Creates the exception with a message and a cause. */
    public NotLoadedException(String message, Throwable cause) {
        super(message, cause);
    }
}
