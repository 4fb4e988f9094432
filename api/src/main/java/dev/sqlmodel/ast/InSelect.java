package dev.sqlmodel.ast;

import dev.sqlmodel.Expr;

/** {@code operand [NOT] IN (subquery)}. */
public record InSelect(Expr<?> operand, SelectNode<?> select, boolean negated) implements Expr<Boolean> {
    @Override
    public Class<Boolean> javaType() {
        return Boolean.class;
    }
}
