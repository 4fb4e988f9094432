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

    /** Appends the quoted table of {@code meta}, qualified by its schema when it has one. */
    public void table(StringBuilder sb, dev.sqlmodel.impl.meta.ModelMeta<?> meta) {
        if (!meta.schema().isEmpty()) {
            sb.append(quote(meta.schema())).append('.');
        }
        sb.append(quote(meta.tableName()));
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

    /** Whether ORDER BY accepts NULLS FIRST / NULLS LAST. */
    public boolean supportsNullsOrdering() {
        return true;
    }

    /** Whether {@code x IN (SELECT ... LIMIT n)} is accepted as written. */
    public boolean supportsLimitInInSubquery() {
        return true;
    }

    /** Whether a backslash escapes the next character inside a quoted string. */
    public boolean backslashEscapesInStrings() {
        return false;
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

    // ---- rendering hooks used by SqlCompiler ---------------------------------------------

    /** Renders a null-safe comparison. */
    public void distinctFrom(SqlCompiler.Renderer r, dev.sqlmodel.Expr<?> left, dev.sqlmodel.Expr<?> right,
            boolean distinct) {
        r.sql('(');
        r.expr(left);
        r.sql(distinct ? " IS DISTINCT FROM " : " IS NOT DISTINCT FROM ");
        r.expr(right);
        r.sql(')');
    }

    /**
     * Renders a case-insensitive LIKE.
     *
     * @param escape the ESCAPE clause to write right after the pattern, or an empty string
     */
    public void ilike(SqlCompiler.Renderer r, dev.sqlmodel.Expr<?> operand, dev.sqlmodel.Expr<?> pattern,
            boolean negated, String escape) {
        r.sql("(LOWER(");
        r.expr(operand);
        r.sql(negated ? ") NOT LIKE LOWER(" : ") LIKE LOWER(");
        r.expr(pattern);
        r.sql(')').sql(escape).sql(')');
    }

    /**
     * Renders a case-sensitive match of literal text ({@code contains}, {@code startsWith},
     * {@code endsWith}): {@code pattern} is a LIKE pattern whose literal {@code %}, {@code _} and
     * escape characters are escaped with {@link dev.sqlmodel.ast.Like#ESCAPE}. It must match
     * exactly the strings that Java's {@code String.contains}/{@code startsWith}/{@code endsWith}
     * accept; PostgreSQL's LIKE does.
     *
     * @param escape the ESCAPE clause to write right after the pattern
     */
    public void literalMatch(SqlCompiler.Renderer r, dev.sqlmodel.Expr<?> operand, dev.sqlmodel.Expr<?> pattern,
            boolean negated, String escape) {
        r.sql('(');
        r.expr(operand);
        r.sql(negated ? " NOT LIKE " : " LIKE ");
        r.expr(pattern);
        r.sql(escape).sql(')');
    }

    /** Renders string concatenation. */
    public void concat(SqlCompiler.Renderer r, java.util.List<dev.sqlmodel.Expr<?>> args) {
        r.sql('(');
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                r.sql(" || ");
            }
            r.expr(args.get(i));
        }
        r.sql(')');
    }

    /** The function that counts characters. */
    public String lengthFunction() {
        return "LENGTH";
    }

    /** The SQL type of a double-precision number, as CAST spells it. */
    public String doubleType() {
        return "DOUBLE PRECISION";
    }

    /**
     * Renders {@code AVG(x)} computed in double precision. Left alone, MySQL averages integers
     * and decimals as a DECIMAL with four more places and PostgreSQL as a NUMERIC, so the same
     * rows would give different doubles; averaging doubles gives the same one everywhere.
     */
    public void avg(SqlCompiler.Renderer r, dev.sqlmodel.Expr<?> operand) {
        r.sql("AVG(CAST(");
        r.expr(operand);
        r.sql(" AS ").sql(doubleType()).sql("))");
    }

    /** Renders {@code MIN(x)} or {@code MAX(x)}. */
    public void minMax(SqlCompiler.Renderer r, boolean max, dev.sqlmodel.Expr<?> operand) {
        r.sql(max ? "MAX(" : "MIN(");
        r.expr(operand);
        r.sql(')');
    }

    /** Renders {@code ROUND(x, digits)}. */
    public void round(SqlCompiler.Renderer r, dev.sqlmodel.Expr<?> operand, dev.sqlmodel.Expr<?> digits) {
        r.sql("ROUND(");
        r.expr(operand);
        r.sql(", ");
        r.expr(digits);
        r.sql(')');
    }

    /** Renders the exact division of a decimal or floating-point expression. */
    public void exactDivision(SqlCompiler.Renderer r, dev.sqlmodel.Expr<?> left, dev.sqlmodel.Expr<?> right) {
        r.sql('(');
        r.expr(left);
        r.sql(" / ");
        r.expr(right);
        r.sql(')');
    }

    /** Renders the remainder of a decimal or floating-point division (sign of the dividend). */
    public void exactModulo(SqlCompiler.Renderer r, dev.sqlmodel.Expr<?> left, dev.sqlmodel.Expr<?> right) {
        r.sql('(');
        r.expr(left);
        r.sql(" % ");
        r.expr(right);
        r.sql(')');
    }

    /** The operator of integer division (truncating toward zero). */
    public String integerDivision() {
        return " / ";
    }

    /** Renders LIMIT and OFFSET; either may be null. */
    public void limitOffset(SqlCompiler.Renderer r, Long limit, Long offset) {
        if (limit != null) {
            r.sql(" LIMIT ");
            r.param(limit, Long.class);
        }
        if (offset != null) {
            r.sql(" OFFSET ");
            r.param(offset, Long.class);
        }
    }

    /** Renders FOR UPDATE with its options. */
    public void forUpdate(SqlCompiler.Renderer r, java.util.Set<dev.sqlmodel.LockOption> options) {
        r.sql(" FOR UPDATE");
        if (options.contains(dev.sqlmodel.LockOption.NOWAIT)) {
            r.sql(" NOWAIT");
        }
        if (options.contains(dev.sqlmodel.LockOption.SKIP_LOCKED)) {
            r.sql(" SKIP LOCKED");
        }
    }

    /** What a VALUES row holds for a generated key the database should assign. */
    public String generatedKeyPlaceholder() {
        return "DEFAULT";
    }

    /**
     * Renders the conflict clause of an upsert ({@code ON CONFLICT ...}).
     *
     * @param target conflict columns (empty: any conflict)
     * @param updates columns to take from the new row (empty: do nothing)
     * @param keys the primary-key columns, used as target when one is needed and none given
     */
    public void upsert(SqlCompiler.Renderer r, java.util.List<String> target, java.util.List<String> updates,
            java.util.List<String> keys) {
        java.util.List<String> t = target.isEmpty() && !updates.isEmpty() ? keys : target;
        r.sql(" ON CONFLICT");
        if (!t.isEmpty()) {
            r.sql(" (");
            r.identifiers(t);
            r.sql(')');
        }
        if (updates.isEmpty()) {
            r.sql(" DO NOTHING");
            return;
        }
        r.sql(" DO UPDATE SET ");
        for (int i = 0; i < updates.size(); i++) {
            if (i > 0) {
                r.sql(", ");
            }
            r.sql(quote(updates.get(i))).sql(" = excluded.").sql(quote(updates.get(i)));
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
