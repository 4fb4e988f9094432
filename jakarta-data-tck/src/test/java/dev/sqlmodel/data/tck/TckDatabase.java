package dev.sqlmodel.data.tck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The database one TCK run uses, chosen by the system property {@code sqlmodel.tck.database}
 * ({@code sqlite} or {@code postgresql}): a SQLite file in the build directory, or a PostgreSQL
 * schema of its own that the run creates and drops.
 */
enum TckDatabase {
    SQLITE, POSTGRESQL;

    private static final String SCHEMA = "sqlmodel_data_tck";
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    /** The database of this run. */
    static TckDatabase current() {
        String name = System.getProperty("sqlmodel.tck.database", "sqlite");
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("sqlmodel.tck.database must be sqlite or postgresql, was " + name, e);
        }
    }

    /** The JDBC URL the deployments use. */
    String url() {
        return switch (this) {
            case SQLITE -> "jdbc:sqlite:" + sqliteFile();
            case POSTGRESQL -> POSTGRES + "?currentSchema=" + SCHEMA;
        };
    }

    /** The user name, or null when the database has none. */
    String user() {
        return this == POSTGRESQL ? "postgres" : null;
    }

    /** {@code META-INF/sqlmodel.properties} for the default database. */
    String properties() {
        StringBuilder p = new StringBuilder("sqlmodel.datasource.url=").append(url()).append('\n');
        if (user() != null) {
            p.append("sqlmodel.datasource.user=").append(user()).append('\n');
        }
        p.append("sqlmodel.datasource.pool.max-size=4\n");
        p.append("sqlmodel.datasource.pool.acquire-timeout=PT10S\n");
        return p.toString();
    }

    /** Empties the database: deletes the SQLite file, or drops and creates the schema. */
    void prepare() {
        switch (this) {
            case SQLITE -> deleteSqliteFiles();
            case POSTGRESQL -> postgres("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
        }
    }

    /** Drops what {@link #prepare()} made; the SQLite file stays in the build directory for inspection. */
    void drop() {
        if (this == POSTGRESQL) {
            postgres("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    private static Path sqliteFile() {
        return Path.of(System.getProperty("sqlmodel.tck.directory", "target"), "jakarta-data-tck.db").toAbsolutePath();
    }

    private static void deleteSqliteFiles() {
        try {
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                Files.deleteIfExists(Path.of(sqliteFile() + suffix));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete the TCK's SQLite file " + sqliteFile() + ": " + e, e);
        }
    }

    private static void postgres(String... statements) {
        try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", ""); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare PostgreSQL schema " + SCHEMA + ": " + e, e);
        }
    }
}
