package dev.sqlmodel;

/**
 * Verbatim SQL with named parameters ({@code :name}); values are bound, never spliced.
 */
public interface Text extends Statement {

    /** Binds {@code value} to every {@code :name} in the text. */
    Text bind(String name, Object value);

    /**
     * Reads the result rows as {@code type}: a model, a {@link Row}, a record/DTO (by column
     * label) or a single-column scalar type.
     */
    <R> Query<R> as(Class<R> type);
}
