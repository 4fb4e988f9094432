package dev.sqlmodel;

import dev.sqlmodel.spi.Provider;
import jakarta.validation.ConstraintViolation;
import java.util.Map;
import java.util.Set;

/** Serialization, validation and metadata of models and plain data classes. */
public final class SqlModel {
    private SqlModel() {
    }

    /**
     * The model's metadata.
     *
     * @throws MappingException when the class is not a valid {@code @Table} model
     */
    public static <M> ModelInfo<M> info(Class<M> type) {
        return Provider.get().info(type);
    }

    /** Field name (or column name with {@link Dump#byColumn()}) to value; loaded relationships nested. */
    public static Map<String, Object> toMap(Object model, Dump... options) {
        return Provider.get().toMap(model, options);
    }

    /** The model as a JSON object. */
    public static String toJson(Object model, Dump... options) {
        return Provider.get().toJson(model, options);
    }

    /**
     * A new instance from a map, converted and validated. A relationship key holds null, a
     * nested map (to-one) or a list of maps (to-many), read as new related instances joined to
     * the owner on both sides and validated with it; what {@link #toMap} writes reads back.
     *
     * @throws IllegalArgumentException naming the field, for a wrong type or an unknown key
     * @throws jakarta.validation.ConstraintViolationException when a constraint is violated
     */
    public static <M> M fromMap(Class<M> type, Map<String, ?> values) {
        return Provider.get().fromMap(type, values);
    }

    /**
     * A new instance from a JSON object, converted and validated. A relationship key holds
     * null, a nested object (to-one) or an array of objects (to-many), read as in
     * {@link #fromMap}; what {@link #toJson} writes reads back.
     *
     * @throws IllegalArgumentException naming the field, for a wrong type or an unknown key
     * @throws jakarta.validation.ConstraintViolationException when a constraint is violated
     */
    public static <M> M fromJson(Class<M> type, String json) {
        return Provider.get().fromJson(type, json);
    }

    /**
     * Copies the keys present in {@code patch} onto {@code target} (sqlmodel_update).
     *
     * @throws IllegalArgumentException naming the field, for a wrong type or an unknown key
     */
    public static void update(Object target, Map<String, ?> patch) {
        Provider.get().update(target, patch);
    }

    /** The constraint violations of {@code model} (empty when valid). */
    public static Set<ConstraintViolation<Object>> validate(Object model) {
        return Provider.get().validate(model);
    }
}
