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
    private final String lastResource;

    /** {@code pool}'s connections, joined to transactions through {@code transactions}. */
    public EnlistedSource(ConnectionSource pool, TransactionIntegration transactions) {
        this(pool, transactions, null);
    }

    /**
     * {@code pool}'s connections, joined to transactions through {@code transactions}; with a
     * {@code lastResource} name, the pool is not XA and joins a transaction as its last resource,
     * which a transaction can have only one of (see {@link JtaTransactions#claimLastResource}).
     */
    public EnlistedSource(ConnectionSource pool, TransactionIntegration transactions, String lastResource) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        if (lastResource != null && !(transactions instanceof JtaTransactions)) {
            throw new IllegalArgumentException("a last resource needs JtaTransactions, not " + transactions);
        }
        this.lastResource = lastResource;
    }

    /**
     * A connection; inside a transaction, the one it enlisted.
     *
     * @throws dev.sqlmodel.PoolExhaustedException when none became free within the acquire timeout
     * @throws dev.sqlmodel.SqlModelException when the database cannot be reached, or when it is not
     *         XA and the transaction already has another non-XA database of this library
     */
    @Override
    public Connection acquire() {
        if (lastResource != null) {
            ((JtaTransactions) transactions).claimLastResource(this, lastResource);
        }
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
        return "EnlistedSource[" + pool + ", " + transactions + (lastResource != null ? ", last resource " + lastResource : "") + "]";
    }
}
