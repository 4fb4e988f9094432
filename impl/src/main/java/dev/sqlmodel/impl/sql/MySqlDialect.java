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

    /** MySQL reads a backslash in a quoted string as an escape (unless sql_mode has NO_BACKSLASH_ESCAPES). */
    @Override
    public boolean backslashEscapesInStrings() {
        return true;
    }

    /** MySQL and MariaDB reject LIMIT in an IN subquery ({@code doesn't yet support 'LIMIT & IN/ALL/ANY/SOME subquery'}). */
    @Override
    public boolean supportsLimitInInSubquery() {
        return false;
    }

    @Override
    public boolean supportsNullsOrdering() {
        return false;
    }

    @Override
    public boolean supportsFullJoin() {
        return false;
    }

    @Override
    public void distinctFrom(SqlCompiler.Renderer r, dev.sqlmodel.Expr<?> left, dev.sqlmodel.Expr<?> right,
            boolean distinct) {
        r.sql(distinct ? "(NOT (" : "((");
        r.expr(left);
        r.sql(" <=> ");
        r.expr(right);
        r.sql("))");
    }

    @Override
    public void concat(SqlCompiler.Renderer r, java.util.List<dev.sqlmodel.Expr<?>> args) {
        r.sql("CONCAT(");
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                r.sql(", ");
            }
            r.expr(args.get(i));
        }
        r.sql(')');
    }

    /** MySQL 8.0.17+ and MariaDB 10.4+ accept {@code CAST(x AS DOUBLE)}. */
    @Override
    public String doubleType() {
        return "DOUBLE";
    }

    /** MySQL's LENGTH counts bytes. */
    @Override
    public String lengthFunction() {
        return "CHAR_LENGTH";
    }

    /** MySQL's {@code /} always yields a decimal. */
    @Override
    public String integerDivision() {
        return " DIV ";
    }

    /** MySQL needs a LIMIT for an OFFSET: the largest unsigned BIGINT means no limit. */
    @Override
    public void limitOffset(SqlCompiler.Renderer r, Long limit, Long offset) {
        if (limit == null && offset == null) {
            return;
        }
        r.sql(" LIMIT ");
        if (limit == null) {
            r.sql("18446744073709551615");
        } else {
            r.param(limit, Long.class);
        }
        if (offset != null) {
            r.sql(" OFFSET ");
            r.param(offset, Long.class);
        }
    }

    /**
     * {@code ON DUPLICATE KEY UPDATE}: any unique key counts, the target is ignored. Doing
     * nothing is a no-op assignment rather than INSERT IGNORE, which would also hide foreign
     * key and NOT NULL errors.
     */
    @Override
    public void upsert(SqlCompiler.Renderer r, java.util.List<String> target, java.util.List<String> updates,
            java.util.List<String> keys) {
        r.sql(" ON DUPLICATE KEY UPDATE ");
        if (updates.isEmpty()) {
            String k = quote(keys.get(0));
            r.sql(k).sql(" = ").sql(k);
            return;
        }
        for (int i = 0; i < updates.size(); i++) {
            if (i > 0) {
                r.sql(", ");
            }
            String c = quote(updates.get(i));
            r.sql(c).sql(" = VALUES(").sql(c).sql(')');
        }
    }

    /**
     * Under MySQL's usual collations ({@code utf8mb4_general_ci}, {@code utf8mb4_0900_ai_ci}) LIKE
     * ignores case and accents and treats every character outside the Basic Multilingual Plane
     * as equal, so literal matches compare bytes: the pattern is cast to BINARY, and since both
     * sides are UTF-8 a byte match is a character match.
     */
    @Override
    public void literalMatch(SqlCompiler.Renderer r, dev.sqlmodel.Expr<?> operand, dev.sqlmodel.Expr<?> pattern,
            boolean negated, String escape) {
        r.sql('(');
        r.expr(operand);
        r.sql(negated ? " NOT LIKE CAST(" : " LIKE CAST(");
        r.expr(pattern);
        r.sql(" AS BINARY)").sql(escape).sql(')');
    }

    /**
     * The case-insensitive literal matches ({@code icontains} and the like) compare the lower-cased
     * bytes, for the same reason as {@link #literalMatch}: under {@code utf8mb4_general_ci} every
     * character outside the Basic Multilingual Plane would match every other. A pattern given as
     * is ({@code ilike}) keeps the collation's LIKE, where {@code _} stands for one character.
     */
    @Override
    public void ilike(SqlCompiler.Renderer r, dev.sqlmodel.Expr<?> operand, dev.sqlmodel.Expr<?> pattern,
            boolean negated, String escape) {
        if (escape.isEmpty()) {
            super.ilike(r, operand, pattern, negated, escape);
            return;
        }
        r.sql("(LOWER(");
        r.expr(operand);
        r.sql(negated ? ") NOT LIKE CAST(LOWER(" : ") LIKE CAST(LOWER(");
        r.expr(pattern);
        r.sql(") AS BINARY)").sql(escape).sql(')');
    }
}
