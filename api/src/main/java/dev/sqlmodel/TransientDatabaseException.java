package dev.sqlmodel;

/**
 * A failure worth a retry: the database gave up on the transaction, or lost the connection, for
 * reasons that have nothing to do with the work itself, and running the same work again in a new
 * transaction is expected to succeed. {@link Engine#transaction(java.util.function.Function)}
 * retries on it; every other {@link SqlModelException} is a bug or a bad value and is not retried.
 *
 * <p>What counts as transient ({@link #reason()}):
 * <ul>
 *   <li>{@link Reason#CONNECTION_LOST}: SQLSTATE class {@code 08} (connection exception) on every
 *       driver, PostgreSQL's {@code 57P01}-{@code 57P03} (server shutting down or starting up,
 *       connection terminated by an administrator), MySQL/MariaDB's "server shutdown" and
 *       "connection killed" errors (1053, 1927);</li>
 *   <li>{@link Reason#SERIALIZATION_FAILURE}: SQLSTATE {@code 40001} (PostgreSQL's
 *       {@code SERIALIZABLE} and {@code REPEATABLE READ} conflicts);</li>
 *   <li>{@link Reason#DEADLOCK}: SQLSTATE {@code 40P01} on PostgreSQL, error 1213 on
 *       MySQL/MariaDB;</li>
 *   <li>{@link Reason#LOCK_TIMEOUT}: SQLSTATE {@code 55P03} on PostgreSQL ({@code lock_timeout},
 *       {@code NOWAIT}), error 1205 on MySQL/MariaDB ({@code innodb_lock_wait_timeout});</li>
 *   <li>{@link Reason#BUSY}: SQLite's {@code SQLITE_BUSY} once its busy timeout has run out.</li>
 * </ul>
 * In each case the database has rolled back the statement or the whole transaction; the
 * session that saw it should be rolled back or closed, never committed.
 */
public class TransientDatabaseException extends SqlModelException {
    private static final long serialVersionUID = 1L;

    /** Why a failure is transient. */
    public enum Reason {
        /** The connection was lost, or could not be opened, while the server restarts or fails over. */
        CONNECTION_LOST,
        /** The database could not serialize the transaction with concurrent ones (SQLSTATE 40001). */
        SERIALIZATION_FAILURE,
        /** The transaction was chosen as the victim of a deadlock. */
        DEADLOCK,
        /** A lock could not be taken in time (or at once, with {@code NOWAIT}). */
        LOCK_TIMEOUT,
        /** SQLite's database file stayed locked by another connection past the busy timeout. */
        BUSY
    }

    private final Reason reason;

    /**
     * Creates the exception for a failed statement; {@code sql} and {@code sqlState} may be null.
     *
     * @throws NullPointerException when {@code reason} is null
     */
    public TransientDatabaseException(String message, Throwable cause, String sql, String sqlState, Reason reason) {
        super(message, cause, sql, sqlState);
        this.reason = java.util.Objects.requireNonNull(reason, "reason");
    }

    /** Why this failure is worth a retry. */
    public Reason reason() {
        return reason;
    }
}
