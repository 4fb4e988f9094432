package dev.sqlmodel.schema;

import dev.sqlmodel.schema.internal.TableEdits;
import java.util.Objects;

/**
 * Drop a unique constraint.
 *
 * @param table the table name
 * @param constraint the unique constraint
 * @param before the table before the change (SQLite rebuilds it); may be null elsewhere
 */
public record DropUnique(String table, UniqueSchema constraint, TableSchema before) implements SchemaChange {

    /** Validates the table and constraint. */
    public DropUnique {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(constraint, "constraint");
    }

    @Override
    public SchemaChange inverse() {
        return new AddUnique(table, constraint, TableEdits.after(this));
    }
}
