package dev.sqlmodel.schema;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.schema.internal.ChangeSql;
import java.util.List;
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
    public List<String> sql(Dialect dialect) {
        return ChangeSql.of(this, dialect);
    }

    @Override
    public boolean isDestructive() {
        return false;
    }

    @Override
    public SchemaChange inverse() {
        return new AddIndex(table, index);
    }
}
