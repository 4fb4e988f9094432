package dev.sqlmodel.schema;

import dev.sqlmodel.schema.internal.TableEdits;
import java.util.Objects;

/**
 * Add a column.
 *
 * @param table the table name
 * @param definition the new column
 * @param before the table before the change (needed on SQLite when the column cannot be added
 *        in place, i.e. NOT NULL without a default); may be null elsewhere
 */
public record AddColumn(String table, ColumnSchema definition, TableSchema before) implements SchemaChange {

    /** Validates the table and column. */
    public AddColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(definition, "definition");
    }

    /** The name of the added column. */
    public String column() {
        return definition.name();
    }

    @Override
    public SchemaChange inverse() {
        return new DropColumn(table, definition, TableEdits.after(this));
    }
}
