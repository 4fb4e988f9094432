package dev.sqlmodel.impl.engine;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.PoolStats;
import dev.sqlmodel.SqlModelException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A container's DataSource (or any DataSource the application owns). The container pools and
 * configures connections; this source only counts checkouts and, on SQLite, switches foreign
 * keys on for every connection, since SQLite leaves them off unless each connection asks.
 * {@link #close()} leaves the DataSource open.
 */
public final class DataSourceSource implements ConnectionSource {
    private static final Logger LOG = Logger.getLogger("dev.sqlmodel.engine");

    private final DataSource dataSource;
    private final Dialect dialect;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger maxUsed = new AtomicInteger();
    private final AtomicLong acquired = new AtomicLong();

    /** A source over {@code dataSource}, whose database speaks {@code dialect}. */
    public DataSourceSource(DataSource dataSource, Dialect dialect) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /**
     * A connection from the DataSource.
     *
     * @throws SqlModelException when the DataSource cannot supply one (a pool timeout is a
     *         {@link dev.sqlmodel.PoolExhaustedException})
     */
    @Override
    public Connection acquire() {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlErrors.connectFailure(e, dialect);
        }
        if (dialect == Dialect.SQLITE) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA foreign_keys=ON");
            } catch (SQLException e) {
                release0(c);
                throw SqlErrors.translate(e, "PRAGMA foreign_keys=ON", dialect);
            }
        }
        acquired.incrementAndGet();
        maxUsed.accumulateAndGet(active.incrementAndGet(), Math::max);
        return c;
    }

    @Override
    public void release(Connection connection) {
        if (connection != null) {
            active.decrementAndGet();
            release0(connection);
        }
    }

    private static void release0(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "closing a DataSource connection failed: " + e.getMessage(), e);
        }
    }

    /** Does nothing: the DataSource belongs to the container. */
    @Override
    public void close() {
    }

    /** Counts of this engine's own checkouts; the container's pool keeps the rest. */
    @Override
    public PoolStats stats() {
        return new PoolStats(active.get(), 0, maxUsed.get(), 0, 0, 0, acquired.get(), 0);
    }

    @Override
    public String toString() {
        return "DataSourceSource[" + dialect + ", " + dataSource + "]";
    }
}
