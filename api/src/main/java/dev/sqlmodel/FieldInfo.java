package dev.sqlmodel;

/** Metadata of one column of a model. */
public interface FieldInfo {

    /** The Java field name. */
    String name();

    /** The column name. */
    String column();

    /** The field's Java type (primitive types as declared). */
    Class<?> javaType();

    /** The DDL type of this column on {@code dialect}. */
    String sqlType(Dialect dialect);

    /** Whether the column accepts NULL. */
    boolean nullable();

    /** Whether the column is (part of) the primary key. */
    boolean primaryKey();

    /** Whether the database generates the value on insert. */
    boolean autoIncrement();

    /** Whether the column has a unique constraint. */
    boolean unique();

    /** Whether the column has an index. */
    boolean index();

    /** The foreign key as {@code table.column}, or an empty string. */
    String foreignKey();

    /** The foreign key's ON DELETE action. */
    ReferentialAction onDelete();

    /** The foreign key's ON UPDATE action. */
    ReferentialAction onUpdate();

    /** The VARCHAR length, or -1. */
    int maxLength();

    /** The DECIMAL precision, or -1. */
    int maxDigits();

    /** The DECIMAL scale, or -1. */
    int decimalPlaces();

    /** The SQL DEFAULT clause, or an empty string. */
    String sqlDefault();
}
