package dev.sqlmodel.schema;

import java.util.Objects;

/**
 * Create a table with its keys, constraints and indexes.
 *
 * @param definition the table to create
 */
public record CreateTable(TableSchema definition) implements SchemaChange {

    /** Validates the definition. */
    public CreateTable {
        Objects.requireNonNull(definition, "definition");
    }

    @Override
    public String table() {
        return definition.name();
    }

    @Override
    public SchemaChange inverse() {
        return new DropTable(definition);
    }
}
