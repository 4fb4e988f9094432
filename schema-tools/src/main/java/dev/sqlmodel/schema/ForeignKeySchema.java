package dev.sqlmodel.schema;

import dev.sqlmodel.ReferentialAction;
import java.util.List;
import java.util.Objects;

/**
 * A foreign key.
 *
 * @param name the constraint name (on SQLite the declared name, or null when it has none)
 * @param columns the referencing columns, in key order
 * @param refTable the referenced table
 * @param refColumns the referenced columns, parallel to {@code columns}
 * @param onDelete the ON DELETE action
 * @param onUpdate the ON UPDATE action
 */
public record ForeignKeySchema(String name, List<String> columns, String refTable, List<String> refColumns,
        ReferentialAction onDelete, ReferentialAction onUpdate) {

    /** Validates and copies the column lists. */
    public ForeignKeySchema {
        columns = List.copyOf(columns);
        Objects.requireNonNull(refTable, "refTable");
        refColumns = List.copyOf(refColumns);
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(onUpdate, "onUpdate");
    }
}
