package dev.sqlmodel;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A composite primary key: values in primary-key field declaration order. */
public final class Key {
    private final Object[] values;

    private Key(Object[] values) {
        this.values = values;
    }

    /**
     * The key made of {@code values}.
     *
     * @throws IllegalArgumentException when no value is given or one is null
     */
    public static Key of(Object... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a key needs at least one value");
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new IllegalArgumentException("key value " + i + " is null");
            }
        }
        return new Key(values.clone());
    }

    /** The values in key order. */
    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /** The number of values. */
    public int size() {
        return values.length;
    }

    /** The value at {@code index}. */
    public Object get(int index) {
        return values[index];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Key k && Arrays.equals(values, k.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Key" + Arrays.toString(values);
    }
}
