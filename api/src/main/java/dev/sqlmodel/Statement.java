package dev.sqlmodel;

import dev.sqlmodel.spi.Provider;

/**
 * A statement that returns a row count: {@link Insert}, {@link Update}, {@link Delete},
 * {@link Text}. Run it with {@link Session#execute}.
 */
public interface Statement {

    /**
     * The SQL and parameters this statement renders for {@code dialect}.
     *
     * @throws SqlModelException when the dialect cannot express the statement
     */
    default CompiledSql toSql(Dialect dialect) {
        return Provider.get().compile(this, dialect);
    }
}
