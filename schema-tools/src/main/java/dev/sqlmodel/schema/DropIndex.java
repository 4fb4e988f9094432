package dev.sqlmodel.schema;

import java.util.Objects;

/**
 * Drop an index.
 *
 * @param table the table name
 * @param index the index
 */
public record DropIndex(String table, IndexSchema index) implements SchemaChange {

    /** Validates the table and index. */
    public DropIndex {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(index, "index");
    }

    @Override
    public SchemaChange inverse() {
        return new AddIndex(table, index);
    }
}
