package dev.sqlmodel.ast;

import dev.sqlmodel.Expr;

/** {@code CAST(operand AS sqlType)}. */
public record Cast<T>(Expr<?> operand, String sqlType, Class<T> javaType) implements Expr<T> {
}
