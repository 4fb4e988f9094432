package dev.sqlmodel.schema;

import dev.sqlmodel.SqlModelException;

/**
 * A migration was refused or failed: an applied file was edited, a migration's statement
 * failed, or there was nothing to write. The message names the file (and the statement).
 */
public class MigrationException extends SqlModelException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message only. */
    public MigrationException(String message) {
        super(message);
    }

    /** Creates an exception with a message and a cause. */
    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates an exception for the failed statement {@code sql}. */
    public MigrationException(String message, Throwable cause, String sql, String sqlState) {
        super(message, cause, sql, sqlState);
    }
}
