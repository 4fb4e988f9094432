package dev.sqlmodel.impl.engine;

import com.mysql.cj.jdbc.MysqlDataSource;
import dev.sqlmodel.Dialect;
import dev.sqlmodel.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/** The three test databases: an SQLite file under target/, PostgreSQL and MariaDB on localhost. */
final class TestDatabases {
    static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String MYSQL_URL = "jdbc:mysql://127.0.0.1:3306/test";

    private TestDatabases() {
    }

    /** Every dialect, for {@code @MethodSource}. */
    static Stream<Dialect> dialects() {
        return Stream.of(Dialect.values());
    }

    /** The JDBC URL of {@code dialect}; SQLite uses the file {@code target/<file>.db}. */
    static String url(Dialect dialect, String file) {
        return switch (dialect) {
            case SQLITE -> "jdbc:sqlite:" + sqliteFile(file);
            case POSTGRESQL -> PG_URL;
            case MYSQL -> MYSQL_URL;
        };
    }

    static Path sqliteFile(String file) {
        try {
            Path dir = Path.of("target").toAbsolutePath();
            Files.createDirectories(dir);
            return dir.resolve(file + ".db");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A builder for {@code dialect} with the test credentials. */
    static Engine.Builder builder(Dialect dialect, String file) {
        Engine.Builder b = Engine.builder().url(url(dialect, file));
        return switch (dialect) {
            case SQLITE -> b;
            case POSTGRESQL -> b.user("postgres");
            case MYSQL -> b.user("root").password("");
        };
    }

    /** A plain, unpooled driver DataSource for {@code dialect}. */
    static DataSource dataSource(Dialect dialect, String file) {
        switch (dialect) {
            case SQLITE -> {
                SQLiteDataSource ds = new SQLiteDataSource();
                ds.setUrl(url(dialect, file));
                return ds;
            }
            case POSTGRESQL -> {
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setUrl(PG_URL);
                ds.setUser("postgres");
                return ds;
            }
            case MYSQL -> {
                MysqlDataSource ds = new MysqlDataSource();
                ds.setUrl(MYSQL_URL);
                ds.setUser("root");
                ds.setPassword("");
                return ds;
            }
            default -> throw new IllegalArgumentException(dialect.name());
        }
    }

    /** A raw JDBC connection outside any engine. */
    static Connection connect(Dialect dialect, String file) throws SQLException {
        return dataSource(dialect, file).getConnection();
    }

    /** The catalog argument of DatabaseMetaData calls for the test database. */
    static String catalog(Dialect dialect) {
        return dialect == Dialect.MYSQL ? "test" : null;
    }

    /** The schema argument of DatabaseMetaData calls for the test database. */
    static String schema(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL ? "public" : null;
    }
}
