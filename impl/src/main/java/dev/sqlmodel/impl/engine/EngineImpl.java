package dev.sqlmodel.impl.engine;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.Engine;
import dev.sqlmodel.IsolationLevel;
import dev.sqlmodel.MappingException;
import dev.sqlmodel.ModelInfo;
import dev.sqlmodel.PoolStats;
import dev.sqlmodel.Session;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.impl.meta.ModelIndex;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.meta.ModelRegistry;
import dev.sqlmodel.impl.sql.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The engine: a {@link ConnectionSource}, the dialect of its database, the models it knows and
 * its statement log. Thread-safe. The session layer takes connections with {@link #acquire()}
 * and gives them back with {@link #release(Connection)}.
 */
public final class EngineImpl implements Engine {
    /** How often {@link #transaction(Function)} retries unless configured otherwise. */
    public static final int DEFAULT_RETRIES = 3;

    private final ConnectionSource source;
    private final ServerInfo server;
    private final SqlDialect sqlDialect;
    private final List<ModelMeta<?>> metas;
    private final List<ModelInfo<?>> infos;
    private final Set<Class<?>> known;
    private final SqlLog log;
    private final TransactionRunner runner;
    private volatile boolean closed;

    private EngineImpl(ConnectionSource source, ServerInfo server, List<ModelMeta<?>> metas, SqlLog log, int retries) {
        this.source = source;
        this.server = server;
        this.sqlDialect = SqlDialect.of(server.dialect());
        this.metas = List.copyOf(metas);
        this.infos = List.copyOf(metas);
        Set<Class<?>> types = new HashSet<>();
        for (ModelMeta<?> m : metas) {
            types.add(m.type());
        }
        this.known = Set.copyOf(types);
        this.log = log;
        this.runner = new TransactionRunner(this, retries);
    }

    /**
     * An engine with its own Agroal pool, configured by {@code builder}. Connects once to read
     * the server's description.
     *
     * @throws SqlModelException when the URL is missing or unsupported or the database unreachable
     * @throws MappingException when a model is invalid
     */
    public static EngineImpl create(Engine.Builder builder) {
        Objects.requireNonNull(builder, "builder");
        if (builder.url() == null) {
            throw new SqlModelException("Engine.builder() needs a url");
        }
        Dialect dialect = Dialect.fromUrl(builder.url());
        if (builder.xa()) {
            throw new SqlModelException(dialect == Dialect.SQLITE ? AgroalSource.sqliteHasNoXa(builder.url())
                    : "xa(true) builds a pool for JTA transactions, but Engine.builder().build() makes an engine that"
                    + " takes part in none: build it with dev.sqlmodel.jta.JtaEngines.pooled(builder, models,"
                    + " transactionManager, registry), or configure sqlmodel.datasource[.NAME].xa=true for the CDI extension");
        }
        List<ModelMeta<?>> metas = resolveModels(builder.modelList());
        AgroalSource source = new AgroalSource(AgroalSource.configuration(builder, dialect), dialect);
        try {
            return new EngineImpl(source, describe(source, dialect), metas,
                    new SqlLog(builder.echo(), builder.slowQueryThreshold()), builder.retries());
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /**
     * An engine over a container's DataSource; the dialect is read from the database. An empty
     * {@code models} list means every model in the class path's {@code models.idx} files.
     *
     * @throws SqlModelException when the database cannot be reached or is not supported
     * @throws MappingException when a model is invalid
     */
    public static EngineImpl create(DataSource dataSource, List<Class<?>> models) {
        Objects.requireNonNull(dataSource, "dataSource");
        List<ModelMeta<?>> metas = resolveModels(models);
        ServerInfo server;
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlErrors.connectFailure(e, null);
        }
        try (c) {
            server = ServerInfo.read(c);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, null, null);
        }
        return new EngineImpl(new DataSourceSource(dataSource, server.dialect()), server, metas, new SqlLog(false, null),
                DEFAULT_RETRIES);
    }

    /**
     * An engine over any connection source (for example a JTA-aware one); the dialect is read
     * from the database. An empty {@code models} list means the {@code models.idx} index.
     *
     * @throws SqlModelException when the database cannot be reached or is not supported
     * @throws MappingException when a model is invalid
     */
    public static EngineImpl create(ConnectionSource source, List<Class<?>> models, SqlLog log) {
        return create(source, models, log, DEFAULT_RETRIES);
    }

    /**
     * {@link #create(ConnectionSource, List, SqlLog)} with {@code retries} for
     * {@link #transaction(Function)}.
     *
     * @throws SqlModelException when the database cannot be reached or is not supported
     * @throws MappingException when a model is invalid
     * @throws IllegalArgumentException when {@code retries} is negative
     */
    public static EngineImpl create(ConnectionSource source, List<Class<?>> models, SqlLog log, int retries) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(log, "log");
        List<ModelMeta<?>> metas = resolveModels(models);
        return new EngineImpl(source, describe(source, null), metas, log, retries);
    }

    private static ServerInfo describe(ConnectionSource source, Dialect expected) {
        Connection c = source.acquire();
        try {
            ServerInfo info = ServerInfo.read(c);
            if (expected != null && info.dialect() != expected) {
                throw new SqlModelException("the URL names " + expected + " but the server is "
                        + info.productName() + " " + info.productVersion());
            }
            return info;
        } catch (SQLException e) {
            throw SqlErrors.translate(e, null, expected);
        } finally {
            source.release(c);
        }
    }

    private static List<ModelMeta<?>> resolveModels(List<Class<?>> models) {
        List<Class<?>> types = models;
        if (types == null || types.isEmpty()) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            types = ModelIndex.models(loader != null ? loader : EngineImpl.class.getClassLoader());
        }
        Map<Class<?>, ModelMeta<?>> metas = new LinkedHashMap<>();
        Map<String, Class<?>> tables = new HashMap<>();
        for (Class<?> type : types) {
            ModelMeta<?> meta = ModelRegistry.of(type);
            if (metas.putIfAbsent(type, meta) != null) {
                continue;
            }
            String table = (meta.schema() + "." + meta.tableName()).toLowerCase(Locale.ROOT);
            Class<?> other = tables.putIfAbsent(table, type);
            if (other != null) {
                throw new MappingException(type.getName() + " and " + other.getName() + " both map table '"
                        + meta.tableName() + "'");
            }
        }
        return new ArrayList<>(metas.values());
    }

    /**
     * A new session of this engine.
     *
     * @throws SqlModelException when the engine is closed or no session implementation is present
     */
    @Override
    public Session session() {
        checkOpen();
        return SessionSupplier.create(this);
    }

    /**
     * A new stateless session of this engine.
     *
     * @throws SqlModelException when the engine is closed or no implementation is present
     */
    @Override
    public StatelessSession stateless() {
        checkOpen();
        return SessionSupplier.createStateless(this);
    }

    /**
     * Runs {@code work} in a transaction of a new session and commits, retrying on a
     * {@link dev.sqlmodel.TransientDatabaseException} (see {@link TransactionRunner}).
     *
     * @throws dev.sqlmodel.TransientDatabaseException when every attempt failed with one
     * @throws SqlModelException when the engine is closed, or at once on any other failure
     */
    @Override
    public <T> T transaction(Function<Session, T> work) {
        checkOpen();
        return runner.run(null, work);
    }

    /**
     * {@link #transaction(Function)} at {@code isolation}.
     *
     * @throws dev.sqlmodel.TransientDatabaseException when every attempt failed with one
     * @throws SqlModelException when the engine is closed, or at once on any other failure
     */
    @Override
    public <T> T transaction(IsolationLevel isolation, Function<Session, T> work) {
        checkOpen();
        return runner.run(Objects.requireNonNull(isolation, "isolation"), work);
    }

    @Override
    public Dialect dialect() {
        return server.dialect();
    }

    /** The dialect's SQL spelling. */
    public SqlDialect sqlDialect() {
        return sqlDialect;
    }

    /** What the server reported about itself. */
    public ServerInfo server() {
        return server;
    }

    /** Whether the server is MariaDB (it is spoken to as {@link Dialect#MYSQL}). */
    public boolean isMariaDb() {
        return server.mariaDb();
    }

    /** The server's major version (MariaDB's own, e.g. 10 or 11). */
    public int databaseMajorVersion() {
        return server.majorVersion();
    }

    @Override
    public List<ModelInfo<?>> models() {
        return infos;
    }

    /** The known models' metadata, in the order they were given. */
    public List<ModelMeta<?>> modelMetas() {
        return metas;
    }

    /** Whether {@code model} is one of this engine's models. */
    public boolean knows(Class<?> model) {
        return known.contains(model);
    }

    /**
     * A connection in auto-commit mode; give it back with {@link #release(Connection)}.
     *
     * @throws dev.sqlmodel.PoolExhaustedException when none became free within the acquire timeout
     * @throws SqlModelException when the engine is closed or the database unreachable
     */
    public Connection acquire() {
        checkOpen();
        return source.acquire();
    }

    /** Returns {@code c} to the pool (closes it); close errors are logged, not thrown. */
    public void release(Connection c) {
        source.release(c);
    }

    /** How this engine's sessions take part in global transactions (see {@link ConnectionSource#transactions()}). */
    public TransactionIntegration transactions() {
        return source.transactions();
    }

    /** Whether sessions may keep prepared statements on this engine's connections (see {@link ConnectionSource}). */
    public boolean keepsStatements() {
        return source.keepsStatements();
    }

    /** The statement log. */
    public SqlLog log() {
        return log;
    }

    /** The exception to throw for {@code e} raised by {@code sql} (null when not a statement). */
    public SqlModelException translate(SQLException e, String sql) {
        return SqlErrors.translate(e, sql, server.dialect());
    }

    /**
     * Creates every known model's table, keys and indexes that do not exist yet.
     *
     * @throws SqlModelException when the DDL fails; the message carries the failing statement
     */
    @Override
    public void createAll() {
        checkOpen();
        new SchemaGenerator(server.dialect()).createAll(this);
    }

    /**
     * Drops every known model's table that exists, children first.
     *
     * @throws SqlModelException when the DDL fails; the message carries the failing statement
     */
    @Override
    public void dropAll() {
        checkOpen();
        new SchemaGenerator(server.dialect()).dropAll(this);
    }

    @Override
    public PoolStats stats() {
        return source.stats();
    }

    /** Closes the pool this engine created; a container's DataSource is left open. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            source.close();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new SqlModelException("the engine is closed");
        }
    }

    @Override
    public String toString() {
        return "EngineImpl[" + server.dialect() + " " + server.productName() + " " + server.productVersion() + ", "
                + source + ", " + metas.size() + " models]";
    }
}
