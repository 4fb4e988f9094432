package dev.sqlmodel.data.runtime;

import dev.sqlmodel.Engine;
import dev.sqlmodel.StaleObjectException;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.meta.ModelRegistry;
import jakarta.data.exceptions.OptimisticLockingFailureException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @Insert}, {@code @Update}, {@code @Delete} and {@code @Save} of one entity, an array or an
 * {@code Iterable} of entities. Several entities are written in one transaction: all of them or none.
 *
 * <p>{@code @Update} and {@code @Delete} match the key and, for a versioned entity, the version; a row that is gone
 * or has another version raises {@link OptimisticLockingFailureException}. {@code @Save} of a versioned entity
 * updates with the version check and inserts when there is no row with its key (so a stale version is refused);
 * of an entity without version it is an upsert.
 */
final class LifecyclePlan implements MethodPlan {

    enum Kind { INSERT, UPDATE, DELETE, SAVE }

    private final String method;
    private final Kind kind;
    private final boolean many;
    private final ResultShape shape;

    LifecyclePlan(String method, Kind kind, boolean many, ResultShape shape) {
        this.method = method;
        this.kind = kind;
        this.many = many;
        this.shape = shape;
    }

    @Override
    public Object invoke(Engine engine, Object[] args) {
        Object arg = args[0];
        if (arg == null) {
            throw new NullPointerException(method + ": the entity argument is null");
        }
        List<Object> entities = many ? ResultShape.elements(arg) : List.of(arg);
        for (int i = 0; i < entities.size(); i++) {
            if (entities.get(i) == null) {
                throw new NullPointerException(method + ": entity " + i + " is null");
            }
        }
        try (StatelessSession s = engine.stateless()) {
            List<Object> stored;
            if (kind == Kind.INSERT) {
                stored = entities.size() == 1 ? List.of(s.insert(entities.get(0))) : s.insertAll(entities);
            } else if (entities.size() == 1) {
                stored = List.of(write(s, entities.get(0)));
            } else if (entities.isEmpty()) {
                stored = List.of();
            } else {
                Object[] versions = versions(entities);
                try {
                    stored = s.transaction(() -> {
                        List<Object> out = new ArrayList<>(entities.size());
                        for (Object e : entities) {
                            out.add(write(s, e));
                        }
                        return out;
                    });
                } catch (RuntimeException e) {
                    restore(entities, versions);
                    throw e;
                }
            }
            return result(arg, stored);
        } catch (RuntimeException e) {
            throw DataErrors.translate(e, kind == Kind.INSERT);
        }
    }

    /** The version values of mutable entities, to put back when their transaction rolls back. */
    private static Object[] versions(List<Object> entities) {
        Object[] out = new Object[entities.size()];
        for (int i = 0; i < out.length; i++) {
            ModelMeta<?> meta = ModelRegistry.of(entities.get(i).getClass());
            if (meta.versionField() != null && !meta.isRecord()) {
                out[i] = meta.versionField().get(entities.get(i));
            }
        }
        return out;
    }

    private static void restore(List<Object> entities, Object[] versions) {
        for (int i = 0; i < versions.length; i++) {
            if (versions[i] != null) {
                ModelRegistry.of(entities.get(i).getClass()).versionField().set(entities.get(i), versions[i]);
            }
        }
    }

    private Object write(StatelessSession s, Object entity) {
        return switch (kind) {
            case UPDATE -> s.update(entity);
            case DELETE -> {
                if (!s.delete(entity)) {
                    throw new OptimisticLockingFailureException(method + ": " + describe(entity)
                            + " is not in the database");
                }
                yield entity;
            }
            case SAVE -> save(s, entity);
            case INSERT -> s.insert(entity);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object save(StatelessSession s, Object entity) {
        ModelMeta meta = ModelRegistry.of(entity.getClass());
        if (meta.versionField() == null || meta.isNew(entity)) {
            return meta.versionField() == null ? s.upsert(entity) : s.insert(entity);
        }
        try {
            return s.update(entity);
        } catch (StaleObjectException e) {
            if (s.get(entity.getClass(), meta.keyOf(entity)).isPresent()) {
                throw e;
            }
            return s.insert(entity);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String describe(Object entity) {
        ModelMeta meta = ModelRegistry.of(entity.getClass());
        return entity.getClass().getSimpleName() + " with id " + meta.keyOf(entity);
    }

    private Object result(Object arg, List<Object> stored) {
        return switch (shape.kind()) {
            case VOID -> null;
            case LONG, INT, BOOLEAN -> shape.count(stored.size());
            case ARRAY -> shape.array(stored);
            case LIST -> new ArrayList<>(stored);
            default -> stored.get(0);
        };
    }

    @Override
    public String toString() {
        return method;
    }
}
