package dev.sqlmodel.schema;

import java.util.Objects;

/**
 * Drop a table (destructive). It keeps the table's definition so that its inverse can create it
 * again (without the rows).
 *
 * @param definition the table to drop
 */
public record DropTable(TableSchema definition) implements SchemaChange {

    /** Validates the definition. */
    public DropTable {
        Objects.requireNonNull(definition, "definition");
    }

    @Override
    public String table() {
        return definition.name();
    }

    @Override
    public boolean isDestructive() {
        return true;
    }

    @Override
    public SchemaChange inverse() {
        return new CreateTable(definition);
    }
}
