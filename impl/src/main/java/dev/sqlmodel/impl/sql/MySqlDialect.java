package dev.sqlmodel.impl.sql;

import dev.sqlmodel.Dialect;

/** MySQL 8 and MariaDB: backtick identifiers, ON DUPLICATE KEY UPDATE, RETURNING emulated. */
public class MySqlDialect extends SqlDialect {
    /** The shared instance. */
    public static final MySqlDialect INSTANCE = new MySqlDialect();

    @Override
    public Dialect kind() {
        return Dialect.MYSQL;
    }

    @Override
    public String quote(String name) {
        return '`' + name.replace("`", "``") + '`';
    }

    @Override
    public boolean supportsReturning() {
        return false;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public boolean supportsFullJoin() {
        return false;
    }
}
