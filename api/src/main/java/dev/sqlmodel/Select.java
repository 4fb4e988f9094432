package dev.sqlmodel;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable SELECT statement; every method returns a new one. Build it with
 * {@link Sql#select}.
 *
 * @param <R> the type of each result
 */
public abstract class Select<R> implements Query<R> {

    /** For the statement implementation only. */
    protected Select() {
    }

    /** Sets the FROM table (needed when only expressions are selected). */
    public abstract Select<R> from(Class<?> model);

    /** Adds conditions, joined with AND to those already present. */
    @SafeVarargs
    public final Select<R> where(Expr<Boolean>... conditions) {
        return where(Arrays.asList(conditions));
    }

    /** Adds conditions, joined with AND to those already present. */
    public abstract Select<R> where(List<? extends Expr<Boolean>> conditions);

    /** Joins {@code condition} with OR to the conditions already present. */
    public abstract Select<R> orWhere(Expr<Boolean> condition);

    /**
     * Inner join on the single foreign key between {@code model} and a table already in the query.
     *
     * @throws MappingException (when compiled) if there is no such key or more than one
     */
    public abstract Select<R> join(Class<?> model);

    /** Inner join on {@code on}. */
    public abstract Select<R> join(Class<?> model, Expr<Boolean> on);

    /** Left outer join on the inferred foreign key. */
    public abstract Select<R> leftJoin(Class<?> model);

    /** Left outer join on {@code on}. */
    public abstract Select<R> leftJoin(Class<?> model, Expr<Boolean> on);

    /** Right outer join on the inferred foreign key. */
    public abstract Select<R> rightJoin(Class<?> model);

    /** Right outer join on {@code on}. */
    public abstract Select<R> rightJoin(Class<?> model, Expr<Boolean> on);

    /** Full outer join on the inferred foreign key (MySQL has none: compiling it there throws {@link SqlModelException}). */
    public abstract Select<R> fullJoin(Class<?> model);

    /** Full outer join on {@code on} (MySQL has none: compiling it there throws {@link SqlModelException}). */
    public abstract Select<R> fullJoin(Class<?> model, Expr<Boolean> on);

    /** Adds GROUP BY expressions. */
    public abstract Select<R> groupBy(Expr<?>... exprs);

    /** Adds a HAVING condition, joined with AND to those already present. */
    public abstract Select<R> having(Expr<Boolean> condition);

    /** Adds ORDER BY items. */
    public abstract Select<R> orderBy(Order... orders);

    /** Adds ascending ORDER BY items. */
    public abstract Select<R> orderBy(Expr<?>... exprs);

    /** At most {@code limit} rows. */
    public abstract Select<R> limit(long limit);

    /** Skips {@code offset} rows. */
    public abstract Select<R> offset(long offset);

    /** SELECT DISTINCT. */
    public abstract Select<R> distinct();

    /** Locks the selected rows until the transaction ends (ignored on SQLite, which locks the file). */
    public abstract Select<R> forUpdate();

    /** Locks the selected rows with NOWAIT or SKIP LOCKED. */
    public abstract Select<R> forUpdate(LockOption... options);

    /**
     * Loads the relationships eagerly, one query per relationship; a ref whose owner is the
     * target of an earlier ref is loaded one level deeper.
     */
    public abstract Select<R> fetch(RelationshipRef<?, ?>... relationships);

    /** {@code this UNION other} (duplicates removed). */
    public abstract Select<R> union(Select<R> other);

    /** {@code this UNION ALL other}. */
    public abstract Select<R> unionAll(Select<R> other);

    /**
     * Maps each result row to a record or class {@code type}: component or field {@code fooBar}
     * takes the column labelled {@code foo_bar} or {@code fooBar}, ignoring case.
     */
    public abstract <D> Select<D> into(Class<D> type);
}
