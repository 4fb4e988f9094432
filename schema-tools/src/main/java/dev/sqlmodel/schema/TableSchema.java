package dev.sqlmodel.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One table: its columns in declaration order, primary key, foreign keys, unique constraints,
 * other indexes and CHECK expressions.
 *
 * @param name the table name
 * @param columns the columns, in order
 * @param primaryKey the primary-key column names, in key order (empty when there is none)
 * @param foreignKeys the foreign keys
 * @param uniqueConstraints the unique constraints (never repeated in {@code indexes})
 * @param indexes the indexes that are not the primary key or a unique constraint
 * @param checks the CHECK constraint expressions, as the database reports them
 */
public record TableSchema(String name, List<ColumnSchema> columns, List<String> primaryKey,
        List<ForeignKeySchema> foreignKeys, List<UniqueSchema> uniqueConstraints, List<IndexSchema> indexes,
        List<String> checks) {

    /** Validates and copies the lists. */
    public TableSchema {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        foreignKeys = List.copyOf(foreignKeys);
        uniqueConstraints = List.copyOf(uniqueConstraints);
        indexes = List.copyOf(indexes);
        checks = List.copyOf(checks);
    }

    /** The column named {@code name} (compared without case), if there is one. */
    public Optional<ColumnSchema> column(String name) {
        for (ColumnSchema c : columns) {
            if (c.name().equalsIgnoreCase(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
