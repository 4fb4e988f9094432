package dev.sqlmodel.impl.engine;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.SqlModelException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;

/**
 * What the database server says it is, read once from {@link DatabaseMetaData}.
 *
 * @param dialect the dialect to speak
 * @param productName the product name the driver reports
 * @param productVersion the product version the driver reports
 * @param mariaDb whether the server is MariaDB (spoken to as {@link Dialect#MYSQL})
 * @param majorVersion the server's major version (MariaDB: its own, not the {@code 5.5.5-} prefix)
 */
public record ServerInfo(Dialect dialect, String productName, String productVersion, boolean mariaDb,
        int majorVersion) {

    /** Validates the components. */
    public ServerInfo {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(productVersion, "productVersion");
    }

    /**
     * Reads the server description of {@code connection}.
     *
     * @throws SQLException when the metadata cannot be read
     * @throws SqlModelException when the product is not SQLite, PostgreSQL, MySQL or MariaDB
     */
    public static ServerInfo read(Connection connection) throws SQLException {
        DatabaseMetaData md = connection.getMetaData();
        String name = md.getDatabaseProductName();
        String version = md.getDatabaseProductVersion();
        name = name == null ? "" : name;
        version = version == null ? "" : version;
        String lower = name.toLowerCase(Locale.ROOT);
        boolean maria = lower.contains("mariadb") || version.toLowerCase(Locale.ROOT).contains("mariadb");
        Dialect dialect;
        if (lower.contains("sqlite")) {
            dialect = Dialect.SQLITE;
        } else if (lower.contains("postgresql")) {
            dialect = Dialect.POSTGRESQL;
        } else if (lower.contains("mysql") || maria) {
            dialect = Dialect.MYSQL;
        } else {
            throw new SqlModelException("unsupported database '" + name + " " + version
                    + "': expected SQLite, PostgreSQL, MySQL or MariaDB");
        }
        return new ServerInfo(dialect, name, version, maria, majorVersion(version, md));
    }

    private static int majorVersion(String version, DatabaseMetaData md) throws SQLException {
        // MariaDB announces itself as "5.5.5-10.11.6-MariaDB" to old MySQL clients.
        String v = version.startsWith("5.5.5-") ? version.substring(6) : version;
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end > 0 ? Integer.parseInt(v.substring(0, end)) : md.getDatabaseMajorVersion();
    }
}
