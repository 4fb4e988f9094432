package dev.sqlmodel.ast;

import dev.sqlmodel.Column;
import dev.sqlmodel.Expr;

/** {@code column = value} in an UPDATE. */
public record Assignment(Column<?, ?> column, Expr<?> value) {
}
