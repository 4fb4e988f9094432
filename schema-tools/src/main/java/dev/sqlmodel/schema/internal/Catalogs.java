package dev.sqlmodel.schema.internal;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.schema.DatabaseSchema;
import java.sql.Connection;
import java.sql.SQLException;

/** Chooses the catalog reader of a dialect. */
public final class Catalogs {
    private Catalogs() {
    }

    /** The schema read through {@code c}, a connection to a {@code dialect} database. */
    public static DatabaseSchema read(Dialect dialect, Connection c) throws SQLException {
        return switch (dialect) {
            case SQLITE -> SqliteCatalog.read(c);
            case POSTGRESQL -> PostgresCatalog.read(c);
            case MYSQL -> MySqlCatalog.read(c);
        };
    }
}
