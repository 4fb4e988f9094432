package dev.sqlmodel.impl.meta;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * Whole-row method handles of a class model, composed once from its field accessors: one that
 * creates an instance from column values and one that reads every column into a new array.
 * A row then costs one handle call instead of one per column; the JIT specializes a handle
 * called often enough to its own code, which makes the composed field accesses direct.
 */
final class RowHandles {
    /** Handles take at most this many arguments; wider models keep the per-field path. */
    private static final int MAX_COLUMNS = 250;

    private static final MethodType CREATE = MethodType.methodType(Object.class, Object[].class);
    private static final MethodType READ = MethodType.methodType(Object[].class, Object.class);

    private RowHandles() {
    }

    /**
     * {@code (Object[] values) -> instance}: a new instance with every column set from
     * {@code values} in column order, a null skipped for a primitive field. Null when some
     * field cannot be written (final) or the model has too many columns.
     *
     * @param constructor the no-argument constructor typed {@code ()Object}
     */
    static MethodHandle create(MethodHandle constructor, List<FieldMeta> fields) {
        if (fields.size() > MAX_COLUMNS) {
            return null;
        }
        // body(instance, values) returns the instance after each step has set one field
        MethodHandle body = MethodHandles.dropArguments(MethodHandles.identity(Object.class), 1, Object[].class);
        MethodHandle element = MethodHandles.arrayElementGetter(Object[].class);
        for (int i = fields.size() - 1; i >= 0; i--) {
            FieldMeta f = fields.get(i);
            MethodHandle setter = f.accessor().setter();
            if (setter == null) {
                return null;
            }
            MethodHandle value = MethodHandles.insertArguments(element, 1, i); // (Object[])Object
            MethodHandle step = MethodHandles.filterArguments(setter, 1, value); // (Object, Object[])void
            if (f.javaType().isPrimitive()) {
                MethodHandle isNull = MethodHandles.filterArguments(IS_NULL, 0, value); // (Object[])boolean
                isNull = MethodHandles.dropArguments(isNull, 0, Object.class);
                MethodHandle skip = MethodHandles.empty(step.type());
                step = MethodHandles.guardWithTest(isNull, skip, step);
            }
            body = MethodHandles.foldArguments(body, step);
        }
        return MethodHandles.foldArguments(body, constructor).asType(CREATE);
    }

    /**
     * {@code (instance) -> Object[]}: every column's value in column order, in a new array.
     * Null when the model has too many columns.
     */
    static MethodHandle read(List<FieldMeta> fields) {
        int n = fields.size();
        if (n > MAX_COLUMNS || n == 0) {
            return null;
        }
        MethodHandle collect = MethodHandles.identity(Object[].class).asCollector(Object[].class, n);
        MethodHandle[] getters = new MethodHandle[n];
        for (int i = 0; i < n; i++) {
            getters[i] = fields.get(i).accessor().getter();
        }
        MethodHandle all = MethodHandles.filterArguments(collect, 0, getters);
        return MethodHandles.permuteArguments(all, READ, new int[n]);
    }

    private static final MethodHandle IS_NULL;

    static {
        try {
            IS_NULL = MethodHandles.lookup().findStatic(java.util.Objects.class, "isNull",
                    MethodType.methodType(boolean.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
