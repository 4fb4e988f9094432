package dev.sqlmodel.impl;

import dev.sqlmodel.Dump;
import dev.sqlmodel.Related;
import dev.sqlmodel.RelatedMany;
import dev.sqlmodel.impl.meta.Convert;
import dev.sqlmodel.impl.meta.FieldMeta;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.meta.ModelRegistry;
import dev.sqlmodel.impl.meta.RelationMeta;
import dev.sqlmodel.spi.RelationAccess;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;

/**
 * model_dump / model_validate for models and plain data classes, through Jakarta JSON
 * Processing. Loaded relationships are dumped nested with cycles cut; unloaded ones are left
 * out. Which fields an instance made by {@code fromMap}/{@code fromJson} had set is
 * remembered (weakly) for {@link Dump#excludeUnset()}.
 */
public final class Serialization {
    private static final Map<Object, Set<String>> SET_FIELDS = Collections.synchronizedMap(new WeakHashMap<>());

    private Serialization() {
    }

    /** See {@link dev.sqlmodel.SqlModel#toMap}. */
    public static Map<String, Object> toMap(Object model, Dump... options) {
        Options o = new Options(options);
        return dump(model, o, Collections.newSetFromMap(new IdentityHashMap<>()), true);
    }

    private static Map<String, Object> dump(Object model, Options o, Set<Object> path, boolean top) {
        ModelMeta<?> meta = ModelRegistry.describe(model.getClass());
        Map<String, Object> out = new LinkedHashMap<>();
        Set<String> set = o.excludeUnset ? SET_FIELDS.get(model) : null;
        path.add(model);
        for (FieldMeta f : meta.columns()) {
            if (!top || o.keep(f.name())) {
                if (set != null && !set.contains(f.name())) {
                    continue;
                }
                Object v = f.get(model);
                if (v == null && o.excludeNull) {
                    continue;
                }
                out.put(o.byColumn ? f.column() : f.name(), v);
            }
        }
        for (RelationMeta r : meta.relations()) {
            if (top && !o.keep(r.name()) || set != null && !set.contains(r.name())) {
                continue;
            }
            Object holder = r.accessor().get(model);
            if (holder instanceof Related<?> one) {
                if (!one.isLoaded()) {
                    continue;
                }
                Object target = RelationAccess.get().peek(one);
                if (target == null) {
                    if (!o.excludeNull) {
                        out.put(r.name(), null);
                    }
                } else if (!path.contains(target)) {
                    out.put(r.name(), dump(target, o, path, false));
                }
            } else if (holder instanceof RelatedMany<?> many) {
                if (!many.isLoaded()) {
                    continue;
                }
                List<Object> list = new ArrayList<>();
                for (Object target : RelationAccess.get().peek(many)) {
                    if (!path.contains(target)) {
                        list.add(dump(target, o, path, false));
                    }
                }
                out.put(r.name(), list);
            }
        }
        path.remove(model);
        return out;
    }

