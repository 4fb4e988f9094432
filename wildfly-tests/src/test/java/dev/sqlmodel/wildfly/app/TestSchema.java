package dev.sqlmodel.wildfly.app;

import dev.sqlmodel.Engine;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Gives the deployment its own PostgreSQL schema: the datasource's {@code currentSchema} is the
 * server's {@code sqlmodel.test.schema} property, so the tables land there and not among other
 * runs' tables. Created with the tables on deployment, dropped on undeployment.
 */
@ApplicationScoped
public class TestSchema {
    @Resource(lookup = "java:jboss/datasources/Heroes")
    DataSource dataSource;

    void create(@Observes @Initialized(ApplicationScoped.class) Object ignored, Engine engine) {
        sql("CREATE SCHEMA IF NOT EXISTS " + quoted());
        engine.createAll();
    }

    void drop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        sql("DROP SCHEMA IF EXISTS " + quoted() + " CASCADE");
    }

    /** The schema's name, quoted; the build makes it from letters, digits and underscores. */
    static String quoted() {
        String name = System.getProperty("sqlmodel.test.schema");
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalStateException("the server needs -Dsqlmodel.test.schema=<name>, not " + name);
        }
        return '"' + name + '"';
    }

    private void sql(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
