package dev.sqlmodel;

/** One result row of a multi-item select: models and expression values by position. */
public interface Row {

    /**
     * The model of type {@code model} in this row (null when an outer join found none).
     *
     * @throws IllegalArgumentException when the select has no such model
     */
    <M> M get(Class<M> model);

    /**
     * The value of {@code expr}, which must be one of the selected expressions.
     *
     * @throws IllegalArgumentException when the select has no such expression
     */
    <T> T get(Expr<T> expr);

    /**
     * The item at {@code index} (0-based), converted to {@code type}.
     *
     * @throws IndexOutOfBoundsException when there is no such item
     */
    <T> T get(int index, Class<T> type);

    /** The number of items in the row. */
    int size();
}
