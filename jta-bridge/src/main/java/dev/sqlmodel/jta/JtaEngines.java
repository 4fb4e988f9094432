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

/** Engines whose sessions take part in JTA transactions. */
public final class JtaEngines {

    private JtaEngines() {
    }

    /**
     * An engine with its own Agroal pool for {@code builder}'s URL, enlisted in the transactions
     * of {@code transactionManager} (through Agroal's Narayana integration), whose sessions join
     * those transactions through {@code registry}. Non-XA drivers take part as the transaction's
     * single last resource. An empty {@code models} list means the {@code models.idx} index.
     *
     * @throws dev.sqlmodel.SqlModelException when the URL is missing or unsupported or the database unreachable
     * @throws dev.sqlmodel.MappingException when a model is invalid
     */
    public static EngineImpl pooled(Engine.Builder builder, List<Class<?>> models, TransactionManager transactionManager,
            TransactionSynchronizationRegistry registry) {
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(transactionManager, "transactionManager");
        Objects.requireNonNull(registry, "registry");
        if (builder.url() == null) {
            throw new dev.sqlmodel.SqlModelException("a database needs a url (or a jndi name, or a DataSource bean)");
        }
        Dialect dialect = Dialect.fromUrl(builder.url());
        AgroalDataSourceConfigurationSupplier config = AgroalSource.configuration(builder, dialect);
        config.connectionPoolConfiguration()
                .transactionIntegration(new NarayanaTransactionIntegration(transactionManager, registry));
        ConnectionSource source = new EnlistedSource(new AgroalSource(config, dialect), new JtaTransactions(registry));
        try {
            return EngineImpl.create(source, models, new SqlLog(builder.echo(), builder.slowQueryThreshold()),
                    builder.retries());
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
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
        Objects.requireNonNull(dataSource, "dataSource");
        ConnectionSource plain = new DataSourceSource(dataSource, dialectOf(dataSource));
        ConnectionSource source = registry == null ? plain : new EnlistedSource(plain, new JtaTransactions(registry));
        return EngineImpl.create(source, models, log);
    }

    private static Dialect dialectOf(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return ServerInfo.read(c).dialect();
        } catch (SQLException e) {
            throw new dev.sqlmodel.SqlModelException("cannot connect through " + dataSource + ": " + e.getMessage(), e);
        }
    }
}
