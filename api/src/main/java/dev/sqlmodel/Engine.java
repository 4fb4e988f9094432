package dev.sqlmodel;

import dev.sqlmodel.spi.Provider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A database: its connection pool, dialect and known models. Thread-safe; one per database
 * per application. Sessions come from {@link #session()}.
 */
public interface Engine extends AutoCloseable {

    /** A builder for an engine with its own connection pool. */
    static Builder builder() {
        return new Builder();
    }

    /**
     * An engine over a container's {@link DataSource}; the dialect is read from the database.
     * It knows every model in the {@code models.idx} files on the class path.
     *
     * @throws SqlModelException when the database cannot be reached or is not supported
     */
    static Engine of(DataSource dataSource) {
        return Provider.get().engine(dataSource, List.of());
    }

    /**
     * An engine over {@code dataSource} that knows only {@code models}.
     *
     * @throws SqlModelException when the database cannot be reached or is not supported
     * @throws MappingException when a model is invalid
     */
    static Engine of(DataSource dataSource, Class<?>... models) {
        return Provider.get().engine(dataSource, List.of(models));
    }

    /** A new session: a unit of work on one connection at a time. */
    Session session();

    /**
     * A new stateless session: no identity map, no snapshots, writes sent when called.
     *
     * @throws SqlModelException when the engine is closed
     */
    StatelessSession stateless();

    /**
     * Runs {@code work} in one transaction of a new session, commits, closes the session and
     * returns what {@code work} returned. When the work or the commit fails with a
     * {@link TransientDatabaseException} (lost connection, serialization failure, deadlock, lock
     * timeout, SQLite busy), the transaction is rolled back and the <em>whole</em> function runs
     * again in a fresh session, up to {@link Builder#retries(int)} more times (3 by default),
     * after a short random pause that grows with each attempt; the last failure is thrown with
     * the earlier ones attached as suppressed exceptions. Any other exception rolls back and
     * propagates at once. {@code work} may therefore run more than once: keep side effects
     * outside the database (messages, counters) out of it, and do not keep its instances from a
     * failed attempt.
     *
     * <p>A connection lost while {@code COMMIT} itself was under way is not retried: the
     * transaction may have committed, and running the work again could write it twice.
     *
     * <p>When the calling thread runs in a JTA transaction, the session joins that transaction
     * instead: {@code work} runs once, its changes are flushed before this method returns (so a
     * failure surfaces here), and the JTA transaction decides the outcome. Nothing is retried,
     * since the failure has doomed a transaction this method does not own; the code that began
     * it can retry it as a whole.
     *
     * @throws TransientDatabaseException when every attempt failed with one
     * @throws SqlModelException (and any exception {@code work} throws) at once, without retry
     * @throws NullPointerException when {@code work} is null
     */
    <T> T transaction(Function<Session, T> work);

    /**
     * {@link #transaction(Function)} with the transaction at {@code isolation}, for example
     * {@link IsolationLevel#SERIALIZABLE}, whose conflicts the retries are there to absorb.
     * Under JTA the isolation of the enlisted connection is left as it is.
     *
     * @throws TransientDatabaseException when every attempt failed with one
     * @throws SqlModelException (and any exception {@code work} throws) at once, without retry
     * @throws NullPointerException when {@code isolation} or {@code work} is null
     */
    <T> T transaction(IsolationLevel isolation, Function<Session, T> work);

    /** The engine's SQL dialect. */
    Dialect dialect();

    /** The models this engine knows. */
    List<ModelInfo<?>> models();

    /**
     * Creates the tables, keys and indexes of every known model that do not exist yet,
     * parents before children.
     *
     * @throws SqlModelException when the DDL fails
     */
    void createAll();

    /**
     * Drops the tables of every known model that exist, children before parents.
     *
     * @throws SqlModelException when the DDL fails
     */
    void dropAll();

    /** A snapshot of the pool's counters. */
    PoolStats stats();

    /** Closes the pool this engine created (a container's DataSource is left alone). */
    @Override
    void close();

    /** Configuration of an engine with its own pool. Not thread-safe. */
    final class Builder {
        private String url;
        private String user;
        private String password;
        private final PoolOptions pool = new PoolOptions();
        private boolean echo;
        private Duration slowQueryThreshold;
        private boolean xa;
        private final List<Class<?>> models = new ArrayList<>();
        private int retries = 3;

        Builder() {
        }

        /** The JDBC URL ({@code jdbc:sqlite:}, {@code jdbc:postgresql:}, {@code jdbc:mysql:}, {@code jdbc:mariadb:}). */
        public Builder url(String url) {
            this.url = Objects.requireNonNull(url, "url");
            return this;
        }

        /** The database user. */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** The database password. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Changes pool options. */
        public Builder pool(Consumer<PoolOptions> options) {
            options.accept(pool);
            return this;
        }

        /** Logs every statement and its parameters (logger {@code dev.sqlmodel.sql}, level INFO). */
        public Builder echo(boolean echo) {
            this.echo = echo;
            return this;
        }

        /** Logs statements slower than {@code threshold} at WARNING. */
        public Builder slowQueryThreshold(Duration threshold) {
            this.slowQueryThreshold = threshold;
            return this;
        }

        /**
         * Builds the pool on the driver's {@code XADataSource}, so that the database takes part in
         * JTA transactions through two-phase commit beside other XA databases, and a transaction
         * interrupted by a crash is completed by the transaction manager's recovery. Only for
         * engines that take part in JTA (the CDI extension's {@code sqlmodel.datasource[.NAME].xa},
         * or {@code dev.sqlmodel.jta.JtaEngines.pooled}): {@link #build()} refuses it, and so does
         * every way of building an engine for SQLite, which has no XA.
         */
        public Builder xa(boolean xa) {
            this.xa = xa;
            return this;
        }

        /** Restricts the engine to these models instead of the class path's models.idx. */
        public Builder models(Class<?>... models) {
            this.models.addAll(List.of(models));
            return this;
        }

        /**
         * How many times {@link Engine#transaction(Function)} runs the work again after a
         * {@link TransientDatabaseException}: 3 by default, 0 for no retry.
         *
         * @throws IllegalArgumentException when {@code retries} is negative
         */
        public Builder retries(int retries) {
            if (retries < 0) {
                throw new IllegalArgumentException("retries must be 0 or more, was " + retries);
            }
            this.retries = retries;
            return this;
        }

        /**
         * Builds the engine and opens its pool.
         *
         * @throws SqlModelException when the URL is missing or unsupported or the database
         *         unreachable, or when {@link #xa(boolean) xa} is set (an engine built here takes
         *         part in no JTA transaction)
         * @throws MappingException when a model is invalid
         */
        public Engine build() {
            if (url == null) {
                throw new SqlModelException("Engine.builder() needs a url");
            }
            return Provider.get().engine(this);
        }

        /** The JDBC URL. */
        public String url() {
            return url;
        }

        /** The user, or null. */
        public String user() {
            return user;
        }

        /** The password, or null. */
        public String password() {
            return password;
        }

        /** The pool options. */
        public PoolOptions poolOptions() {
            return pool;
        }

        /** Whether statements are logged. */
        public boolean echo() {
            return echo;
        }

        /** The slow-statement threshold, or null. */
        public Duration slowQueryThreshold() {
            return slowQueryThreshold;
        }

        /** How many times {@link Engine#transaction(Function)} retries. */
        public int retries() {
            return retries;
        }

        /** Whether the pool is to be built on the driver's {@code XADataSource}. */
        public boolean xa() {
            return xa;
        }

        /** The explicit model list (empty: use models.idx). */
        public List<Class<?>> modelList() {
            return List.copyOf(models);
        }
    }
}
