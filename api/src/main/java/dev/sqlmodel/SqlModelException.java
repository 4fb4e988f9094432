package dev.sqlmodel;

import java.sql.SQLException;

/**
 * Base of every exception this library throws. When it wraps a {@link SQLException} it
 * carries the SQL text that failed and the SQLSTATE the database reported.
 */
public class SqlModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String sql;
    private final String sqlState;

    /** Creates an exception with a message only. */
    public SqlModelException(String message) {
        this(message, null, null, null);
    }

    /** Creates an exception with a message and a cause. */
    public SqlModelException(String message, Throwable cause) {
        this(message, cause, null, null);
    }

    /** Creates an exception for a failed statement: {@code sql} and {@code sqlState} may be null. */
    public SqlModelException(String message, Throwable cause, String sql, String sqlState) {
        super(message, cause);
        this.sql = sql;
        this.sqlState = sqlState;
    }

    /** The SQL text that failed, or null when no statement was involved. */
    public String sql() {
        return sql;
    }

    /** The SQLSTATE the database reported, or null. */
    public String sqlState() {
        return sqlState;
    }

    /** The vendor error code of the wrapped {@link SQLException}, or 0. */
    public int vendorCode() {
        return getCause() instanceof SQLException e ? e.getErrorCode() : 0;
    }
}
