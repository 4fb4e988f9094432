package dev.sqlmodel.ast;

import dev.sqlmodel.Expr;

/** {@code operand [NOT] BETWEEN low AND high}. */
public record Between(Expr<?> operand, Expr<?> low, Expr<?> high, boolean negated) implements Expr<Boolean> {
    @Override
    public Class<Boolean> javaType() {
        return Boolean.class;
    }
}
