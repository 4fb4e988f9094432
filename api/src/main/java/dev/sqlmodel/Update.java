package dev.sqlmodel;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable bulk UPDATE. Instances already in a session are not changed by it.
 *
 * @param <M> the model type
 */
public abstract class Update<M> implements Statement {

    /** For the statement implementation only. */
    protected Update() {
    }

    /** Sets {@code column} to {@code value}. */
    public abstract <T> Update<M> set(Column<M, T> column, T value);

    /** Sets {@code column} to the value of {@code expr}. */
    public abstract <T> Update<M> set(Column<M, T> column, Expr<T> expr);

    /** Adds conditions, joined with AND. Without any, every row is updated. */
    @SafeVarargs
    public final Update<M> where(Expr<Boolean>... conditions) {
        return where(Arrays.asList(conditions));
    }

    /** Adds conditions, joined with AND. Without any, every row is updated. */
    public abstract Update<M> where(List<? extends Expr<Boolean>> conditions);

    /** Returns the updated rows as models. */
    public abstract Query<M> returning(Class<M> model);

    /** Returns {@code expr} of each updated row. */
    public abstract <T> Query<T> returning(Expr<T> expr);
}
