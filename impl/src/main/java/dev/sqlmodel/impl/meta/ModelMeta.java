package dev.sqlmodel.impl.meta;

import dev.sqlmodel.Key;
import dev.sqlmodel.MappingException;
import dev.sqlmodel.ModelInfo;
import dev.sqlmodel.RelationshipInfo;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the library knows about one model, built once by {@link ModelRegistry}: table,
 * columns with accessors, primary key, relationships, and how to make instances.
 *
 * @param <M> the model type
 */
public final class ModelMeta<M> implements ModelInfo<M> {
    private final Class<M> type;
    private final String table;
    private final String schema;
    private final boolean table_;
    private final List<FieldMeta> fields;
    private final List<FieldMeta> primaryKey;
    private final FieldMeta generatedKey;
    private final List<FieldMeta> leftToDatabase;
    private final FieldMeta versionField;
    private final List<RelationMeta> relations;
    private final Map<String, FieldMeta> byName;
    private final Map<String, FieldMeta> byColumn;
    private final Map<String, RelationMeta> relationsByName;
    private final boolean hasToMany;
    private final List<String> columnNames;
    private final MethodHandle constructor;
    /** The constructor typed {@code ()Object}, or {@code (Object[])Object} for a record, for {@code invokeExact}. */
    private final MethodHandle newInstance;
    private final boolean record;
    private final boolean hasByteArrays;
    /** {@code (Object[])Object}: a class model's instance from all column values; null when not available. */
    private final MethodHandle create;
    /** {@code (Object[], Object)void}: stores all column values of an instance; null when not available. */
    private final MethodHandle readAll;

    /**
     * A value that another package computes once per model (a row reader per dialect, a
     * statement text) and keeps on the model's metadata with {@link #cache}: a find by key
     * looked four of them up in class values of their own, a hash lookup each, on every call.
     *
     * @param <T> the type of the value
     */
    public static final class Slot<T> {
        private static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger();
        private final int index;

        private Slot(int index) {
            this.index = index;
        }

        /**
         * A new slot, to be kept in a static final field.
         *
         * @throws IllegalStateException when all {@value #SLOTS} slots are taken
         */
        public static <T> Slot<T> create() {
            int i = NEXT.getAndIncrement();
            if (i >= SLOTS) {
                throw new IllegalStateException("all " + SLOTS + " model metadata slots are taken");
            }
            return new Slot<>(i);
        }

        /**
         * One new slot per {@link dev.sqlmodel.Dialect}, by the dialect's ordinal.
         *
         * @throws IllegalStateException when not enough slots are left
         */
        public static <T> List<Slot<T>> perDialect() {
            List<Slot<T>> slots = new ArrayList<>();
            for (int i = 0; i < dev.sqlmodel.Dialect.values().length; i++) {
                slots.add(create());
            }
            return List.copyOf(slots);
        }
    }

    /** How many {@link Slot}s there are: one per dialect for each per-dialect value, and a few more. */
    public static final int SLOTS = 16;

    /**
     * The values of the slots. Read and written without synchronization: every value kept here
     * is immutable or safely published through final fields, and two threads that compute the
     * same one both keep an equal value.
     */
    private final Object[] slots = new Object[SLOTS];

    /** The value kept in {@code slot}, or null when none has been kept yet. */
    @SuppressWarnings("unchecked")
    public <T> T cached(Slot<T> slot) {
        return (T) slots[slot.index];
    }

    /** Keeps {@code value} in {@code slot} and returns it. */
    public <T> T cache(Slot<T> slot, T value) {
        slots[slot.index] = value;
        return value;
    }

