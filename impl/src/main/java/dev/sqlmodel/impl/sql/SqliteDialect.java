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

    /**
     * SQLite's LIKE ignores the case of ASCII letters, so literal matches use GLOB, which is
     * case-sensitive: the escaped LIKE pattern becomes a GLOB pattern ({@code %} to {@code *},
     * {@code _} to {@code ?}, and the GLOB wildcards {@code *}, {@code ?}, {@code [} of the text
     * bracketed so they stand for themselves).
     */
    @Override
    public void literalMatch(SqlCompiler.Renderer r, dev.sqlmodel.Expr<?> operand, dev.sqlmodel.Expr<?> pattern,
            boolean negated, String escape) {
        if (!(pattern instanceof dev.sqlmodel.ast.Param<?> p) || !(p.value() instanceof String like)) {
            super.literalMatch(r, operand, pattern, negated, escape);
            return;
        }
        r.sql('(');
        r.expr(operand);
        r.sql(negated ? " NOT GLOB " : " GLOB ");
        r.param(glob(like), String.class);
        r.sql(')');
    }

    /** The GLOB pattern matching what the LIKE pattern {@code like} (escaped with {@code Like.ESCAPE}) matches, case-sensitively. */
    static String glob(String like) {
        StringBuilder sb = new StringBuilder(like.length() + 8);
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == dev.sqlmodel.ast.Like.ESCAPE && i + 1 < like.length()) {
                literal(sb, like.charAt(++i));
            } else if (c == '%') {
                sb.append('*');
            } else if (c == '_') {
                sb.append('?');
            } else {
                literal(sb, c);
            }
        }
        return sb.toString();
    }

    private static void literal(StringBuilder sb, char c) {
        if (c == '*' || c == '?' || c == '[') {
            sb.append('[').append(c).append(']');
        } else {
            sb.append(c);
        }
    }

    /** The file is locked by the IMMEDIATE transaction already. */
    @Override
    public void forUpdate(SqlCompiler.Renderer r, java.util.Set<dev.sqlmodel.LockOption> options) {
    }
}
