package dev.sqlmodel.ast;

import dev.sqlmodel.Expr;

/** A unary operation. */
public record Unary<T>(UnaryOp op, Expr<?> operand, Class<T> javaType) implements Expr<T> {
}