    ModelMeta(Class<M> type, String table, String schema, boolean isTable, List<FieldMeta> fields,
            List<RelationMeta> relations, MethodHandle constructor, boolean record) {
        this.type = type;
        this.table = table;
        this.schema = schema;
        this.table_ = isTable;
        this.fields = List.copyOf(fields);
        this.relations = List.copyOf(relations);
        this.constructor = constructor;
        this.newInstance = record
                // a record's canonical constructor takes its components as one Object[] argument
                ? constructor.asSpreader(Object[].class, constructor.type().parameterCount())
                        .asType(java.lang.invoke.MethodType.methodType(Object.class, Object[].class))
                : constructor.asType(java.lang.invoke.MethodType.methodType(Object.class));
        this.record = record;
        this.hasByteArrays = fields.stream().anyMatch(f -> f.javaType() == byte[].class || f.elementType() != null);
        this.create = record ? null : RowHandles.create(newInstance, this.fields);
        this.readAll = RowHandles.read(this.fields);
        List<FieldMeta> pk = new ArrayList<>();
        FieldMeta version = null;
        Map<String, FieldMeta> names = new HashMap<>();
        Map<String, FieldMeta> columns = new HashMap<>();
        List<String> columnList = new ArrayList<>();
        for (FieldMeta f : this.fields) {
            if (f.primaryKey()) {
                pk.add(f);
            }
            if (f.version()) {
                version = f;
            }
            names.put(f.name(), f);
            columns.put(f.column().toLowerCase(Locale.ROOT), f);
            columnList.add(f.column());
        }
        this.primaryKey = List.copyOf(pk);
        this.generatedKey = pk.size() == 1 && pk.get(0).autoIncrement() ? pk.get(0) : null;
        List<FieldMeta> optional = new ArrayList<>();
        for (FieldMeta f : fields) {
            if (f == generatedKey || f.computed() || !f.sqlDefault().isEmpty()) {
                optional.add(f);
            }
        }
        this.leftToDatabase = List.copyOf(optional);
        this.versionField = version;
        this.byName = names;
        this.byColumn = columns;
        this.columnNames = List.copyOf(columnList);
        Map<String, RelationMeta> rels = new LinkedHashMap<>();
        boolean lists = false;
        for (RelationMeta r : this.relations) {
            rels.put(r.name(), r);
            lists |= r.kind() == dev.sqlmodel.RelationshipInfo.Kind.ONE_TO_MANY;
        }
        this.relationsByName = rels;
        this.hasToMany = lists;
    }

    @Override
    public Class<M> type() {
        return type;
    }

    @Override
    public String tableName() {
        return table;
    }

    /** The schema, or an empty string for the connection's current one. */
    public String schema() {
        return schema;
    }

    /** Whether the class is a {@code @Table} model (else a plain data model). */
    public boolean isTable() {
        return table_;
    }

