package dev.sqlmodel.schema;

import dev.sqlmodel.schema.internal.TableEdits;
import java.util.Objects;

/**
 * Drop a foreign key.
 *
 * @param table the referencing table's name
 * @param key the foreign key
 * @param before the table before the change (SQLite rebuilds it); may be null elsewhere
 */
public record DropForeignKey(String table, ForeignKeySchema key, TableSchema before) implements SchemaChange {

    /** Validates the table and key. */
    public DropForeignKey {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public SchemaChange inverse() {
        return new AddForeignKey(table, key, TableEdits.after(this));
    }
}
