package dev.sqlmodel.schema;

import java.util.Objects;

/**
 * Create an index.
 *
 * @param table the table name
 * @param index the index
 */
public record AddIndex(String table, IndexSchema index) implements SchemaChange {

    /** Validates the table and index. */
    public AddIndex {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(index, "index");
    }

    @Override
    public SchemaChange inverse() {
        return new DropIndex(table, index);
    }
}
