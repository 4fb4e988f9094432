package dev.sqlmodel.schema;

import java.util.Objects;

/**
 * One column.
 *
 * @param name the column name
 * @param type the type in normalised upper-case SQL of the dialect ({@code VARCHAR(50)},
 *        {@code INTEGER}, {@code BIGINT}, {@code BOOLEAN}, {@code DECIMAL(10,2)}, {@code TIMESTAMP})
 * @param nullable whether NULL is allowed
 * @param defaultValue the normalised DEFAULT expression ({@code 'x'}, {@code 0},
 *        {@code CURRENT_TIMESTAMP}), or null when there is none
 * @param autoIncrement whether the database generates the value (identity, serial,
 *        {@code AUTO_INCREMENT}, SQLite's {@code INTEGER PRIMARY KEY})
 */
public record ColumnSchema(String name, String type, boolean nullable, String defaultValue, boolean autoIncrement) {

    /** Validates the name and type. */
    public ColumnSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
