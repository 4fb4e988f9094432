package dev.sqlmodel.impl.sql;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.SqlModelException;

/**
 * What differs between databases, in small overridable methods: quoting, capabilities and
 * the spelling of the few constructs that are not standard SQL. The compiler asks; it never
 * tests which dialect it has.
 */
public abstract class SqlDialect {

    /** The dialect object for {@code dialect}. */
    public static SqlDialect of(Dialect dialect) {
        return switch (dialect) {
            case SQLITE -> SqliteDialect.INSTANCE;
            case POSTGRESQL -> PostgresDialect.INSTANCE;
            case MYSQL -> MySqlDialect.INSTANCE;
        };
    }

    /** Which dialect this is. */
    public abstract Dialect kind();

    /** {@code name} quoted as an identifier. */
    public String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** Appends {@code name} quoted. */
    public void quote(StringBuilder sb, String name) {
        sb.append(quote(name));
    }

    /** Whether INSERT/UPDATE/DELETE ... RETURNING is native. */
    public boolean supportsReturning() {
        return true;
    }

    /** Whether DDL takes part in transactions. */
    public boolean transactionalDdl() {
        return true;
    }

    /** Whether FULL OUTER JOIN is supported. */
    public boolean supportsFullJoin() {
        return true;
    }

    /** Whether RIGHT OUTER JOIN is supported. */
    public boolean supportsRightJoin() {
        return true;
    }

    /** Whether SELECT ... FOR UPDATE is rendered (SQLite locks the whole file instead). */
    public boolean supportsForUpdate() {
        return true;
    }

    /** The most bound parameters one statement may carry. */
    public int maxParameters() {
        return 32_000;
    }

    /**
     * Throws when a feature is missing.
     *
     * @throws SqlModelException naming the feature and the dialect
     */
    public SqlModelException unsupported(String feature) {
        return new SqlModelException(feature + " is not supported on " + kind());
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
