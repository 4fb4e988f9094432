package dev.sqlmodel.impl.testing;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The three databases every behaviour test runs on. Each test class gets its own database:
 * a SQLite file, a PostgreSQL schema or a MariaDB database named after the class, created
 * fresh and dropped again, so tests can run repeatedly on the same servers.
 */
public enum Db {
    /** SQLite, a file under target/. */
    SQLITE(Dialect.SQLITE),
    /** PostgreSQL on 127.0.0.1:5432, database test. */
    POSTGRESQL(Dialect.POSTGRESQL),
    /** MariaDB on 127.0.0.1:3306 through MySQL Connector/J. */
    MARIADB(Dialect.MYSQL);

    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String MY = "jdbc:mysql://127.0.0.1:3306/";

    private final Dialect dialect;

    Db(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The dialect of this database. */
    public Dialect dialect() {
        return dialect;
    }

    /** Tells apart test runs that share the servers at the same time (two builds on one machine). */
    private static final String RUN = Long.toString(ProcessHandle.current().pid(), 36);

    /** The isolated database name for a test class in this test run. */
    public static String isolationName(Class<?> testClass) {
        return "sm_" + testClass.getSimpleName().toLowerCase(Locale.ROOT) + "_" + RUN;
    }

    /** Creates (fresh) the isolated database of {@code name} and returns its JDBC URL. */
    public String prepare(String name) {
        switch (this) {
            case SQLITE -> {
                try {
                    Path dir = Path.of("target", "sqlite");
                    Files.createDirectories(dir);
                    for (String suffix : new String[] {"", "-wal", "-shm"}) {
                        Files.deleteIfExists(dir.resolve(name + ".db" + suffix));
                    }
                    return "jdbc:sqlite:" + dir.resolve(name + ".db").toAbsolutePath();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case POSTGRESQL -> {
                admin("DROP SCHEMA IF EXISTS " + name + " CASCADE", "CREATE SCHEMA " + name);
                return PG + "?currentSchema=" + name;
            }
            default -> {
                admin("DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name);
                return MY + name;
            }
        }
    }

    /** Drops the isolated database of {@code name}. */
    public void drop(String name) {
        switch (this) {
            case SQLITE -> {
                try {
                    for (String suffix : new String[] {"", "-wal", "-shm"}) {
                        Files.deleteIfExists(Path.of("target", "sqlite", name + ".db" + suffix));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case POSTGRESQL -> admin("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            default -> admin("DROP DATABASE IF EXISTS " + name);
        }
    }

    /** The user to connect as. */
    public String user() {
        return this == POSTGRESQL ? "postgres" : this == MARIADB ? "root" : null;
    }

    /** An engine on the isolated database {@code url} knowing {@code models}. */
    public Engine engine(String url, Consumer<Engine.Builder> extra, Class<?>... models) {
        Engine.Builder b = Engine.builder().url(url).models(models);
        if (user() != null) {
            b.user(user()).password("");
        }
        if (extra != null) {
            extra.accept(b);
        }
        return b.build();
    }

    /** A plain driver DataSource on {@code url} (no pool). */
    public javax.sql.DataSource dataSource(String url) {
        switch (this) {
            case SQLITE -> {
                org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
                ds.setUrl(url);
                return ds;
            }
            case POSTGRESQL -> {
                org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
                ds.setURL(url);
                ds.setUser(user());
                return ds;
            }
            default -> {
                com.mysql.cj.jdbc.MysqlDataSource ds = new com.mysql.cj.jdbc.MysqlDataSource();
                ds.setURL(url);
                ds.setUser(user());
                ds.setPassword("");
                return ds;
            }
        }
    }

    private void admin(String... statements) {
        String url = this == POSTGRESQL ? PG : MY;
        try (Connection c = DriverManager.getConnection(url, user(), "");
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(this + " is not reachable: " + e.getMessage(), e);
        }
    }
}
