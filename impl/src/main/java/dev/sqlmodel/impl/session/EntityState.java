package dev.sqlmodel.impl.session;

import dev.sqlmodel.impl.meta.FieldMeta;
import dev.sqlmodel.impl.meta.ModelMeta;
import java.util.List;
import java.util.Objects;

/**
 * What the session knows of one attached instance: its model, key, whether it is new, stored
 * or marked for deletion, and the column values last written to or read from the database
 * (the snapshot dirty checking compares against).
 */
final class EntityState {
    enum Status { NEW, PERSISTENT, DELETED }

    final ModelMeta<?> meta;
    Object instance;
    Object key;
    Status status;
    Object[] snapshot;
    /** Where the identity map keeps this state in its attach order; -1 when not attached. */
    int slot = -1;

    EntityState(ModelMeta<?> meta, Object instance, Object key, Status status, Object[] snapshot) {
        this.meta = meta;
        this.instance = instance;
        this.key = key;
        this.status = status;
        remember(snapshot);
    }

    /** Takes {@code values} as the new snapshot. */
    void remember(Object[] values) {
        snapshot = values;
        if (values != null && meta.hasByteArrays()) {
            // The instance holds the same arrays: a change made to one in place must still show.
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof byte[] b) {
                    values[i] = b.clone();
                } else if (values[i] instanceof java.util.Set<?> set) {
                    values[i] = new java.util.LinkedHashSet<>(set);
                } else if (values[i] instanceof java.util.Collection<?> c) {
                    values[i] = new java.util.ArrayList<>(c);
                }
            }
        }
    }

    /** The current column values of the instance (a new array the caller may keep). */
    Object[] values() {
        return valuesOf(meta, instance);
    }

    /** The column values of {@code instance} of {@code meta}'s model, in column order (a new array). */
    static Object[] valuesOf(ModelMeta<?> meta, Object instance) {
        return meta.values(instance);
    }

    /** The instances of {@code first}, then of {@code second}, as a list view. */
    static List<Object> instancesOf(List<EntityState> first, List<EntityState> second) {
        int split = first.size();
        return new java.util.AbstractList<>() {
            @Override
            public Object get(int index) {
                return index < split ? first.get(index).instance : second.get(index - split).instance;
            }

            @Override
            public int size() {
                return split + second.size();
            }
        };
    }

    /** Whether any column differs from the snapshot. */
    boolean dirty() {
        if (status != Status.PERSISTENT || snapshot == null || meta.isRecord()) {
            return false;
        }
        List<FieldMeta> cols = meta.columns();
        for (int i = 0; i < snapshot.length; i++) {
            if (!same(snapshot[i], cols.get(i).get(instance))) {
                return true;
            }
        }
        return false;
    }

    static boolean same(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return java.util.Arrays.equals(x, y);
        }
        if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    @Override
    public String toString() {
        return status + " " + meta.type().getSimpleName() + "[" + key + "]";
    }
}
