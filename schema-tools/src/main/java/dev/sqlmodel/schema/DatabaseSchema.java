package dev.sqlmodel.schema;

import dev.sqlmodel.Dialect;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tables of one database schema, as read from a live database or derived from models.
 *
 * @param dialect the dialect whose type spelling {@link ColumnSchema#type()} uses
 * @param tables the tables, ordered by name for a live database and parents first for models
 */
public record DatabaseSchema(Dialect dialect, List<TableSchema> tables) {

    /** Validates and copies the table list. */
    public DatabaseSchema {
        Objects.requireNonNull(dialect, "dialect");
        tables = List.copyOf(tables);
    }

    /** The table named {@code name} (compared without case), if there is one. */
    public Optional<TableSchema> table(String name) {
        for (TableSchema t : tables) {
            if (t.name().equalsIgnoreCase(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
