package dev.sqlmodel;

/**
 * A {@code CASE WHEN ... THEN ... END} expression under construction; without
 * {@link #otherwise} the result is NULL when no branch matches.
 *
 * @param <T> the result type
 */
public interface CaseExpr<T> extends Expr<T> {

    /** Adds a {@code WHEN condition THEN result} branch. */
    CaseExpr<T> orWhen(Expr<Boolean> condition, Expr<T> result);

    /** Adds a {@code WHEN condition THEN value} branch. */
    CaseExpr<T> orWhen(Expr<Boolean> condition, T value);

    /** Ends the expression with {@code ELSE result}. */
    Expr<T> otherwise(Expr<T> result);

    /** Ends the expression with {@code ELSE value}. */
    Expr<T> otherwise(T value);
}