    /** See {@link dev.sqlmodel.SqlModel#toJson}. */
    public static String toJson(Object model, Dump... options) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = Json.createGenerator(w)) {
            write(g, null, toMap(model, options));
        }
        return w.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(JsonGenerator g, String name, Object v) {
        if (v == null) {
            if (name == null) {
                g.writeNull();
            } else {
                g.writeNull(name);
            }
        } else if (v instanceof Map<?, ?> m) {
            if (name == null) {
                g.writeStartObject();
            } else {
                g.writeStartObject(name);
            }
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                write(g, e.getKey(), e.getValue());
            }
            g.writeEnd();
        } else if (v instanceof List<?> l) {
            if (name == null) {
                g.writeStartArray();
            } else {
                g.writeStartArray(name);
            }
            for (Object e : l) {
                write(g, null, e);
            }
            g.writeEnd();
        } else {
            JsonValue j = jsonValue(v);
            if (name == null) {
                g.write(j);
            } else {
                g.write(name, j);
            }
        }
    }

    private static JsonValue jsonValue(Object v) {
        if (v instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (v instanceof BigDecimal d) {
            return Json.createValue(d);
        }
        if (v instanceof Double || v instanceof Float) {
            return Json.createValue(((Number) v).doubleValue());
        }
        if (v instanceof Number n) {
            return Json.createValue(n.longValue());
        }
        if (v instanceof byte[] bytes) {
            return Json.createValue(Base64.getEncoder().encodeToString(bytes));
        }
        if (v instanceof Enum<?> e) {
            return Json.createValue(e.name());
        }
        if (v instanceof java.util.Collection<?> c) {
            jakarta.json.JsonArrayBuilder array = Json.createArrayBuilder();
            c.forEach(item -> array.add(jsonValue(item)));
            return array.build();
        }
        return Json.createValue(v.toString()); // String, UUID, java.time (ISO-8601), Duration (ISO-8601)
    }

    /** See {@link dev.sqlmodel.SqlModel#fromJson}. */
    public static <M> M fromJson(Class<M> type, String json) {
        JsonObject obj;
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            obj = r.readObject();
        } catch (JsonParsingException e) {
            throw new IllegalArgumentException(type.getSimpleName() + ": invalid JSON: " + e.getMessage(), e);
        } catch (jakarta.json.JsonException e) {
            throw new IllegalArgumentException(type.getSimpleName() + ": expected a JSON object: " + e.getMessage(), e);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : obj.entrySet()) {
            values.put(e.getKey(), plain(e.getValue()));
        }
        return fromMap(type, values);
    }

    private static Object plain(JsonValue v) {
        switch (v.getValueType()) {
            case NULL:
                return null;
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case STRING:
                return ((JsonString) v).getString();
            case NUMBER:
                JsonNumber n = (JsonNumber) v;
                return n.isIntegral() ? (Object) n.bigIntegerValue() : (Object) n.bigDecimalValue();
            case ARRAY: {
                List<Object> l = new ArrayList<>();
                for (JsonValue e : (JsonArray) v) {
                    l.add(plain(e));
                }
                return l;
            }
            default: {
                Map<String, Object> m = new LinkedHashMap<>();
                for (Map.Entry<String, JsonValue> e : ((JsonObject) v).entrySet()) {
                    m.put(e.getKey(), plain(e.getValue()));
                }
                return m;
            }
        }
    }

    /**
     * See {@link dev.sqlmodel.SqlModel#fromMap}. Relationship keys hold null, a nested map
     * (to-one) or a list of maps (to-many), read as new instances of the target model and
     * joined to the owner on both sides ({@code backPopulates}), as {@link #toMap} cut the
     * cycle back to it. The whole graph is converted first and then validated, so one
     * {@code ConstraintViolationException} reports every violation, each with its path.
     */
    public static <M> M fromMap(Class<M> type, Map<String, ?> values) {
        GraphReader reader = new GraphReader();
        M model = reader.read(type, values, "");
        reader.validate();
        return model;
    }

    /** Reads one map and the maps nested in its relationship keys, remembering what it made. */
    private static final class GraphReader {
        private final List<Object> made = new ArrayList<>();
        private final List<String> paths = new ArrayList<>();

        <M> M read(Class<M> type, Map<String, ?> values, String path) {
            ModelMeta<M> meta = ModelRegistry.describe(type);
            Object[] converted = new Object[meta.columns().size()];
            boolean[] present = new boolean[converted.length];
            Set<String> set = new HashSet<>();
            Map<RelationMeta, Object> relations = Map.of();
            for (Map.Entry<String, ?> e : values.entrySet()) {
                RelationMeta r = meta.field(e.getKey()) == null ? meta.relation(e.getKey()) : null;
                if (r != null) {
                    if (relations.isEmpty()) {
                        relations = new LinkedHashMap<>();
                    }
                    relations.put(r, e.getValue());
                    set.add(r.name());
                    continue;
                }
                FieldMeta f = fieldByKey(meta, e.getKey());
                converted[f.position()] = convertStrict(f, e.getValue());
                present[f.position()] = true;
                set.add(f.name());
            }
            M model = meta.instantiate(converted, present);
            made.add(model);
            paths.add(path);
            SET_FIELDS.put(model, Collections.unmodifiableSet(set));
            for (Map.Entry<RelationMeta, Object> e : relations.entrySet()) {
                assign(model, e.getKey(), e.getValue(), path.isEmpty() ? e.getKey().name() : path + "." + e.getKey().name());
            }
            return model;
        }

        @SuppressWarnings("unchecked")
        private void assign(Object model, RelationMeta r, Object value, String path) {
            String where = r.owner().getName() + "." + r.name();
            if (!r.accessor().writable()) {
                throw new IllegalArgumentException(where + ": cannot be set (a final field or a record component)");
            }
            RelationMeta back = r.path().back; // resolved and checked once per relationship
            if (r.kind() == dev.sqlmodel.RelationshipInfo.Kind.MANY_TO_ONE) {
                Object target = value == null ? null : element(r, value, where, path);
                r.accessor().set(model, Related.of(target));
                if (target != null && back != null) {
                    joinBack(back, target, model);
                }
                return;
            }
            List<Object> items = new ArrayList<>();
            if (value != null) {
                if (!(value instanceof java.util.Collection<?> c)) {
                    throw new IllegalArgumentException(where + ": expected an array of " + r.target().getSimpleName()
                            + " objects or null, got " + shape(value));
                }
                int i = 0;
                for (Object v : c) {
                    items.add(element(r, v, where + "[" + i + "]", path + "[" + i + "]"));
                    i++;
                }
            }
            RelatedMany<Object> many = RelatedMany.empty();
            RelationAccess.get().fill(many, items);
            r.accessor().set(model, many);
            if (back != null) {
                for (Object item : items) {
                    Set<String> given = SET_FIELDS.get(item);
                    // A to-one the input gave explicitly stays as given; toMap cut the others.
                    if (back.kind() != dev.sqlmodel.RelationshipInfo.Kind.MANY_TO_ONE
                            || given == null || !given.contains(back.name())) {
                        joinBack(back, item, model);
                    }
                }
            }
        }

        /** A nested model: a map read like the owner, or an instance of the target as it is. */
        private Object element(RelationMeta r, Object value, String where, String path) {
            if (value instanceof Map<?, ?> m) {
                try {
                    @SuppressWarnings("unchecked")
                    Map<String, ?> nested = (Map<String, ?>) m;
                    return read(r.target(), nested, path);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                }
            }
            if (r.target().isInstance(value)) {
                made.add(value);
                paths.add(path);
                return value;
            }
            throw new IllegalArgumentException(where + ": expected an object (a " + r.target().getSimpleName()
                    + ")" + (r.kind() == dev.sqlmodel.RelationshipInfo.Kind.MANY_TO_ONE ? " or null" : "")
                    + ", got " + shape(value));
        }

        /** Puts {@code owner} on {@code back}, the other side of the relationship, of {@code target}. */
        @SuppressWarnings("unchecked")
        private static void joinBack(RelationMeta back, Object target, Object owner) {
            if (!back.accessor().writable()) {
                return;
            }
            Object holder = back.accessor().get(target);
            if (back.kind() == dev.sqlmodel.RelationshipInfo.Kind.MANY_TO_ONE) {
                if (holder instanceof Related<?> one) {
                    RelationAccess.get().fill((Related<Object>) one, owner);
                } else {
                    back.accessor().set(target, Related.of(owner));
                }
                return;
            }
            if (holder instanceof RelatedMany<?> many && !many.isLoaded()) {
                return; // an instance given as is, read from a session: its list stays unloaded
            }
            List<Object> items = holder instanceof RelatedMany<?> many
                    ? new ArrayList<>(RelationAccess.get().peek((RelatedMany<Object>) many)) : new ArrayList<>();
            for (Object o : items) {
                if (o == owner) {
                    return;
                }
            }
            items.add(owner);
            RelatedMany<Object> many = holder instanceof RelatedMany<?> h ? (RelatedMany<Object>) h : RelatedMany.empty();
            RelationAccess.get().fill(many, items);
            if (holder != many) {
                back.accessor().set(target, many);
            }
        }

        void validate() {
            Set<ConstraintViolation<Object>> all = new java.util.LinkedHashSet<>();
            StringBuilder message = new StringBuilder();
            for (int i = 0; i < made.size(); i++) {
                Set<ConstraintViolation<Object>> violations = Validation.validate(made.get(i));
                String path = paths.get(i);
                for (ConstraintViolation<Object> v : violations) {
                    all.add(v);
                    if (message.length() > 0) {
                        message.append("; ");
                    }
                    message.append(path.isEmpty() ? "" : path + ": ").append(Validation.describe(Set.of(v)));
                }
            }
            if (!all.isEmpty()) {
                throw new ConstraintViolationException(message.toString(), all);
            }
        }

        private static String shape(Object v) {
            if (v instanceof String str) {
                return "text '" + str + "'";
            }
            if (v instanceof java.util.Collection<?>) {
                return "an array";
            }
            if (v instanceof Map<?, ?>) {
                return "an object";
            }
            return v.getClass().getSimpleName() + " " + v;
        }
    }

    /** See {@link dev.sqlmodel.SqlModel#update}. */
    public static void update(Object target, Map<String, ?> patch) {
        ModelMeta<?> meta = ModelRegistry.describe(target.getClass());
        if (meta.isRecord()) {
            throw new IllegalArgumentException(meta.type().getName() + " is a record and cannot be updated in place");
        }
        Map<FieldMeta, Object> converted = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : patch.entrySet()) {
            FieldMeta f = fieldByKey(meta, e.getKey());
            converted.put(f, convertStrict(f, e.getValue()));
        }
        // Convert everything before assigning anything, so a bad key leaves the target untouched.
        for (Map.Entry<FieldMeta, Object> e : converted.entrySet()) {
            FieldMeta f = e.getKey();
            if (e.getValue() == null && f.javaType().isPrimitive()) {
                throw new IllegalArgumentException(f.qualifiedName() + ": null is not allowed for a " + f.javaType());
            }
            f.set(target, e.getValue());
        }
    }

    private static FieldMeta fieldByKey(ModelMeta<?> meta, String key) {
        FieldMeta f = meta.field(key);
        if (f == null) {
            f = meta.byColumn(key);
        }
        if (f == null) {
            throw new IllegalArgumentException(meta.type().getName() + "." + key + ": unknown field"
                    + (meta.relation(key) != null ? " (update sets columns, not relationships)" : ""));
        }
        return f;
    }

    private static Object convertStrict(FieldMeta f, Object v) {
        if (v == null) {
            if (f.javaType().isPrimitive()) {
                throw new IllegalArgumentException(f.qualifiedName() + ": null is not allowed for a " + f.javaType());
            }
            return null;
        }
        Class<?> t = f.boxedType();
        if (f.elementType() != null) {
            return elements(f, v);
        }
        boolean ok;
        if (t == String.class) {
            ok = v instanceof String;
        } else if (t == Character.class) {
            ok = v instanceof Character || v instanceof String text && text.length() == 1;
        } else if (t == Boolean.class) {
            ok = v instanceof Boolean;
        } else if (Number.class.isAssignableFrom(t) && t != BigDecimal.class) {
            ok = v instanceof Number && !(v instanceof BigDecimal d && d.stripTrailingZeros().scale() > 0
                    && (t == Integer.class || t == Long.class || t == Short.class || t == Byte.class));
        } else if (t == BigDecimal.class) {
            ok = v instanceof Number || v instanceof String;
        } else if (t == byte[].class) {
            if (v instanceof String s) {
                try {
                    return Base64.getDecoder().decode(s);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(f.qualifiedName() + ": expected base64 text", e);
                }
            }
            ok = v instanceof byte[];
        } else if (Temporal.class.isAssignableFrom(t) || t == Duration.class || t == UUID.class || t.isEnum()) {
            ok = v instanceof String || t.isInstance(v) || v instanceof Temporal;
        } else {
            ok = t.isInstance(v);
        }
        if (!ok) {
            throw new IllegalArgumentException(f.qualifiedName() + ": expected " + describe(t) + ", got "
                    + (v instanceof String ? "text '" + v + "'" : v.getClass().getSimpleName() + " " + v));
        }
        try {
            if (v instanceof BigInteger bi && t != BigDecimal.class) {
                v = bi.longValueExact();
            }
            return Convert.convert(t, v);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(f.qualifiedName() + ": " + describe(t) + " expected, got '" + v + "'", e);
        }
    }

    /** An element-collection value from a JSON array (or any collection) of strings. */
    private static Object elements(FieldMeta f, Object v) {
        if (!(v instanceof java.util.Collection<?> items)) {
            throw new IllegalArgumentException(f.qualifiedName() + ": expected an array, got "
                    + (v instanceof String ? "text '" + v + "'" : v.getClass().getSimpleName() + " " + v));
        }
        dev.sqlmodel.impl.types.ElementsCodec codec = new dev.sqlmodel.impl.types.ElementsCodec(f.javaType(),
                f.elementType());
        java.util.Collection<Object> values = codec.decode("[]");
        for (Object item : items) {
            if (f.elementType().isInstance(item)) {
                values.add(item);
            } else if (item instanceof String text) {
                try {
                    values.add(codec.element(text));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(f.qualifiedName() + ": expected " + describe(f.elementType())
                            + ", got '" + text + "'", e);
                }
            } else {
                throw new IllegalArgumentException(f.qualifiedName() + ": expected " + describe(f.elementType())
                        + " in the array, got " + item);
            }
        }
        return values;
    }

    private static String describe(Class<?> t) {
        if (t == LocalDate.class || t == LocalDateTime.class || t == LocalTime.class || t == OffsetDateTime.class
                || t == Instant.class) {
            return "an ISO-8601 " + t.getSimpleName();
        }
        if (t.isEnum()) {
            return "one of " + java.util.Arrays.toString(t.getEnumConstants());
        }
        return ("AEIOU".indexOf(t.getSimpleName().charAt(0)) >= 0 ? "an " : "a ") + t.getSimpleName();
    }

    private static final class Options {
        final Set<String> include;
        final Set<String> exclude = new HashSet<>();
        final boolean excludeNull;
        final boolean excludeUnset;
        final boolean byColumn;

        Options(Dump[] options) {
            Set<String> inc = null;
            boolean nulls = false;
            boolean unset = false;
            boolean column = false;
            for (Dump d : options) {
                switch (d.kind()) {
                    case INCLUDE -> {
                        inc = inc == null ? new HashSet<>() : inc;
                        inc.addAll(d.names());
                    }
                    case EXCLUDE -> exclude.addAll(d.names());
                    case EXCLUDE_NULL -> nulls = true;
                    case EXCLUDE_UNSET -> unset = true;
                    case BY_COLUMN -> column = true;
                    default -> {
                    }
                }
            }
            include = inc;
            excludeNull = nulls;
            excludeUnset = unset;
            byColumn = column;
        }

        boolean keep(String name) {
            return (include == null || include.contains(name)) && !exclude.contains(name);
        }
    }
}
