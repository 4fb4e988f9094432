package dev.sqlmodel.data.runtime;

import dev.sqlmodel.Column;
import dev.sqlmodel.Expr;
import dev.sqlmodel.impl.meta.FieldMeta;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.meta.ModelRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An entity as repositories see it: its attributes by name (exactly, else ignoring case; {@code id(this)}, and
 * {@code id} when no attribute has that name, mean the single key attribute) and a column expression for each.
 */
final class EntityModel {

    /** Per class, so that a redeployed application's classes are not kept alive. */
    private static final ClassValue<EntityModel> CACHE = new ClassValue<>() {
        @Override
        protected EntityModel computeValue(Class<?> type) {
            return new EntityModel(type);
        }
    };

    private final Class<?> type;
    private final ModelMeta<?> meta;
    private final Map<String, FieldMeta> byName = new HashMap<>();
    private final Map<String, FieldMeta> byLowerName = new HashMap<>();
    private final Map<FieldMeta, Column<?, ?>> columns = new HashMap<>();
    private final FieldMeta id;

    private EntityModel(Class<?> type) {
        this.type = type;
        this.meta = ModelRegistry.of(type);
        for (FieldMeta f : meta.columns()) {
            byName.put(f.name(), f);
            byLowerName.putIfAbsent(f.name().toLowerCase(Locale.ROOT), f);
            columns.put(f, Column.of(rawType(), f.name(), boxed(f)));
        }
        List<FieldMeta> key = meta.keyFields();
        this.id = key.size() == 1 ? key.get(0) : null;
    }

    /** The entity model of {@code type}; the class must be a model with a table. */
    static EntityModel of(Class<?> type) {
        return CACHE.get(type);
    }

    /** Whether {@code type} is an entity this runtime can store. */
    static boolean isEntity(Class<?> type) {
        return type != null && !type.isPrimitive() && !type.isArray() && !type.isInterface()
                && ModelRegistry.isTable(type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Class<Object> rawType() {
        return (Class) type;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<Object> boxed(FieldMeta f) {
        return (Class) f.boxedType();
    }

    Class<?> type() {
        return type;
    }

    ModelMeta<?> meta() {
        return meta;
    }

    /** The single key attribute, or null for a composite key. */
    FieldMeta id() {
        return id;
    }

    /** The attribute called {@code name}, or null. */
    FieldMeta attribute(String name) {
        if (name == null) {
            return null;
        }
        FieldMeta f = byName.get(name);
        if (f != null) {
            return f;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("id(this)") || lower.equals("this.id")) {
            return id;
        }
        f = byLowerName.get(lower);
        if (f == null && lower.equals("id")) {
            return id;
        }
        return f;
    }

    /** The attribute names, for messages. */
    List<String> attributeNames() {
        List<String> names = new ArrayList<>();
        for (FieldMeta f : meta.columns()) {
            names.add(f.name());
        }
        return names;
    }

    /** The column of {@code field}, typed as the caller needs it. */
    @SuppressWarnings("unchecked")
    <T> Expr<T> column(FieldMeta field) {
        return (Expr<T>) columns.get(field);
    }

    /** Whether the attribute holds text (case-insensitive comparisons and sorts apply to it). */
    static boolean isText(FieldMeta f) {
        Class<?> t = f.boxedType();
        return t == String.class || t == Character.class;
    }

    @Override
    public String toString() {
        return type.getName();
    }
}
