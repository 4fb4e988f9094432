package dev.sqlmodel;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * An immutable INSERT of model instances.
 *
 * @param <M> the model type
 */
public abstract class Insert<M> implements Statement {

    /** For the statement implementation only. */
    protected Insert() {
    }

    /** Adds rows to insert. */
    @SafeVarargs
    public final Insert<M> values(M... rows) {
        return values(Arrays.asList(rows));
    }

    /** Adds rows to insert. */
    public abstract Insert<M> values(Collection<? extends M> rows);

    /**
     * Starts an upsert on a conflict over {@code target} (ignored on MySQL, where any unique
     * key counts); no columns means any conflict.
     */
    @SafeVarargs
    public final OnConflict<M> onConflict(Column<M, ?>... target) {
        return onConflict(Arrays.asList(target));
    }

    /** Starts an upsert on a conflict over {@code target}; an empty list means any conflict. */
    public abstract OnConflict<M> onConflict(List<? extends Column<M, ?>> target);

    /** Returns the inserted rows as models (native RETURNING or emulated). */
    public abstract Query<M> returning(Class<M> model);

    /** Returns {@code expr} of each inserted row. */
    public abstract <T> Query<T> returning(Expr<T> expr);

    /**
     * What to do on a conflict.
     *
     * @param <M> the model type
     */
    public abstract static class OnConflict<M> {
        /** For the statement implementation only. */
        protected OnConflict() {
        }

        /** Skips the conflicting rows. */
        public abstract Insert<M> doNothing();

        /** Updates {@code columns} of the existing row from the row being inserted. */
        @SafeVarargs
        public final Insert<M> doUpdate(Column<M, ?>... columns) {
            return doUpdate(Arrays.asList(columns));
        }

        /** Updates {@code columns} of the existing row from the row being inserted. */
        public abstract Insert<M> doUpdate(List<? extends Column<M, ?>> columns);
    }
}
