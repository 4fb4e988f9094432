package dev.sqlmodel.schema;

import java.util.List;
import java.util.Objects;

/**
 * An index.
 *
 * @param name the index name
 * @param columns the indexed columns, in index order
 * @param unique whether it is a unique index (one that no unique constraint owns)
 */
public record IndexSchema(String name, List<String> columns, boolean unique) {

    /** Validates and copies the column list. */
    public IndexSchema {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }
}
