package dev.sqlmodel.ast;

import dev.sqlmodel.Expr;

/** An expression with a label ({@code expr AS alias}) in a select list. */
public record Named<T>(Expr<T> expr, String alias) implements Expr<T> {
    @Override
    public Class<T> javaType() {
        return expr.javaType();
    }
}
