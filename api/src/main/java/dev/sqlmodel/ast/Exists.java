package dev.sqlmodel.ast;

import dev.sqlmodel.Expr;

/** {@code [NOT] EXISTS (subquery)}. */
public record Exists(SelectNode<?> select, boolean negated) implements Expr<Boolean> {
    @Override
    public Class<Boolean> javaType() {
        return Boolean.class;
    }
}
