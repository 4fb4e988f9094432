package dev.sqlmodel;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable bulk DELETE. Instances already in a session are not detached by it.
 *
 * @param <M> the model type
 */
public abstract class Delete<M> implements Statement {

    /** For the statement implementation only. */
    protected Delete() {
    }

    /** Adds conditions, joined with AND. Without any, every row is deleted. */
    @SafeVarargs
    public final Delete<M> where(Expr<Boolean>... conditions) {
        return where(Arrays.asList(conditions));
    }

    /** Adds conditions, joined with AND. Without any, every row is deleted. */
    public abstract Delete<M> where(List<? extends Expr<Boolean>> conditions);

    /** Returns the deleted rows as models. */
    public abstract Query<M> returning(Class<M> model);

    /** Returns {@code expr} of each deleted row. */
    public abstract <T> Query<T> returning(Expr<T> expr);
}
