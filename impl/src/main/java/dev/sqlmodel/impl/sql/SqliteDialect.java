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

    /** SQLite has no DEFAULT in VALUES; NULL makes INTEGER PRIMARY KEY take the next rowid. */
    @Override
    public String generatedKeyPlaceholder() {
        return "NULL";
    }

    @Override
    public String doubleType() {
        return "REAL";
    }

    /** SQLite wants LIMIT before OFFSET; -1 means no limit. */
    @Override
    public void limitOffset(SqlCompiler.Renderer r, Long limit, Long offset) {
        if (limit == null && offset == null) {
            return;
        }
        r.sql(" LIMIT ");
        r.param(limit == null ? -1L : limit, Long.class);
        if (offset != null) {
            r.sql(" OFFSET ");
            r.param(offset, Long.class);
        }
    }

    /**
     * SQLite stores a whole decimal such as 7.00 as the integer 7 (NUMERIC affinity), and
     * integer / integer truncates: divide as REAL so decimal division stays exact.
     */
    @Override
    public void exactDivision(SqlCompiler.Renderer r, dev.sqlmodel.Expr<?> left, dev.sqlmodel.Expr<?> right) {
        r.sql("(CAST(");
        r.expr(left);
        r.sql(" AS REAL) / ");
        r.expr(right);
        r.sql(')');
    }

    /** SQLite's {@code %} works on integers only (2.5 % 2 is 0); MOD() is fmod. */
    @Override
    public void exactModulo(SqlCompiler.Renderer r, dev.sqlmodel.Expr<?> left, dev.sqlmodel.Expr<?> right) {
        r.sql("MOD(");
        r.expr(left);
        r.sql(", ");
        r.expr(right);
        r.sql(')');
    }

    /** The file is locked by the IMMEDIATE transaction already. */
    @Override
    public void forUpdate(SqlCompiler.Renderer r, java.util.Set<dev.sqlmodel.LockOption> options) {
    }
}