    /** Whether the model is a record (immutable: new instances carry changes). */
    public boolean isRecord() {
        return record;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<dev.sqlmodel.FieldInfo> fields() {
        return (List) fields;
    }

    /** The columns as {@link FieldMeta}. */
    public List<FieldMeta> columns() {
        return fields;
    }

    @Override
    public List<String> columnNames() {
        return columnNames;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<dev.sqlmodel.FieldInfo> primaryKey() {
        return (List) primaryKey;
    }

    /** The primary-key columns as {@link FieldMeta}. */
    public List<FieldMeta> keyFields() {
        return primaryKey;
    }

    /** Whether a column holds {@code byte[]} or a collection (snapshots must copy those). */
    public boolean hasByteArrays() {
        return hasByteArrays;
    }

    /** The single database-generated key column, or null. */
    public FieldMeta generatedKey() {
        return generatedKey;
    }

    /**
     * The columns an INSERT may leave to the database, in column order: the generated key,
     * columns with a SQL default and computed columns.
     */
    public List<FieldMeta> leftToDatabase() {
        return leftToDatabase;
    }

    /** The {@code @Version} column, or null. */
    public FieldMeta versionField() {
        return versionField;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<RelationshipInfo> relationships() {
        return (List) relations;
    }

    /** The relationships as {@link RelationMeta}. */
    public List<RelationMeta> relations() {
        return relations;
    }

    /** Whether the model has a one-to-many list (whose children's keys a flush may set). */
    public boolean hasToMany() {
        return hasToMany;
    }

    /** The relationship named {@code name}, or null. */
    public RelationMeta relation(String name) {
        return relationsByName.get(name);
    }

    /** The column of Java field {@code name}, or null. */
    public FieldMeta field(String name) {
        return byName.get(name);
    }

    /**
     * The column of Java field {@code name}.
     *
     * @throws MappingException naming model and field when there is none
     */
    public FieldMeta requireField(String name) {
        FieldMeta f = byName.get(name);
        if (f == null) {
            throw new MappingException(type.getName() + "." + name + ": no such column field");
        }
        return f;
    }

    /** The column named {@code column} (ignoring case), or null. */
    public FieldMeta byColumn(String column) {
        return byColumn.get(column.toLowerCase(Locale.ROOT));
    }

    @Override
    public Object primaryKeyValue(M model) {
        return keyOf(model);
    }

    /** The key of {@code model}: a single value, a {@link Key}, or null when any part is unset. */
    public Object keyOf(Object model) {
        if (primaryKey.size() == 1) {
            Object v = primaryKey.get(0).get(model);
            return isUnsetKey(primaryKey.get(0), v) ? null : v;
        }
        if (primaryKey.isEmpty()) {
            return null;
        }
        Object[] values = new Object[primaryKey.size()];
        for (int i = 0; i < values.length; i++) {
            Object v = primaryKey.get(i).get(model);
            if (v == null) {
                return null;
            }
            values[i] = v;
        }
        return Key.of(values);
    }

    /**
     * The primary key in column values (in column order), as {@link #keyOf} gives it for an
     * instance holding them: null when unset.
     */
    public Object keyOfValues(Object[] values) {
        if (primaryKey.size() == 1) {
            Object v = values[primaryKey.get(0).position()];
            return isUnsetKey(primaryKey.get(0), v) ? null : v;
        }
        if (primaryKey.isEmpty()) {
            return null;
        }
        Object[] parts = new Object[primaryKey.size()];
        for (int i = 0; i < parts.length; i++) {
            Object v = values[primaryKey.get(i).position()];
            if (v == null) {
                return null;
            }
            parts[i] = v;
        }
        return Key.of(parts);
    }

    private static boolean isUnsetKey(FieldMeta f, Object v) {
        // A primitive generated key holds 0 until the database assigns one.
        return v == null || f.autoIncrement() && f.javaType().isPrimitive() && ((Number) v).longValue() == 0L;
    }

    /**
     * The key given by an application ({@code get(type, id)}) in the form {@link #keyOf} uses.
     *
     * @throws MappingException when the arity is wrong
     */
    public Object normalizeKey(Object id) {
        if (id == null) {
            throw new IllegalArgumentException(type.getName() + ": primary key value is null");
        }
        if (primaryKey.size() == 1) {
            if (id instanceof Key k) {
                if (k.size() != 1) {
                    throw new MappingException(type.getName() + ": has a single-column primary key, got " + k);
                }
                id = k.get(0);
            }
            return Convert.to(primaryKey.get(0).boxedType(), id, primaryKey.get(0));
        }
        if (!(id instanceof Key k) || k.size() != primaryKey.size()) {
            throw new MappingException(type.getName() + ": composite primary key needs Key.of(" + primaryKey.size()
                    + " values) in the order " + keyColumnNames() + ", got " + id);
        }
        Object[] values = new Object[k.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Convert.to(primaryKey.get(i).boxedType(), k.get(i), primaryKey.get(i));
        }
        return Key.of(values);
    }

    /** The key's parts in key-column order. */
    public Object[] keyParts(Object key) {
        if (key instanceof Key k) {
            return k.values().toArray();
        }
        return new Object[] {key};
    }

    private List<String> keyColumnNames() {
        List<String> names = new ArrayList<>();
        for (FieldMeta f : primaryKey) {
            names.add(f.name());
        }
        return names;
    }

    @Override
    public boolean isNew(M model) {
        return keyOf(model) == null;
    }

    @Override
    public Map<String, Object> toRow(M model) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (FieldMeta f : fields) {
            row.put(f.column(), f.get(model));
        }
        return Collections.unmodifiableMap(row);
    }

    @Override
    public M fromRow(Map<String, Object> row) {
        Object[] values = new Object[fields.size()];
        boolean[] present = new boolean[fields.size()];
        for (Map.Entry<String, Object> e : row.entrySet()) {
            FieldMeta f = byColumn(e.getKey());
            if (f == null) {
                f = byName.get(e.getKey());
            }
            if (f == null) {
                throw new IllegalArgumentException(type.getName() + ": no column '" + e.getKey() + "'");
            }
            values[f.position()] = Convert.to(f.boxedType(), e.getValue(), f);
            present[f.position()] = true;
        }
        return instantiate(values, present);
    }

    /**
     * {@code (A...) -> instance}: a new instance of this class model with every column set from
     * {@code columns.get(i)} (each typed {@code (A...)Object}, one per column in column order),
     * null skipped for a primitive field; null for a record, a model with a read-only or
     * primitive key field, or one too wide for a composed handle.
     */
    public MethodHandle creator(List<MethodHandle> columns) {
        if (record || columns.size() != fields.size()) {
            return null;
        }
        for (FieldMeta f : primaryKey) {
            if (f.javaType().isPrimitive()) {
                return null; // a row without key (an outer join's miss) must stay recognizable
            }
        }
        return RowHandles.createFrom(newInstance, fields, columns);
    }

    /**
     * {@code (Object[] values) -> instance}: a new instance of this class model with every
     * column set from {@code values} in column order; null for a record or a model too wide
     * for a composed handle. A value of the wrong type throws {@link ClassCastException}.
     */
    public MethodHandle valuesCreator() {
        return create;
    }

    /**
     * A new instance with column values in column order; {@code present} says which to set
     * (null means all). Record components not present get null or zero.
     */
    public M instantiate(Object[] values, boolean[] present) {
        try {
            if (record) {
                Object[] columns = values;
                if (present != null) {
                    columns = new Object[values.length];
                    for (int i = 0; i < columns.length; i++) {
                        columns[i] = present[i] ? values[i] : null;
                    }
                }
                return recordArgs(columns); // the layout gives primitives their zero
            }
            if (present == null && create != null) {
                try {
                    @SuppressWarnings("unchecked")
                    M m = (M) (Object) create.invokeExact(values);
                    return m;
                } catch (ClassCastException e) {
                    // a value of the wrong type: the field by field path below names the field
                }
            }
            @SuppressWarnings("unchecked")
            M m = (M) (Object) newInstance.invokeExact();
            for (int i = 0; i < values.length; i++) {
                if (present == null || present[i]) {
                    Object v = values[i];
                    FieldMeta f = fields.get(i);
                    if (v == null && f.javaType().isPrimitive()) {
                        continue;
                    }
                    f.set(m, v);
                }
            }
            return m;
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new MappingException(type.getName() + ": cannot create an instance: " + t, t);
        }
    }

    private M recordArgs(Object[] columnValues) throws Throwable {
        // The canonical constructor also takes relationship and skipped components.
        Object[] args = recordLayout.arguments(columnValues);
        @SuppressWarnings("unchecked")
        M m = (M) (Object) newInstance.invokeExact(args);
        return m;
    }

    private RecordLayout recordLayout;

    void recordLayout(RecordLayout layout) {
        this.recordLayout = layout;
    }

    /** The column values of {@code instance}, in column order (a new array). */
    public Object[] values(Object instance) {
        if (readAll != null) {
            Object[] v = new Object[fields.size()];
            try {
                readAll.invokeExact(v, instance);
                return v;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new MappingException(type.getName() + ": cannot read an instance: " + t, t);
            }
        }
        Object[] v = new Object[fields.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = fields.get(i).get(instance);
        }
        return v;
    }

    /** A new, empty instance of a class model. */
    @SuppressWarnings("unchecked")
    public M newInstance() {
        if (record) {
            throw new UnsupportedOperationException(type.getName() + " is a record");
        }
        try {
            return (M) (Object) newInstance.invokeExact();
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new MappingException(type.getName() + ": cannot create an instance: " + t, t);
        }
    }

    /** A copy of a record with some columns replaced (for generated keys and versions). */
    public M withValues(M model, Map<FieldMeta, Object> changes) {
        Object[] values = new Object[fields.size()];
        for (FieldMeta f : fields) {
            values[f.position()] = changes.containsKey(f) ? changes.get(f) : f.get(model);
        }
        try {
            Object[] args = recordLayout.arguments(values);
            recordLayout.copyOthers(model, args);
            @SuppressWarnings("unchecked")
            M m = (M) (Object) newInstance.invokeExact(args);
            return m;
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new MappingException(type.getName() + ": cannot create an instance: " + t, t);
        }
    }

    /** The qualified table name as the compiler needs it: schema (may be empty) and table. */
    public String qualifiedName() {
        return schema.isEmpty() ? table : schema + "." + table;
    }

    @Override
    public String toString() {
        return "ModelMeta[" + type.getName() + " -> " + qualifiedName() + "]";
    }
}
