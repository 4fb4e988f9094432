package dev.sqlmodel.impl.engine;

import dev.sqlmodel.PoolStats;
import dev.sqlmodel.SqlModelException;
import java.sql.Connection;

/**
 * Where an engine gets its connections. Two implementations ship here ({@link AgroalSource}, a
 * pool the engine creates, and {@link DataSourceSource}, a container's DataSource); a JTA-aware
 * source plugs in by implementing this interface and passing it to
 * {@link EngineImpl#create(ConnectionSource, java.util.List, SqlLog)}.
 */
public interface ConnectionSource {

    /**
     * A connection, ready for use, in auto-commit mode.
     *
     * @throws dev.sqlmodel.PoolExhaustedException when none became free within the acquire timeout
     * @throws SqlModelException when the database cannot be reached
     */
    Connection acquire();

    /** Gives {@code connection} back; close errors are logged, never thrown. */
    void release(Connection connection);

    /** Closes what this source owns; a container's DataSource is left open. Never throws. */
    void close();

    /** The pool's counters now. */
    PoolStats stats();

    /**
     * Whether sessions may prepare statements on the driver's connection behind the pool's
     * handle and keep them across checkouts: true for a pool the library owns, false for a
     * container's DataSource, whose wrappers the library leaves alone.
     */
    default boolean keepsStatements() {
        return false;
    }

    /**
     * How sessions over this source's connections take part in global transactions; by default
     * they do not ({@link TransactionIntegration#none()}). A source whose connections are
     * enlisted in JTA transactions returns the matching integration.
     */
    default TransactionIntegration transactions() {
        return TransactionIntegration.none();
    }
}
