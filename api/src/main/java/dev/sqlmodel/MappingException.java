package dev.sqlmodel;

/** A model definition is invalid, or a class that is not a {@code @Table} model was used as one; the message names the class and field. */
public class MappingException extends SqlModelException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message. */
    public MappingException(String message) {
        super(message);
    }

    /** Creates the exception with a message and a cause. */
    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
