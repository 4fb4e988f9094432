package dev.sqlmodel;

import java.sql.Connection;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A unit of work: an identity map (one instance per primary key), pending inserts, updates
 * and deletes written at {@link #flush()}, and a transaction begun at the first write (a flush
 * with pending work, {@link #execute}, a locking or writing query, a savepoint) or by
 * {@link #begin()}. Reads before it run in auto-commit and hold no connection between
 * statements. Not thread-safe; one per request or task. Closing it rolls back what was not
 * committed.
 */
public interface Session extends AutoCloseable {

    /**
     * Adds a new model (INSERT at flush) or attaches a detached one; returns the same instance.
     *
     * @throws MappingException when the class is not a {@code @Table} model
     * @throws IllegalArgumentException for a record whose generated key is null
     */
    <M> M add(M model);

    /** Adds every model of {@code models}. */
    void addAll(Iterable<?> models);

    /**
     * Marks a model for deletion at flush.
     *
     * @throws MappingException when the class is not a {@code @Table} model
     */
    void delete(Object model);

    /**
     * Writes pending changes: validates every new or changed model first, then inserts,
     * updates and deletes in foreign-key order. On failure the database and the pending
     * state are as before the flush.
     *
     * @throws jakarta.validation.ConstraintViolationException when a model is invalid
     * @throws IntegrityException when a constraint is violated
     * @throws StaleObjectException when a version check fails
     */
    void flush();

    /**
     * Flushes and commits the current transaction. Instances stay attached with their values.
     *
     * @throws IllegalStateException under JTA
     * @throws SqlModelException when the flush or commit fails (the transaction is rolled back)
     */
    void commit();

    /**
     * Rolls back the current transaction and empties the session (every instance detached).
     *
     * @throws IllegalStateException under JTA
     */
    void rollback();

    /**
     * Reloads a model's columns from the database, discarding unflushed changes to it.
     *
     * @throws NoResultException when its row no longer exists
     */
    <M> void refresh(M model);

    /**
     * The model with primary key {@code id} ({@link Key} for composite keys): from the
     * identity map when present, else from the database.
     *
     * @throws MappingException when the class is not a model or the key has the wrong arity
     */
    <M> Optional<M> get(Class<M> type, Object id);

    /**
     * Inserts or updates the model now and returns the stored instance (for a record, a new
     * instance carrying generated values).
     *
     * @throws jakarta.validation.ConstraintViolationException when the model is invalid; nothing
     *     of it is left in the session
     */
    <M> M save(M model);

    /** Whether the instance is attached to this session. */
    boolean contains(Object model);

    /** Detaches one instance; its pending changes are dropped. */
    void evict(Object model);

    /** Detaches every instance and drops every pending change. */
    void clear();

    /**
     * Runs a query after flushing pending changes.
     *
     * @throws SqlModelException when the query fails
     */
    <R> Results<R> exec(Query<R> query);

    /**
     * Runs a statement after flushing pending changes and returns the affected row count.
     *
     * @throws SqlModelException when the statement fails
     */
    long execute(Statement statement);

    /**
     * Begins a transaction explicitly.
     *
     * @throws IllegalStateException when a transaction is already open, or under JTA
     */
    Transaction begin();

    /**
     * Begins a transaction with an isolation level.
     *
     * @throws IllegalStateException when a transaction is already open, or under JTA
     */
    Transaction begin(IsolationLevel isolation);

    /** Flushes and sets a savepoint in the current transaction (beginning one if needed). */
    Savepoint savepoint();

    /**
     * Runs {@code body} inside a savepoint: released when it returns, rolled back (and what it
     * added, loaded or changed evicted) when it throws; the exception is rethrown.
     */
    <T> T nested(Supplier<T> body);

    /** {@link #nested(Supplier)} for a body without result. */
    void nested(Runnable body);

    /** Loads {@code rel} for every owner in one query per relationship level. */
    <M> void load(Iterable<M> owners, RelationshipRef<M, ?> rel);

    /** The dialect of this session's database. */
    Dialect dialect();

    /**
     * The JDBC connection of the session: the transaction's when one is open; otherwise one
     * checked out now, in auto-commit, without beginning anything. It stays with the session
     * until the session closes (a later write begins the transaction on it). Do not close it.
     *
     * @throws IllegalStateException when the session is closed
     * @throws PoolExhaustedException when no connection became free in time
     * @throws SqlModelException when the database cannot be reached
     */
    Connection connection();

    /** Rolls back what was not committed and releases the connection. */
    @Override
    void close();
}
