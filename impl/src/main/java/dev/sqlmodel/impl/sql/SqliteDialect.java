package dev.sqlmodel.impl.sql;

import dev.sqlmodel.Dialect;

/** SQLite 3.35+: native RETURNING and upsert, no row locks, LIKE case-insensitive for ASCII. */
public class SqliteDialect extends SqlDialect {
    /** The shared instance. */
    public static final SqliteDialect INSTANCE = new SqliteDialect();

    @Override
    public Dialect kind() {
        return Dialect.SQLITE;
    }

    @Override
    public boolean supportsForUpdate() {
        return false;
    }
}
