package dev.sqlmodel.impl.meta;

import static dev.sqlmodel.impl.meta.PersistenceAnnotations.annotations;
import static dev.sqlmodel.impl.meta.PersistenceAnnotations.bool;
import static dev.sqlmodel.impl.meta.PersistenceAnnotations.constant;
import static dev.sqlmodel.impl.meta.PersistenceAnnotations.find;
import static dev.sqlmodel.impl.meta.PersistenceAnnotations.has;
import static dev.sqlmodel.impl.meta.PersistenceAnnotations.integer;
import static dev.sqlmodel.impl.meta.PersistenceAnnotations.isDefault;
import static dev.sqlmodel.impl.meta.PersistenceAnnotations.string;

import dev.sqlmodel.MappingException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.math.BigDecimal;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of an {@code @jakarta.persistence.Entity} and the column options of its fields, read
 * from the Jakarta Persistence annotations: {@code @Table(name, schema, uniqueConstraints,
 * indexes)}, {@code @Id}, {@code @GeneratedValue}, {@code @Column}, {@code @Basic},
 * {@code @Enumerated}, {@code @Lob}, {@code @Version} and {@code @Transient}. Defaults follow
 * what a Jakarta Persistence provider creates for unquoted names: the table is the entity name
 * and the column the field name, both lower-cased. Everything a provider would map and SQLModel
 * cannot is a {@link MappingException}, never silently dropped.
 */
