package dev.sqlmodel.schema;

import java.util.List;
import java.util.Objects;

/**
 * A unique constraint.
 *
 * @param name the constraint name (on SQLite the declared name, else the automatic index's name)
 * @param columns the constrained columns, in order
 */
public record UniqueSchema(String name, List<String> columns) {

    /** Validates and copies the column list. */
    public UniqueSchema {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }
}
