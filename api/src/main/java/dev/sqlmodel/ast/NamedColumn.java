package dev.sqlmodel.ast;

import dev.sqlmodel.Expr;
import java.util.Objects;

/** A column named by its SQL name, optionally qualified by a table name. */
public record NamedColumn(String table, String column) implements Expr<Object> {
    /** Checks the column name is present. */
    public NamedColumn {
        Objects.requireNonNull(column, "column");
    }

    @Override
    public Class<Object> javaType() {
        return Object.class;
    }
}
