package dev.sqlmodel.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The databases the scenarios run on; each test class gets a schema (or file) of its own. */
enum TestDatabase {
    SQLITE, POSTGRESQL, MARIADB;

    /** Which extension kind this run uses: "lite" when the portable extension is absent. */
    static String mode() {
        return System.getProperty("sqlmodel.test.mode", "full");
    }

    /** The JDBC URL of {@code schema}. */
    String url(String schema) {
        return switch (this) {
            case SQLITE -> "jdbc:sqlite:" + sqliteFile(schema);
            case POSTGRESQL -> "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema;
            case MARIADB -> "jdbc:mysql://127.0.0.1:3306/" + schema;
        };
    }

    String user() {
        return switch (this) {
            case SQLITE -> null;
            case POSTGRESQL -> "postgres";
            case MARIADB -> "root";
        };
    }

    static Path sqliteFile(String name) {
        return Path.of("target", name + "-" + mode() + ".db").toAbsolutePath();
    }

    /** Creates {@code schema} empty (dropping what a failed earlier run left). */
    void create(String schema) {
        try {
            switch (this) {
                case SQLITE -> {
                    for (String suffix : new String[] {"", "-wal", "-shm"}) {
                        Files.deleteIfExists(Path.of(sqliteFile(schema) + suffix));
                    }
                }
                case POSTGRESQL -> run("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
                case MARIADB -> run("DROP DATABASE IF EXISTS " + schema, "CREATE DATABASE " + schema);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare " + this + " schema " + schema + ": " + e, e);
        }
    }

    /** Drops {@code schema}. */
    void drop(String schema) {
        try {
            switch (this) {
                case SQLITE -> {
                    for (String suffix : new String[] {"", "-wal", "-shm"}) {
                        Files.deleteIfExists(Path.of(sqliteFile(schema) + suffix));
                    }
                }
                case POSTGRESQL -> run("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                case MARIADB -> run("DROP DATABASE IF EXISTS " + schema);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot drop " + this + " schema " + schema + ": " + e, e);
        }
    }

    private void run(String... sql) throws SQLException {
        String admin = this == POSTGRESQL ? "jdbc:postgresql://127.0.0.1:5432/test" : "jdbc:mysql://127.0.0.1:3306/test";
        try (Connection c = DriverManager.getConnection(admin, user(), ""); Statement s = c.createStatement()) {
            for (String one : sql) {
                s.execute(one);
            }
        }
    }

    /** {@code META-INF/sqlmodel.properties} for the default database in {@code schema}. */
    String properties(String schema) {
        StringBuilder p = new StringBuilder("sqlmodel.datasource.url=" + url(schema) + "\n");
        if (user() != null) {
            p.append("sqlmodel.datasource.user=").append(user()).append('\n');
        }
        p.append("sqlmodel.datasource.pool.max-size=4\n");
        p.append("sqlmodel.datasource.pool.acquire-timeout=PT10S\n");
        return p.toString();
    }
}
