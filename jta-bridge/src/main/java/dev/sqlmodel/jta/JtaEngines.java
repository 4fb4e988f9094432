package dev.sqlmodel.jta;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.Engine;
import dev.sqlmodel.impl.engine.AgroalSource;
import dev.sqlmodel.impl.engine.ConnectionSource;
import dev.sqlmodel.impl.engine.DataSourceSource;
import dev.sqlmodel.impl.engine.EngineImpl;
import dev.sqlmodel.impl.engine.ServerInfo;
import dev.sqlmodel.impl.engine.SqlLog;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.narayana.NarayanaTransactionIntegration;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jboss.tm.XAResourceRecoveryRegistry;

/** Engines whose sessions take part in JTA transactions. */
public final class JtaEngines {

    private JtaEngines() {
    }

    /**
     * An engine with its own Agroal pool for {@code builder}'s URL, enlisted in the transactions
     * of {@code transactionManager} (through Agroal's Narayana integration), whose sessions join
     * those transactions through {@code registry}. An empty {@code models} list means the
     * {@code models.idx} index.
     *
     * <p>Without {@link Engine.Builder#xa(boolean) xa} the driver's connections take part as the
     * transaction's single non-XA last resource: one such database per transaction. With it the
     * pool is built on the driver's {@code XADataSource}, its connections are enlisted as XA
     * resources (two-phase commit beside any number of other XA databases), and the pool is
     * registered with this JVM's Narayana recovery manager, which is started if none runs (see
     * {@link #pooled(Engine.Builder, List, TransactionManager, TransactionSynchronizationRegistry,
     * XAResourceRecoveryRegistry)} to register it elsewhere).
     *
     * @throws dev.sqlmodel.SqlModelException when the URL is missing or unsupported or the database
     *         unreachable; with xa, for SQLite (no XA) or when Narayana is not on the class path
     * @throws dev.sqlmodel.MappingException when a model is invalid
     */
    public static EngineImpl pooled(Engine.Builder builder, List<Class<?>> models, TransactionManager transactionManager,
            TransactionSynchronizationRegistry registry) {
        Objects.requireNonNull(builder, "builder");
        requireUrl(builder);
        XAResourceRecoveryRegistry recovery = builder.xa() && Dialect.fromUrl(builder.url()) != Dialect.SQLITE
                ? NarayanaRecovery.get() : null;
        return pooled(builder, models, transactionManager, registry, recovery);
    }

    /**
     * Like {@link #pooled(Engine.Builder, List, TransactionManager, TransactionSynchronizationRegistry)},
     * with an XA pool's recovery registered in {@code recovery} (the recovery manager of the
     * caller's choice; null: none, and then branches a crash leaves prepared stay in the database
     * until someone resolves them by hand). Ignored without {@link Engine.Builder#xa(boolean) xa}.
     *
     * @throws dev.sqlmodel.SqlModelException when the URL is missing or unsupported or the database
     *         unreachable, or xa is asked of SQLite
     * @throws dev.sqlmodel.MappingException when a model is invalid
     */
    public static EngineImpl pooled(Engine.Builder builder, List<Class<?>> models, TransactionManager transactionManager,
            TransactionSynchronizationRegistry registry, XAResourceRecoveryRegistry recovery) {
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(transactionManager, "transactionManager");
        Objects.requireNonNull(registry, "registry");
        requireUrl(builder);
        useAgroalLastResources();
        Dialect dialect = Dialect.fromUrl(builder.url());
        AgroalDataSourceConfigurationSupplier config = AgroalSource.configuration(builder, dialect);
        NarayanaTransactionIntegration integration = builder.xa()
                ? new NarayanaTransactionIntegration(transactionManager, registry, resourceName(builder.url()), false, recovery)
                : new NarayanaTransactionIntegration(transactionManager, registry);
        config.connectionPoolConfiguration().transactionIntegration(integration);
        ConnectionSource source = new EnlistedSource(new AgroalSource(config, dialect), new JtaTransactions(registry),
                builder.xa() ? null : withoutQuery(builder.url()));
        try {
            return EngineImpl.create(source, models, new SqlLog(builder.echo(), builder.slowQueryThreshold()),
                    builder.retries());
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /**
     * When Narayana is on the class path and its {@code JTAEnvironmentBean.lastResourceOptimisationInterfaceClassName}
     * still has its default, sets it to {@code org.jboss.tm.LastResource}, the marker of Agroal's
     * non-XA connections, as WildFly and Quarkus configure it: a non-XA database then commits in
     * one phase after the XA databases prepare, and its failure rolls them back. Narayana reads
     * the setting when its first transaction begins, so this must run before (the CDI extension
     * calls it at deployment, {@link #pooled} when it builds a pool). Never throws.
     */
    public static void useAgroalLastResources() {
        try {
            Class.forName("com.arjuna.ats.jta.common.jtaPropertyManager", false, JtaEngines.class.getClassLoader());
            Class.forName("org.jboss.tm.LastResource", false, JtaEngines.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return; // no Narayana here (an application server configures its own)
        }
        try {
            NarayanaLastResources.configure();
        } catch (RuntimeException | LinkageError e) {
            java.util.logging.Logger.getLogger("dev.sqlmodel.jta").fine("Narayana's last resources left as they are: " + e);
        }
    }

    private static void requireUrl(Engine.Builder builder) {
        if (builder.url() == null) {
            throw new dev.sqlmodel.SqlModelException("a database needs a url (or a jndi name, or a DataSource bean)");
        }
    }

    /** The name Narayana logs for an XA pool's branches: the URL without its query, which may hold secrets. */
    static String resourceName(String url) {
        return "sqlmodel " + withoutQuery(url);
    }

    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q >= 0 ? url.substring(0, q) : url;
    }

    /**
     * An engine over a DataSource that its owner (a container, or the application) enlists in
     * JTA transactions itself; used as is. With a null {@code registry} sessions run local
     * transactions only. The DataSource is never closed by the engine.
     *
     * @throws dev.sqlmodel.SqlModelException when the database cannot be reached or is not supported
     * @throws dev.sqlmodel.MappingException when a model is invalid
     */
    public static EngineImpl managed(DataSource dataSource, List<Class<?>> models, SqlLog log,
            TransactionSynchronizationRegistry registry) {
        return managed(dataSource, models, log, registry, Engine.builder().retries());
    }

    /**
     * Like {@link #managed(DataSource, List, SqlLog, TransactionSynchronizationRegistry)}, with
     * {@code retries} for {@link Engine#transaction(java.util.function.Function)}.
     *
     * @throws dev.sqlmodel.SqlModelException when the database cannot be reached or is not supported
     * @throws dev.sqlmodel.MappingException when a model is invalid
     * @throws IllegalArgumentException when {@code retries} is negative
     */
    public static EngineImpl managed(DataSource dataSource, List<Class<?>> models, SqlLog log,
            TransactionSynchronizationRegistry registry, int retries) {
        Objects.requireNonNull(dataSource, "dataSource");
        ConnectionSource plain = new DataSourceSource(dataSource, dialectOf(dataSource));
        ConnectionSource source = registry == null ? plain : new EnlistedSource(plain, new JtaTransactions(registry));
        return EngineImpl.create(source, models, log, retries);
    }

    private static Dialect dialectOf(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return ServerInfo.read(c).dialect();
        } catch (SQLException e) {
            throw new dev.sqlmodel.SqlModelException("cannot connect through " + dataSource + ": " + e.getMessage(), e);
        }
    }
}
