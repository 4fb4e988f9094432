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

    @Override
    public void ilike(SqlCompiler.Renderer r, dev.sqlmodel.Expr<?> operand, dev.sqlmodel.Expr<?> pattern,
            boolean negated, String escape) {
        r.sql('(');
        r.expr(operand);
        r.sql(negated ? " NOT ILIKE " : " ILIKE ");
        r.expr(pattern);
        r.sql(escape).sql(')');
    }

    /** PostgreSQL has no {@code double precision % ...}: take the remainder in NUMERIC. */
    @Override
    public void exactModulo(SqlCompiler.Renderer r, dev.sqlmodel.Expr<?> left, dev.sqlmodel.Expr<?> right) {
        r.sql("(CAST(");
        r.expr(left);
        r.sql(" AS NUMERIC) % CAST(");
        r.expr(right);
        r.sql(" AS NUMERIC))");
    }

    /**
     * PostgreSQL has no MIN/MAX of booleans or (before 16) of UUIDs: booleans take BOOL_AND /
     * BOOL_OR, UUIDs compare as their text in the C collation, which orders lower-case hex the
     * way PostgreSQL orders the bytes (and MySQL and SQLite the CHAR(36) text).
     */
    @Override
    public void minMax(SqlCompiler.Renderer r, boolean max, dev.sqlmodel.Expr<?> operand) {
        Class<?> type = dev.sqlmodel.impl.meta.Types.box(operand.javaType());
        if (type == Boolean.class) {
            r.sql(max ? "BOOL_OR(" : "BOOL_AND(");
            r.expr(operand);
            r.sql(')');
        } else if (type == java.util.UUID.class) {
            r.sql(max ? "CAST(MAX(CAST(" : "CAST(MIN(CAST(");
            r.expr(operand);
            r.sql(" AS TEXT) COLLATE \"C\") AS UUID)");
        } else {
            super.minMax(r, max, operand);
        }
    }

    /** PostgreSQL has no ROUND(double precision, int): round through NUMERIC. */
    @Override
    public void round(SqlCompiler.Renderer r, dev.sqlmodel.Expr<?> operand, dev.sqlmodel.Expr<?> digits) {
        r.sql("ROUND(CAST(");
        r.expr(operand);
        r.sql(" AS NUMERIC), ");
        r.expr(digits);
        r.sql(')');
    }
}
