package dev.sqlmodel.impl.engine;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.Engine;
import dev.sqlmodel.PoolExhaustedException;
import dev.sqlmodel.PoolOptions;
import dev.sqlmodel.PoolStats;
import dev.sqlmodel.SqlModelException;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSourceListener;
import io.agroal.api.AgroalDataSourceMetrics;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.AgroalDataSourceConfiguration;
import io.agroal.api.configuration.supplier.AgroalConnectionFactoryConfigurationSupplier;
import io.agroal.api.configuration.supplier.AgroalConnectionPoolConfigurationSupplier;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.exceptionsorter.MySQLExceptionSorter;
import io.agroal.api.exceptionsorter.PostgreSQLExceptionSorter;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An Agroal pool the engine creates and closes. Connections keep the JDBC defaults
 * (auto-commit on); a session switches auto-commit off for its own transaction.
 *
 * <p>Agroal's metrics stay off: with them on, every checkout reads the clock twice and updates
 * four shared counters for acquisition times nobody reads here. {@link #stats()} takes the pool's
 * live counts (in use, idle, largest, waiting) by switching metrics on for the moment of the
 * call; connections opened and destroyed are counted by a listener, checkouts and acquisition
 * timeouts here.
 *
 * <p>Dead connections are never handed out knowingly. A PostgreSQL or MySQL connection that sat
 * idle in the pool for longer than {@link #IDLE_VALIDATION} is checked with JDBC
 * {@code isValid} (PostgreSQL: an empty query; Connector/J: a ping) before checkout; a broken
 * one is destroyed and the pool takes or opens another within the same acquire timeout. A
 * connection used moments ago is not checked, so a busy pool pays nothing. With
 * {@link PoolOptions#validateOnCheckout(boolean)} every checkout is checked. A connection that
 * fails during use with a fatal error (SQLSTATE class 08, a server shutdown) is destroyed when it
 * is returned (Agroal's exception sorters). SQLite connections are local files and not checked.
 */
public final class AgroalSource implements ConnectionSource {
    private static final Logger LOG = Logger.getLogger("dev.sqlmodel.engine");
    /** A server connection idle for longer than this is validated before it is handed out. */
    static final Duration IDLE_VALIDATION = Duration.ofSeconds(1);
    private static final int VALIDATION_TIMEOUT_SECONDS = 5;

    private final AgroalDataSource pool;
    private final Dialect dialect;
    private final int maxSize;
    private final Duration acquireTimeout;
    private final String url;
    private final AtomicLong timeouts = new AtomicLong();
    private final LongAdder acquired = new LongAdder();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong destroyed = new AtomicLong();

    /**
     * Opens a pool from {@code configuration} (see {@link #configuration(Engine.Builder, Dialect)},
     * which a JTA-aware caller can extend with a transaction integration first).
     *
     * @throws SqlModelException when Agroal rejects the configuration
     */
    public AgroalSource(AgroalDataSourceConfigurationSupplier configuration, Dialect dialect) {
        Objects.requireNonNull(configuration, "configuration");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        AgroalDataSourceConfiguration config;
        try {
            config = configuration.get();
        } catch (RuntimeException e) {
            throw new SqlModelException("invalid connection pool configuration: " + e.getMessage(), e);
        }
        AgroalConnectionPoolConfiguration poolConfig = config.connectionPoolConfiguration();
        this.maxSize = poolConfig.maxSize();
        this.acquireTimeout = poolConfig.acquisitionTimeout();
        this.url = poolConfig.connectionFactoryConfiguration().jdbcUrl();
        try {
            this.pool = AgroalDataSource.from(config, new AgroalDataSourceListener() {
                @Override
                public void onConnectionCreation(Connection connection) {
                    created.incrementAndGet();
                }

                @Override
                public void onConnectionDestroy(Connection connection) {
                    destroyed.incrementAndGet();
                    ClosedConnections.closed(connection);
                }
            });
        } catch (SQLException e) {
            throw SqlErrors.connectFailure(e, dialect, url);
        } catch (RuntimeException e) {
            throw new SqlModelException("cannot create the connection pool: " + e.getMessage(), e);
        }
    }

    /**
     * The Agroal configuration for {@code builder}'s URL, credentials and pool options, with
     * the driver settings of {@link DriverSettings} and Agroal's metrics off (see {@link #stats()}).
     */
    public static AgroalDataSourceConfigurationSupplier configuration(Engine.Builder builder, Dialect dialect) {
        DriverSettings driver = DriverSettings.of(builder.url(), dialect);
        PoolOptions options = builder.poolOptions();
        AgroalConnectionFactoryConfigurationSupplier factory = new AgroalConnectionFactoryConfigurationSupplier()
                .jdbcUrl(driver.url());
        if (builder.xa()) {
            factory.connectionProviderClass(xaDataSourceClass(builder.url(), dialect));
        }
        if (builder.user() != null) {
            factory.principal(new NamePrincipal(builder.user()));
        }
        if (builder.password() != null) {
            factory.credential(new SimplePassword(builder.password()));
        }
        for (Map.Entry<String, String> p : driver.properties().entrySet()) {
            factory.jdbcProperty(p.getKey(), p.getValue());
        }
        AgroalConnectionPoolConfigurationSupplier pool = new AgroalConnectionPoolConfigurationSupplier()
                .connectionFactoryConfiguration(factory)
                .acquisitionTimeout(options.acquireTimeout())
                .connectionValidator(ConnectionValidator.defaultValidatorWithTimeout(validationSeconds(options)))
                .validateOnBorrow(options.validateOnCheckout());
        if (dialect != Dialect.SQLITE && !options.validateOnCheckout()) {
            // A server restart, failover or idle-killing proxy leaves dead connections in the pool:
            // check one that sat idle before handing it out (one round trip, none under load).
            pool.idleValidationTimeout(IDLE_VALIDATION);
        }
        if (driver.singleConnection()) {
            // The database exists only inside its one connection: never open a second, never retire it.
            pool.minSize(1).initialSize(1).maxSize(1).reapTimeout(Duration.ZERO).maxLifetime(Duration.ZERO);
        } else {
            int max = options.maxSize();
            int min = Math.min(options.minSize(), max);
            // Agroal retires only idle connections above minSize, so a pool of fixed size has
            // nothing to reap; without reaping, a checkout and its return read no clock.
            pool.minSize(min).initialSize(min).maxSize(max)
                    .reapTimeout(min == max ? Duration.ZERO : options.idleTimeout())
                    .maxLifetime(options.maxLifetime());
        }
        if (dialect == Dialect.POSTGRESQL) {
            pool.exceptionSorter(new PostgreSQLExceptionSorter());
        } else if (dialect == Dialect.MYSQL) {
            pool.exceptionSorter(new MySQLExceptionSorter());
        }
        return new AgroalDataSourceConfigurationSupplier().metricsEnabled(false).connectionPoolConfiguration(pool);
    }

    private static int validationSeconds(PoolOptions options) {
        long acquire = options.acquireTimeout().toSeconds();
        return (int) Math.max(1, Math.min(VALIDATION_TIMEOUT_SECONDS, acquire));
    }

    /**
     * The driver's {@code XADataSource} for {@code dialect}: PostgreSQL's {@code PGXADataSource},
     * Connector/J's {@code MysqlXADataSource} for MySQL and MariaDB. Agroal sets the URL, the
     * credentials and the driver properties on it through its setters.
     *
     * @throws SqlModelException for SQLite, which has no XA, or when the driver is not on the class path
     */
    public static Class<?> xaDataSourceClass(String url, Dialect dialect) {
        String name = switch (dialect) {
            case POSTGRESQL -> "org.postgresql.xa.PGXADataSource";
            case MYSQL -> "com.mysql.cj.jdbc.MysqlXADataSource";
            default -> throw new SqlModelException(sqliteHasNoXa(url));
        };
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader loader : new ClassLoader[] {context, AgroalSource.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        throw new SqlModelException("an XA pool for " + dialect + " needs the driver's " + name
                + " on the class path (" + (dialect == Dialect.POSTGRESQL ? "org.postgresql:postgresql"
                : "com.mysql:mysql-connector-j") + ")");
    }

    /** Why {@code url} (an SQLite URL) cannot have an XA pool. */
    public static String sqliteHasNoXa(String url) {
        return "SQLite has no XA (two-phase commit), so " + url + " cannot take part in a JTA transaction beside other"
                + " databases: remove xa=true; SQLite joins a JTA transaction only as its single non-XA last resource";
    }

    /**
     * A pooled connection.
     *
     * @throws PoolExhaustedException naming the pool size and timeout when none became free in time
     * @throws SqlModelException when a connection cannot be opened
     */
    @Override
    public Connection acquire() {
        try {
            Connection c = pool.getConnection();
            acquired.increment();
            return c;
        } catch (SQLException e) {
            if (SqlErrors.isPoolTimeout(e)) {
                timeouts.incrementAndGet();
                throw new PoolExhaustedException("no connection became free within " + acquireTimeout
                        + " (pool maxSize " + maxSize + ", " + stats().active() + " in use)", e);
            }
            throw SqlErrors.connectFailure(e, dialect, url);
        }
    }

    @Override
    public void release(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "closing a pooled connection failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            pool.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "closing the connection pool failed: " + e.getMessage(), e);
        }
    }

    /**
     * The pool's counts now. The live ones come from Agroal's metrics view, which reads them
     * from the pool itself (not from accumulated metrics), so switching it on for the call
     * gives exact values; checkouts racing with the switch may record a bogus acquisition time
     * in that view, which is dropped with it.
     */
    @Override
    public synchronized PoolStats stats() {
        AgroalDataSourceConfiguration config = pool.getConfiguration();
        boolean wasOn = config.metricsEnabled();
        if (!wasOn) {
            config.setMetricsEnabled(true);
        }
        try {
            AgroalDataSourceMetrics m = pool.getMetrics();
            return new PoolStats((int) m.activeCount(), (int) m.availableCount(), (int) m.maxUsedCount(),
                    (int) m.awaitingCount(), created.get(), destroyed.get(), acquired.sum(), timeouts.get());
        } finally {
            if (!wasOn) {
                config.setMetricsEnabled(false);
            }
        }
    }

    /** The pool's largest size. */
    public int maxSize() {
        return maxSize;
    }

    /** How long {@link #acquire()} waits for a free connection. */
    public Duration acquireTimeout() {
        return acquireTimeout;
    }

    @Override
    public String toString() {
        return "AgroalSource[" + dialect + ", maxSize=" + maxSize + ", acquireTimeout=" + acquireTimeout + "]";
    }

    /** The pool is the library's own: statements may be kept on its connections. */
    @Override
    public boolean keepsStatements() {
        return true;
    }
}
