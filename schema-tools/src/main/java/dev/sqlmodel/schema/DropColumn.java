package dev.sqlmodel.schema;

import dev.sqlmodel.schema.internal.TableEdits;
import java.util.Objects;

/**
 * Drop a column (destructive).
 *
 * @param table the table name
 * @param definition the dropped column, so that the inverse can add it again
 * @param before the table before the change (SQLite rebuilds it); may be null elsewhere
 */
public record DropColumn(String table, ColumnSchema definition, TableSchema before) implements SchemaChange {

    /** Validates the table and column. */
    public DropColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(definition, "definition");
    }

    /** The name of the dropped column. */
    public String column() {
        return definition.name();
    }

    @Override
    public boolean isDestructive() {
        return true;
    }

    @Override
    public SchemaChange inverse() {
        return new AddColumn(table, definition, TableEdits.after(this));
    }
}
