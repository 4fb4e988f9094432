package dev.sqlmodel.impl.sql;

import dev.sqlmodel.Dialect;

/** PostgreSQL: the reference dialect; ILIKE, RETURNING, transactional DDL. */
public class PostgresDialect extends SqlDialect {
    /** The shared instance. */
    public static final PostgresDialect INSTANCE = new PostgresDialect();

    @Override
    public Dialect kind() {
        return Dialect.POSTGRESQL;
    }
}
