package dev.sqlmodel.ast;

import dev.sqlmodel.Expr;

/** A scalar subquery. */
public record Subquery<T>(SelectNode<?> select, Class<T> javaType) implements Expr<T> {
}
