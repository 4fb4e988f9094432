package dev.sqlmodel.jta;

import dev.sqlmodel.PoolStats;
import dev.sqlmodel.impl.engine.ConnectionSource;
import dev.sqlmodel.impl.engine.TransactionIntegration;
import java.sql.Connection;
import java.util.Objects;

/**
 * A connection source whose connections take part in JTA transactions: an Agroal pool with
 * Narayana's integration, or a container's JTA DataSource. Inside a transaction every
 * {@link #acquire()} returns a handle to the one connection the transaction enlisted; closing it
 * is deferred by the pool until the transaction completes.
 */
public final class EnlistedSource implements ConnectionSource {
    private final ConnectionSource pool;
    private final TransactionIntegration transactions;

    /** {@code pool}'s connections, joined to transactions through {@code transactions}. */
    public EnlistedSource(ConnectionSource pool, TransactionIntegration transactions) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /**
     * A connection; inside a transaction, the one it enlisted.
     *
     * @throws dev.sqlmodel.PoolExhaustedException when none became free within the acquire timeout
     * @throws dev.sqlmodel.SqlModelException when the database cannot be reached
     */
    @Override
    public Connection acquire() {
        return pool.acquire();
    }

    @Override
    public void release(Connection connection) {
        pool.release(connection);
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public PoolStats stats() {
        return pool.stats();
    }

    @Override
    public boolean keepsStatements() {
        return pool.keepsStatements();
    }

    @Override
    public TransactionIntegration transactions() {
        return transactions;
    }

    @Override
    public String toString() {
        return "EnlistedSource[" + pool + ", " + transactions + "]";
    }
}
