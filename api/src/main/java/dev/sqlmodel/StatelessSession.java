package dev.sqlmodel;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A session without memory: no identity map, no snapshots, no pending work. Every query returns
 * fresh instances, and every write is sent when it is called, after Bean Validation, with the
 * exceptions a {@link Session#flush()} throws. Relationships are loaded only by
 * {@code select(...).fetch(...)} (one query per level, batched); touching an unloaded one throws
 * {@link NotLoadedException}.
 *
 * <p>Outside {@link #transaction(Supplier)} each call is its own auto-commit statement (a call
 * that writes several statements, such as {@link #insertAll}, runs them in one transaction of
 * its own); inside it, or while a JTA transaction is active on the thread, calls share that
 * transaction. Not thread-safe; open one per task with {@link Engine#stateless()}.
 */
public interface StatelessSession extends AutoCloseable {

    /**
     * The row with primary key {@code id} ({@link Key} for composite keys), read now, as a new instance.
     *
     * @throws MappingException when the class is not a model or the key has the wrong arity
     * @throws SqlModelException when the query fails
     */
    <M> Optional<M> get(Class<M> type, Object id);

    /**
     * Runs a query; each result is a new instance. {@code Results.stream()} reads through a cursor.
     *
     * @throws SqlModelException when the query fails
     */
    <R> Results<R> exec(Query<R> query);

    /**
     * Runs a statement and returns the affected row count.
     *
     * @throws SqlModelException when the statement fails
     */
    long execute(Statement statement);

    /**
     * Inserts one model now and sets its generated values (key, defaults) on it; returns the
     * stored instance (for a record, a new record carrying them).
     *
     * @throws jakarta.validation.ConstraintViolationException when the model is invalid (nothing is written)
     * @throws IntegrityException when a constraint is violated
     * @throws MappingException when the class is not a {@code @Table} model
     */
    <M> M insert(M model);

    /**
     * Inserts every model now, as multi-row INSERTs, in one transaction: all of them or, on any
     * failure, none (generated values set on earlier rows are put back). Returns the stored
     * instances in order (records replaced by copies carrying generated values).
     *
     * @throws jakarta.validation.ConstraintViolationException when a model is invalid (nothing is written)
     * @throws IntegrityException when a constraint is violated (nothing is written)
     * @throws MappingException when a class is not a {@code @Table} model
     */
    <M> List<M> insertAll(Iterable<? extends M> models);

    /**
     * Writes every column of the model by its primary key; a {@link Version} field is checked and
     * incremented. Returns the stored instance (for a versioned record, a copy with the new version).
     *
     * @throws jakarta.validation.ConstraintViolationException when the model is invalid
     * @throws StaleObjectException when the row is gone or its version no longer matches
     * @throws IntegrityException when a constraint is violated
     * @throws IllegalArgumentException when the model has no primary key value
     */
    <M> M update(M model);

    /**
     * Inserts the model, or updates every column of the row with its primary key when there is
     * one ({@code INSERT ... ON CONFLICT (key) DO UPDATE}; MySQL/MariaDB: {@code ON DUPLICATE KEY
     * UPDATE}, where any unique key counts). A {@link Version} field is written as it is, not
     * checked. Returns the stored instance.
     *
     * @throws jakarta.validation.ConstraintViolationException when the model is invalid
     * @throws IntegrityException when a constraint is violated
     */
    <M> M upsert(M model);

    /**
     * Deletes the model's row by primary key, without cascades (the database's {@code ON DELETE}
     * still applies). Returns whether a row was deleted.
     *
     * @throws StaleObjectException when the model is versioned and its version no longer matches
     * @throws IntegrityException when a foreign key refuses the delete
     * @throws IllegalArgumentException when the model has no primary key value
     */
    boolean delete(Object model);

    /**
     * Reads the model's columns again from its row, in place.
     *
     * @throws NoResultException when the row no longer exists
     * @throws UnsupportedOperationException for a record (immutable: {@link #get} it again)
     */
    <M> void refresh(M model);

    /**
     * Runs {@code body} in one local transaction: committed when it returns, rolled back when it
     * throws (the exception is rethrown). Inside an active JTA transaction, or inside another
     * {@code transaction(...)} of this session, the body joins the running transaction.
     *
     * @throws SqlModelException when the commit fails (the transaction is rolled back)
     */
    <T> T transaction(Supplier<T> body);

    /**
     * {@link #transaction(Supplier)} for a body without result.
     *
     * @throws SqlModelException when the commit fails (the transaction is rolled back)
     */
    void transaction(Runnable body);

    /**
     * The JDBC connection this session uses: the transaction's inside {@link #transaction}, the
     * enlisted one under JTA, else one checked out now and kept (in auto-commit mode) until the
     * session closes, which later calls use too.
     *
     * @throws IllegalStateException when the session is closed
     * @throws PoolExhaustedException when no connection became free in time
     * @throws SqlModelException when the database cannot be reached
     */
    Connection connection();

    /** The dialect of this session's database. */
    Dialect dialect();

    /** Releases the connection kept by {@link #connection()}; open streams of this session are closed. */
    @Override
    void close();
}
