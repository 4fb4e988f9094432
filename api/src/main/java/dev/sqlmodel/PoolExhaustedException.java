package dev.sqlmodel;

/** No connection became free within the pool's {@code acquireTimeout}. */
public class PoolExhaustedException extends SqlModelException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message. */
    public PoolExhaustedException(String message) {
        super(message);
    }

    /** Creates the exception with a message and a cause. */
    public PoolExhaustedException(String message, Throwable cause) {
        super(message, cause);
    }
}