final class EntityMapping {
    /** One column name, optionally followed by a sort direction, as {@code @Index(columnList)} writes it. */
    private static final Pattern INDEX_COLUMN = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_$]*)(\\s+(?i:asc|desc))?\\s*");

    private final Class<?> type;
    private final String table;
    private final String schema;
    /** Lower-cased column names with a single-column unique constraint. */
    private final Set<String> uniqueColumns = new HashSet<>();
    /** Lower-cased column name to its index name from {@code @Table(indexes)}. */
    private final Map<String, String> indexes = new HashMap<>();
    private final Set<String> mappedColumns = new HashSet<>();

    private EntityMapping(Class<?> type) {
        this.type = type;
        PersistenceAnnotations.refuseUnsupported(type);
        Annotation t = find(type, "Table");
        String name = t == null ? "" : string(t, "name");
        this.table = name.isEmpty() ? PersistenceAnnotations.tableName(type) : name;
        this.schema = t == null ? "" : string(t, "schema");
        if (t != null) {
            if (!string(t, "catalog").isEmpty()) {
                throw new MappingException(type.getName() + ": @Table(catalog) is not supported; use schema");
            }
            for (Annotation unique : annotations(t, "uniqueConstraints")) {
                String[] columns = (String[]) PersistenceAnnotations.value(unique, "columnNames");
                if (columns.length != 1) {
                    throw new MappingException(type.getName() + ": unique constraint on " + String.join(", ", columns)
                            + " is not supported; only single-column unique constraints are (@Column(unique = true))");
                }
                uniqueColumns.add(columns[0].toLowerCase(Locale.ROOT));
            }
            for (Annotation index : annotations(t, "indexes")) {
                String list = string(index, "columnList");
                Matcher m = INDEX_COLUMN.matcher(list);
                if (!m.matches()) {
                    throw new MappingException(type.getName() + ": index on \"" + list
                            + "\" is not supported; only single-column indexes are");
                }
                String column = m.group(1).toLowerCase(Locale.ROOT);
                indexes.put(column, string(index, "name"));
                if (bool(index, "unique")) {
                    uniqueColumns.add(column);
                }
            }
        }
    }

    /**
     * Reads the class-level mapping of {@code type}, which carries {@code @jakarta.persistence.Entity}.
     *
     * @throws MappingException when a class-level annotation cannot be followed
     */
    static EntityMapping of(Class<?> type) {
        return new EntityMapping(type);
    }

    /** The table name. */
    String table() {
        return table;
    }

    /** The schema, empty for the connection's current one. */
    String schema() {
        return schema;
    }

    /** Whether the field is left out of the table by {@code @Transient} (the caller drops {@code transient} fields). */
    static boolean skipped(AnnotatedElement element) {
        return has(element, "Transient");
    }

    /** Whether the field is part of the key. */
    static boolean key(AnnotatedElement element, dev.sqlmodel.Field f) {
        return has(element, "Id") || (f != null && f.primaryKey());
    }

    /**
     * The column options of one field. SQLModel's {@code @Field} may add what Jakarta Persistence has no
     * word for (foreign keys, defaults, computed columns), but not on a field that also has {@code @Column}.
     *
     * @throws MappingException naming the field when an annotation cannot be followed
     */
    ColumnOptions column(String name, Class<?> javaType, Type generic, AnnotatedElement element,
            dev.sqlmodel.Field f, boolean version, String where) {
        PersistenceAnnotations.refuseUnsupported(element, where);
        Annotation column = find(element, "Column");
        if (column != null && f != null) {
            throw new MappingException(where + ": has both @dev.sqlmodel.Field and @jakarta.persistence.Column; "
                    + "use one of them");
        }
        ColumnOptions base = ColumnOptions.of(f, PersistenceAnnotations.columnName(name), version);
        boolean primaryKey = base.primaryKey() || has(element, "Id");
        boolean generated = base.generated() && f != null && f.primaryKey();
        String columnName = base.column();
        boolean notNull = base.notNull();
        boolean unique = base.unique();
        int maxLength = base.maxLength();
        int maxDigits = base.maxDigits();
        int decimalPlaces = base.decimalPlaces();
        String sqlType = base.sqlType();
        boolean computed = base.computed();

        Annotation generatedValue = find(element, "GeneratedValue");
        if (generatedValue != null) {
            if (!primaryKey) {
                throw new MappingException(where + ": @GeneratedValue needs @Id");
            }
            String strategy = constant(generatedValue, "strategy");
            if (!strategy.equals("IDENTITY") && !strategy.equals("AUTO")) {
                throw new MappingException(where + ": @GeneratedValue(strategy = " + strategy
                        + ") is not supported; use GenerationType.IDENTITY (the database generates the key)");
            }
            if (!Types.integer(javaType) || Types.box(javaType) == Byte.class) {
                throw new MappingException(where + ": @GeneratedValue needs an integer key (int, long, short or their "
                        + "boxes), not " + javaType.getSimpleName() + "; SQLModel generates no other keys");
            }
            generated = true;
        }
        if (column != null) {
            String written = string(column, "name");
            if (!written.isEmpty()) {
                columnName = written;
            }
            if (!string(column, "table").isEmpty()) {
                throw new MappingException(where + ": @Column(table) is not supported; map the other table with an "
                        + "entity of its own");
            }
            notNull |= !bool(column, "nullable");
            unique |= bool(column, "unique");
            // JPA applies length to strings and precision/scale to decimals only, ignoring them elsewhere.
            if (javaType == String.class && !isDefault(column, "length")) {
                maxLength = integer(column, "length");
            }
            if (javaType == BigDecimal.class) {
                int precision = integer(column, "precision");
                int scale = integer(column, "scale");
                if (precision > 0) {
                    maxDigits = precision;
                    decimalPlaces = scale;
                } else if (scale > 0) {
                    decimalPlaces = scale;
                }
            }
            String definition = string(column, "columnDefinition");
            if (!definition.isEmpty()) {
                sqlType = definition;
            }
            boolean insertable = bool(column, "insertable");
            boolean updatable = bool(column, "updatable");
            if (insertable != updatable) {
                throw new MappingException(where + ": @Column(insertable = " + insertable + ", updatable = " + updatable
                        + ") is not supported; a column is either written (both true) or read-only (both false)");
            }
            computed |= !insertable;
        }
        Annotation basic = find(element, "Basic");
        if (basic != null && !bool(basic, "optional")) {
            notNull = true;
        }
        // Jakarta Persistence stores an enum by its ordinal unless @Enumerated(STRING) says otherwise.
        boolean ordinal = javaType.isEnum();
        Annotation enumerated = find(element, "Enumerated");
        if (enumerated != null) {
            if (!javaType.isEnum()) {
                throw new MappingException(where + ": @Enumerated applies to enum fields only, not "
                        + javaType.getSimpleName());
            }
            ordinal = !constant(enumerated, "value").equals("STRING");
        }
        if (has(element, "Lob") && javaType != String.class && javaType != byte[].class) {
            throw new MappingException(where + ": @Lob applies to String and byte[] fields only, not "
                    + javaType.getSimpleName());
        }
        Class<?> elementType = has(element, "ElementCollection") ? elementType(javaType, generic, where) : null;
        String key = columnName.toLowerCase(Locale.ROOT);
        mappedColumns.add(key);
        unique |= uniqueColumns.contains(key);
        String indexName = base.indexName();
        boolean index = base.index();
        if (indexes.containsKey(key)) {
            index = true;
            indexName = indexes.get(key);
        }
        return new ColumnOptions(primaryKey, generated, columnName, notNull, unique, indexName, index,
                base.foreignKey(), base.onDelete(), base.onUpdate(), maxLength, maxDigits, decimalPlaces,
                base.sqlDefault(), sqlType, computed, version || has(element, "Version"), elementType, ordinal);
    }

    /**
     * The element type of an {@code @ElementCollection}: a {@code Set}, {@code List} or {@code Collection}
     * of strings or of an enum, kept in one column (see {@code ElementsCodec}).
     */
    private static Class<?> elementType(Class<?> javaType, Type generic, String where) {
        if ((javaType == Set.class || javaType == List.class || javaType == Collection.class)
                && generic instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> e
                && (e == String.class || e.isEnum())) {
            return e;
        }
        throw new MappingException(where + ": @jakarta.persistence.ElementCollection is supported on a Set, List or "
                + "Collection of String or of an enum only, not " + generic.getTypeName() + "; "
                + "store other values in a model of their own, with a foreign key to this one");
    }

    /**
     * Checks, once every field is mapped, that each column {@code @Table} names exists.
     *
     * @throws MappingException naming the missing column
     */
    void checkTableColumns() {
        Set<String> named = new HashSet<>(uniqueColumns);
        named.addAll(indexes.keySet());
        for (String column : named) {
            if (!mappedColumns.contains(column)) {
                throw new MappingException(type.getName() + ": @Table names column " + column
                        + " in a unique constraint or index, but no field maps it");
            }
        }
    }
}
