package dev.sqlmodel.impl.meta;

/**
 * Maps a record's canonical constructor arguments to column positions; components that are
 * not columns (skipped fields, relationships) get their type's default or are copied.
 */
final class RecordLayout {
    private final int[] columnOf;          // component index -> column position, or -1
    private final Class<?>[] componentTypes;
    private final Accessor[] others;        // accessors of non-column components

    RecordLayout(int[] columnOf, Class<?>[] componentTypes, Accessor[] others) {
        this.columnOf = columnOf;
        this.componentTypes = componentTypes;
        this.others = others;
    }

    Object[] arguments(Object[] columnValues) {
        Object[] args = new Object[columnOf.length];
        for (int i = 0; i < args.length; i++) {
            Object v = columnOf[i] >= 0 ? columnValues[columnOf[i]] : null;
            args[i] = v == null && componentTypes[i].isPrimitive() ? Convert.zero(componentTypes[i]) : v;
        }
        return args;
    }

    void copyOthers(Object from, Object[] args) {
        for (int i = 0; i < args.length; i++) {
            if (columnOf[i] < 0 && others[i] != null) {
                args[i] = others[i].get(from);
            }
        }
    }
}
