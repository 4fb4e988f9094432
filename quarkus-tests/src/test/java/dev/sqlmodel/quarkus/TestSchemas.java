package dev.sqlmodel.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Gives one test run its own PostgreSQL schemas, one per datasource (suffixed by the process id,
 * so that parallel builds never meet), points both datasources at them, and drops them afterwards.
 */
public class TestSchemas implements QuarkusTestResourceLifecycleManager {
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = "postgres";
    static final String HEROES = "quarkus_heroes_" + ProcessHandle.current().pid();
    static final String REPORTS = "quarkus_reports_" + ProcessHandle.current().pid();

    @Override
    public Map<String, String> start() {
        sql("DROP SCHEMA IF EXISTS " + HEROES + " CASCADE", "DROP SCHEMA IF EXISTS " + REPORTS + " CASCADE",
                "CREATE SCHEMA " + HEROES, "CREATE SCHEMA " + REPORTS);
        return Map.of("quarkus.datasource.jdbc.url", SERVER + "?currentSchema=" + HEROES,
                "quarkus.datasource.\"reports\".jdbc.url", SERVER + "?currentSchema=" + REPORTS);
    }

    @Override
    public void stop() {
        sql("DROP SCHEMA IF EXISTS " + HEROES + " CASCADE", "DROP SCHEMA IF EXISTS " + REPORTS + " CASCADE");
    }

    /** Runs {@code statements} on the server, outside the application. */
    static void sql(String... statements) {
        try (Connection c = DriverManager.getConnection(SERVER, USER, ""); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number of rows of {@code schema.table}, read outside the application. */
    static long count(String schema, String table) {
        try (Connection c = DriverManager.getConnection(SERVER, USER, ""); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM " + schema + "." + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
