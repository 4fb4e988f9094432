package dev.sqlmodel;

/** The SQL dialects this library speaks. */
public enum Dialect {
    /** SQLite 3.35 or newer. */
    SQLITE,
    /** PostgreSQL 12 or newer. */
    POSTGRESQL,
    /** MySQL 8 and MariaDB 10.5 or newer. */
    MYSQL;

    /**
     * The dialect of a JDBC URL.
     *
     * @throws SqlModelException when the URL names another database
     */
    public static Dialect fromUrl(String url) {
        if (url != null) {
            if (url.startsWith("jdbc:sqlite:")) {
                return SQLITE;
            }
            if (url.startsWith("jdbc:postgresql:")) {
                return POSTGRESQL;
            }
            if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
                return MYSQL;
            }
        }
        throw new SqlModelException("unsupported JDBC URL '" + url
                + "': expected jdbc:sqlite:, jdbc:postgresql:, jdbc:mysql: or jdbc:mariadb:");
    }
}
