package dev.sqlmodel;

/** A savepoint inside a transaction, issued as SQL ({@code SAVEPOINT s}). */
public interface Savepoint {

    /**
     * Rolls back to this savepoint ({@code ROLLBACK TO SAVEPOINT}); what was added, loaded or
     * changed since is evicted from the session.
     *
     * @throws IllegalStateException when already released or rolled back
     */
    void rollback();

    /**
     * Releases the savepoint ({@code RELEASE SAVEPOINT}); its changes stay.
     *
     * @throws IllegalStateException when already released or rolled back
     */
    void release();
}
