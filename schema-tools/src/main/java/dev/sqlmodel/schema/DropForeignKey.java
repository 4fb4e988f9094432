package dev.sqlmodel.schema;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.schema.internal.ChangeSql;
import dev.sqlmodel.schema.internal.TableEdits;
import java.util.List;
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
    public List<String> sql(Dialect dialect) {
        return ChangeSql.of(this, dialect);
    }

    @Override
    public boolean isDestructive() {
        return false;
    }

    @Override
    public SchemaChange inverse() {
        return new AddForeignKey(table, key, TableEdits.after(this));
    }
}
