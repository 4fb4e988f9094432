package dev.sqlmodel.schema;

import dev.sqlmodel.Engine;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.schema.internal.EngineConnections;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The database matrix with helpers to run raw SQL, count rows and empty the whole database. */
abstract class SchemaTestBase extends DatabaseTest {

    /** The JDBC URL of this class's isolated database (the one {@link #engine(Db)} uses). */
    protected String url(Db db) {
        engine(db);
        String name = Db.isolationName(getClass());
        return switch (db) {
            case SQLITE -> "jdbc:sqlite:" + Path.of("target", "sqlite", name + ".db").toAbsolutePath();
            case POSTGRESQL -> "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + name;
            case MARIADB -> "jdbc:mysql://127.0.0.1:3306/" + name;
        };
    }

    /** A second, independent engine on the same database (its own pool). */
    protected Engine secondEngine(Db db) {
        return db.engine(url(db), null, models());
    }

    /** Runs {@code statements} in auto-commit mode. */
    protected void exec(Db db, String... statements) {
        try (EngineConnections c = EngineConnections.borrow(engine(db)); Statement st = c.connection().createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The single number {@code sql} selects. */
    protected long count(Db db, String sql) {
        try (EngineConnections c = EngineConnections.borrow(engine(db)); Statement st = c.connection().createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Drops every table of the database, whatever references what. */
    protected void wipe(Db db) {
        try (EngineConnections ec = EngineConnections.borrow(engine(db)); Statement st = ec.connection().createStatement()) {
            Connection c = ec.connection();
            List<String> tables = new ArrayList<>();
            for (TableSchema t : SchemaInspector.inspect(c).tables()) {
                tables.add(t.name());
            }
            switch (db) {
                case SQLITE -> {
                    st.execute("PRAGMA foreign_keys=OFF");
                    for (String t : tables) {
                        st.execute("DROP TABLE IF EXISTS \"" + t + "\"");
                    }
                    st.execute("PRAGMA foreign_keys=ON");
                }
                case POSTGRESQL -> {
                    for (String t : tables) {
                        st.execute("DROP TABLE IF EXISTS \"" + t + "\" CASCADE");
                    }
                }
                case MARIADB -> {
                    st.execute("SET FOREIGN_KEY_CHECKS=0");
                    for (String t : tables) {
                        st.execute("DROP TABLE IF EXISTS `" + t + "`");
                    }
                    st.execute("SET FOREIGN_KEY_CHECKS=1");
                }
                default -> throw new IllegalStateException();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
