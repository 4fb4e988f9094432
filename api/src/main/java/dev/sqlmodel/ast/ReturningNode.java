package dev.sqlmodel.ast;

import dev.sqlmodel.Expr;
import dev.sqlmodel.Query;
import dev.sqlmodel.Statement;
import java.util.Objects;

/**
 * An insert, update or delete that returns rows: whole models ({@code model} set) or one
 * expression ({@code expr} set).
 */
public record ReturningNode<R>(Statement statement, Class<?> model, Expr<?> expr) implements Query<R> {
    /** Checks that exactly one of model and expr is set. */
    public ReturningNode {
        Objects.requireNonNull(statement, "statement");
        if ((model == null) == (expr == null)) {
            throw new IllegalArgumentException("returning needs a model or an expression");
        }
    }

    /** Returning whole models. */
    public static <M> ReturningNode<M> model(Statement statement, Class<M> model) {
        return new ReturningNode<>(statement, Objects.requireNonNull(model, "model"), null);
    }

    /** Returning one expression. */
    public static <T> ReturningNode<T> expr(Statement statement, Expr<T> expr) {
        return new ReturningNode<>(statement, null, Objects.requireNonNull(expr, "expr"));
    }
}
