package dev.sqlmodel;

import java.util.List;
import java.util.Map;

/**
 * Metadata and row conversion of one model.
 *
 * @param <M> the model type
 */
public interface ModelInfo<M> {

    /** The model class. */
    Class<M> type();

    /** The table name. */
    String tableName();

    /** The columns, in declaration order (superclass fields first). */
    List<FieldInfo> fields();

    /** The column names, in the order of {@link #fields()}. */
    List<String> columnNames();

    /** The primary-key columns, in declaration order. */
    List<FieldInfo> primaryKey();

    /** The relationship fields. */
    List<RelationshipInfo> relationships();

    /** The primary key of {@code model}: the single value, or a {@link Key} for composite keys; null when unset. */
    Object primaryKeyValue(M model);

    /** Whether {@code model} has no primary key value yet (never stored). */
    boolean isNew(M model);

    /** Column name to value, in column order. */
    Map<String, Object> toRow(M model);

    /**
     * A new instance from column values (missing columns stay at their defaults).
     *
     * @throws IllegalArgumentException when a value cannot be converted to its field's type
     */
    M fromRow(Map<String, Object> row);
}
