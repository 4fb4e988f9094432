package dev.sqlmodel.impl.meta;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.FieldInfo;
import dev.sqlmodel.ReferentialAction;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.impl.types.SqlTypes;

/**
 * One column of a model: its names, DDL options and accessor. Immutable; {@link #position}
 * is the column's index in {@link ModelMeta#fields()}.
 */
public final class FieldMeta implements FieldInfo {
    private final Class<?> owner;
    private final String name;
    private final String column;
    private final Class<?> javaType;
    private final boolean nullable;
    private final boolean primaryKey;
    private final boolean autoIncrement;
    private final boolean unique;
    private final String indexName;
    private final String foreignKey;
    private final ReferentialAction onDelete;
    private final ReferentialAction onUpdate;
    private final int maxLength;
    private final int maxDigits;
    private final int decimalPlaces;
    private final String sqlDefault;
    private final String sqlTypeOverride;
    private final boolean computed;
    private final boolean version;
    private final int position;
    private final Accessor accessor;
    private final Class<?> boxedType;
    private final Class<?> elementType;
    private final boolean ordinal;

    FieldMeta(Class<?> owner, String name, String column, Class<?> javaType, boolean nullable, boolean primaryKey,
            boolean autoIncrement, boolean unique, String indexName, String foreignKey, ReferentialAction onDelete,
            ReferentialAction onUpdate, int maxLength, int maxDigits, int decimalPlaces, String sqlDefault,
            String sqlTypeOverride, boolean computed, boolean version, int position, Accessor accessor,
            Class<?> elementType, boolean ordinal) {
        this.owner = owner;
        this.name = name;
        this.column = column;
        this.javaType = javaType;
        this.nullable = nullable;
        this.primaryKey = primaryKey;
        this.autoIncrement = autoIncrement;
        this.unique = unique;
        this.indexName = indexName;
        this.foreignKey = foreignKey;
        this.onDelete = onDelete;
        this.onUpdate = onUpdate;
        this.maxLength = maxLength;
        this.maxDigits = maxDigits;
        this.decimalPlaces = decimalPlaces;
        this.sqlDefault = sqlDefault;
        this.sqlTypeOverride = sqlTypeOverride;
        this.computed = computed;
        this.version = version;
        this.position = position;
        this.accessor = accessor;
        this.boxedType = Types.box(javaType);
        this.elementType = elementType;
        this.ordinal = ordinal;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String column() {
        return column;
    }

    @Override
    public Class<?> javaType() {
        return javaType;
    }

    /** The Java type with primitives boxed. */
    public Class<?> boxedType() {
        return boxedType;
    }

    @Override
    public String sqlType(Dialect dialect) {
        return sqlTypeOverride.isEmpty() ? SqlTypes.ddlType(this, dialect) : sqlTypeOverride;
    }

    /**
     * The element type ({@code String} or an enum) of a collection stored in this one column, an
     * entity's {@code @ElementCollection}; null for every other column.
     */
    public Class<?> elementType() {
        return elementType;
    }

    /**
     * Whether this enum column holds the constant's {@link Enum#ordinal()} as an integer, as Jakarta
     * Persistence stores an entity's enum without {@code @Enumerated(STRING)}; false for every column
     * that keeps the constant's name and for every non-enum column.
     */
    public boolean ordinal() {
        return ordinal;
    }

    /** {@code value} as this column is bound: an enum kept by ordinal is sent as its ordinal. */
    public Object bindValue(Object value) {
        return ordinal && value != null ? (Object) ordinalOf(value) : value;
    }

    /**
     * The ordinal that stands for {@code value} in this column, which keeps its enum by ordinal.
     *
     * @throws SqlModelException naming the field when {@code value} is no constant of its enum
     */
    public int ordinalOf(Object value) {
        if (value instanceof Enum<?> e && e.getDeclaringClass() == javaType) {
            return e.ordinal();
        }
        throw new SqlModelException(qualifiedName() + ": holds constants of " + javaType.getName()
                + " by ordinal, but was given " + (value == null ? "null" : value.getClass().getName() + " " + value));
    }

    /** The Java type a value of this column is bound as (see {@link #bindValue}). */
    public Class<?> bindType() {
        return ordinal ? Integer.class : boxedType;
    }

    /** The verbatim DDL type override, or an empty string. */
    public String sqlTypeOverride() {
        return sqlTypeOverride;
    }

    @Override
    public boolean nullable() {
        return nullable;
    }

    @Override
    public boolean primaryKey() {
        return primaryKey;
    }

    @Override
    public boolean autoIncrement() {
        return autoIncrement;
    }

    @Override
    public boolean unique() {
        return unique;
    }

    @Override
    public boolean index() {
        return !indexName.isEmpty();
    }

    /** The index name, or an empty string when the column has no index. */
    public String indexName() {
        return indexName;
    }

    @Override
    public String foreignKey() {
        return foreignKey;
    }

    /** The referenced table of the foreign key, or null. */
    public String foreignTable() {
        return foreignKey.isEmpty() ? null : foreignKey.substring(0, foreignKey.indexOf('.'));
    }

    /** The referenced column of the foreign key, or null. */
    public String foreignColumn() {
        return foreignKey.isEmpty() ? null : foreignKey.substring(foreignKey.indexOf('.') + 1);
    }

    @Override
    public ReferentialAction onDelete() {
        return onDelete;
    }

    @Override
    public ReferentialAction onUpdate() {
        return onUpdate;
    }

    @Override
    public int maxLength() {
        return maxLength;
    }

    @Override
    public int maxDigits() {
        return maxDigits;
    }

    @Override
    public int decimalPlaces() {
        return decimalPlaces;
    }

    @Override
    public String sqlDefault() {
        return sqlDefault;
    }

    /** Whether the column is generated by the database and never written. */
    public boolean computed() {
        return computed;
    }

    /** Whether this is the {@code @Version} column. */
    public boolean version() {
        return version;
    }

    /** Whether INSERT and UPDATE write this column. */
    public boolean insertable() {
        return !computed;
    }

    /** The index of this column in the model's column list. */
    public int position() {
        return position;
    }

    /** The field accessor. */
    public Accessor accessor() {
        return accessor;
    }

    /** The field's value on {@code model}. */
    public Object get(Object model) {
        return accessor.get(model);
    }

    /** Sets the field on {@code model}. */
    public void set(Object model, Object value) {
        accessor.set(model, value);
    }

    /** {@code Model.field}, for error messages. */
    public String qualifiedName() {
        return owner.getName() + "." + name;
    }

    @Override
    public String toString() {
        return "FieldMeta[" + qualifiedName() + " -> " + column + "]";
    }
}
