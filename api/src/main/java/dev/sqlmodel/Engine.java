package dev.sqlmodel;

import dev.sqlmodel.spi.Provider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
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
        private final List<Class<?>> models = new ArrayList<>();

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

        /** Restricts the engine to these models instead of the class path's models.idx. */
        public Builder models(Class<?>... models) {
            this.models.addAll(List.of(models));
            return this;
        }

        /**
         * Builds the engine and opens its pool.
         *
         * @throws SqlModelException when the URL is missing or unsupported or the database unreachable
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

        /** The explicit model list (empty: use models.idx). */
        public List<Class<?>> modelList() {
            return List.copyOf(models);
        }
    }
}
