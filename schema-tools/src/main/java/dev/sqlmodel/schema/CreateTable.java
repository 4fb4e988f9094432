package dev.sqlmodel.schema;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.schema.internal.ChangeSql;
import java.util.List;
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
    public List<String> sql(Dialect dialect) {
        return ChangeSql.of(this, dialect);
    }

    @Override
    public boolean isDestructive() {
        return false;
    }

    @Override
    public SchemaChange inverse() {
        return new DropTable(definition);
    }
}
