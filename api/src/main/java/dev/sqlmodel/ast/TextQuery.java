package dev.sqlmodel.ast;

import dev.sqlmodel.Query;

/** Verbatim SQL whose rows are read as {@code type}. */
public record TextQuery<R>(TextNode text, Class<R> type) implements Query<R> {
}
