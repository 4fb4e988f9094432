package dev.sqlmodel;

import dev.sqlmodel.spi.Provider;

/**
 * A statement that returns rows of type {@code R}: a {@link Select}, an insert, update or
 * delete with {@code returning}, or {@link Text#as}. Run it with {@link Session#exec}.
 *
 * @param <R> the result type
 */
public interface Query<R> {

    /**
     * The SQL and parameters this query renders for {@code dialect}.
     *
     * @throws SqlModelException when the dialect cannot express the query
     */
    default CompiledSql toSql(Dialect dialect) {
        return Provider.get().compile(this, dialect);
    }
}
