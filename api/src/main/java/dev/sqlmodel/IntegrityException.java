package dev.sqlmodel;

/**
 * A constraint of the database was violated: unique, foreign key, NOT NULL or CHECK
 * (SQLSTATE class 23, SQLite constraint codes).
 */
public class IntegrityException extends SqlModelException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for a failed statement. */
    public IntegrityException(String message, Throwable cause, String sql, String sqlState) {
        super(message, cause, sql, sqlState);
    }

    /** Creates the exception with a message only. */
    public IntegrityException(String message) {
        super(message);
    }
}
