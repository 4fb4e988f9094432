package dev.sqlmodel.schema;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.schema.internal.ChangeSql;
import java.util.List;
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
    public List<String> sql(Dialect dialect) {
        return ChangeSql.of(this, dialect);
    }

    @Override
    public boolean isDestructive() {
        return false;
    }

    @Override
    public SchemaChange inverse() {
        return new DropIndex(table, index);
    }
}
