package dev.sqlmodel;

/** A local transaction begun with {@link Session#begin()}; closing it uncommitted rolls it back. */
public interface Transaction extends AutoCloseable {

    /**
     * Flushes and commits.
     *
     * @throws IllegalStateException when the transaction is no longer active
     * @throws SqlModelException when the flush or the commit fails (the transaction is rolled back)
     */
    void commit();

    /**
     * Rolls back; the session is emptied.
     *
     * @throws IllegalStateException when the transaction is no longer active
     */
    void rollback();

    /**
     * Flushes and sets a savepoint.
     *
     * @throws IllegalStateException when the transaction is no longer active
     */
    Savepoint savepoint();

    /** Whether the transaction is still open. */
    boolean isActive();

    /** Rolls back if still active. */
    @Override
    void close();
}
