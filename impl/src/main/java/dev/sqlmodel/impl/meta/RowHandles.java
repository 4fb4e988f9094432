package dev.sqlmodel.impl.meta;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole-row method handles, composed once from per-column handles: one creates a class
 * model's instance from column values, one reads every column of an instance, and
 * {@link #sequence} lets other packages compose their own (reading a result row). A row then
 * costs one handle call instead of one call per column through a shared, megamorphic call
 * site; the JIT specializes a handle called often enough to its own code, in which the
 * composed accesses are direct. Steps are composed as a balanced tree so that wide models do
 * not nest deeper than the JIT inlines.
 */
public final class RowHandles {
    /** Handles take at most this many steps; wider models keep the per-field path. */
    public static final int MAX_COLUMNS = 250;

    private static final MethodType READ = MethodType.methodType(void.class, Object[].class, Object.class);
    private static final MethodHandle IS_NULL;
    private static final MethodHandle STORE = MethodHandles.arrayElementSetter(Object[].class);

    static {
        try {
            IS_NULL = MethodHandles.lookup().findStatic(java.util.Objects.class, "isNull",
                    MethodType.methodType(boolean.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private RowHandles() {
    }

    /**
     * One handle of {@code type} (returning void) that runs {@code steps}, all of that type, in
     * order.
     */
    public static MethodHandle sequence(MethodType type, List<MethodHandle> steps) {
        if (steps.isEmpty()) {
            return MethodHandles.empty(type);
        }
        return sequence(steps, 0, steps.size());
    }

    private static MethodHandle sequence(List<MethodHandle> steps, int from, int to) {
        if (to - from == 1) {
            return steps.get(from);
        }
        int mid = (from + to) >>> 1;
        // foldArguments runs its (void) combiner first, then the target, on the same arguments
        return MethodHandles.foldArguments(sequence(steps, mid, to), sequence(steps, from, mid));
    }

    /**
     * {@code (Object[] out, A...) -> void} storing {@code value}'s result at {@code out[index]},
     * for {@code value} of type {@code (A...)Object}.
     */
    public static MethodHandle storeAt(int index, MethodHandle value) {
        MethodHandle store = MethodHandles.insertArguments(STORE, 1, index); // (Object[], Object)void
        return MethodHandles.collectArguments(store, 1, value);
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
        MethodType stepType = MethodType.methodType(void.class, Object.class, Object[].class);
        MethodHandle element = MethodHandles.arrayElementGetter(Object[].class);
        List<MethodHandle> steps = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            FieldMeta f = fields.get(i);
            MethodHandle setter = f.accessor().setter();
            if (setter == null) {
                return null;
            }
            MethodHandle value = MethodHandles.insertArguments(element, 1, i); // (Object[])Object
            MethodHandle step = MethodHandles.filterArguments(setter, 1, value); // (Object, Object[])void
            if (f.javaType().isPrimitive()) {
                MethodHandle isNull = MethodHandles.dropArguments(
                        MethodHandles.filterArguments(IS_NULL, 0, value), 0, Object.class);
                step = MethodHandles.guardWithTest(isNull, MethodHandles.empty(stepType), step);
            }
            steps.add(step);
        }
        // (instance, values) -> instance, after the steps have set the fields
        MethodHandle body = MethodHandles.foldArguments(
                MethodHandles.dropArguments(MethodHandles.identity(Object.class), 1, Object[].class),
                sequence(stepType, steps));
        return MethodHandles.foldArguments(body, constructor)
                .asType(MethodType.methodType(Object.class, Object[].class));
    }

    /**
     * {@code (A...) -> instance}: a new instance with every column set from what
     * {@code columns.get(i)}, of type {@code (A...)Object}, returns, in column order, a null
     * skipped for a primitive field: a row read straight into an instance, without an array of
     * its values. Null when some field cannot be written or the model has too many columns.
     *
     * @param constructor the no-argument constructor typed {@code ()Object}
     */
    static MethodHandle createFrom(MethodHandle constructor, List<FieldMeta> fields, List<MethodHandle> columns) {
        if (fields.size() > MAX_COLUMNS || columns.isEmpty()) {
            return null;
        }
        List<Class<?>> sources = columns.get(0).type().parameterList();
        MethodType stepType = MethodType.methodType(void.class, Object.class).appendParameterTypes(sources);
        List<MethodHandle> steps = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            MethodHandle setter = store(fields.get(i));
            if (setter == null) {
                return null;
            }
            steps.add(MethodHandles.collectArguments(setter, 1, columns.get(i))); // (Object, A...)void
        }
        MethodHandle body = MethodHandles.foldArguments(
                MethodHandles.dropArguments(MethodHandles.identity(Object.class), 1, sources),
                sequence(stepType, steps));
        return MethodHandles.foldArguments(body, constructor)
                .asType(MethodType.methodType(Object.class, sources));
    }

    /**
     * {@code (Object instance, Object value) -> void}: sets {@code f} on the instance, leaving a
     * primitive field alone for a null value (as a read of a row does). Null when the field is
     * read-only (a record component or a final field).
     */
    public static MethodHandle store(FieldMeta f) {
        MethodHandle setter = f.accessor().setter(); // (Object, Object)void
        if (setter == null || !f.javaType().isPrimitive()) {
            return setter;
        }
        MethodHandle isNull = MethodHandles.dropArguments(IS_NULL, 0, Object.class);
        return MethodHandles.guardWithTest(isNull,
                MethodHandles.empty(MethodType.methodType(void.class, Object.class, Object.class)), setter);
    }

    /**
     * {@code (Object instance) -> Object}: null when one of {@code keyFields} is null on the
     * instance (a row an outer join did not find), else the instance after each of
     * {@code targets} was set to what the matching handle of {@code values}, typed
     * {@code (Object instance)Object}, returns; where a target is null, the value handle is only
     * run (it changed the instance's own holder in place). One call then finishes a freshly read instance,
     * where a loop over the fields would call one handle per field through a shared call site.
     *
     * @throws IllegalArgumentException when a target is read-only
     */
    public static MethodHandle finisher(List<FieldMeta> keyFields, List<Accessor> targets, List<MethodHandle> values) {
        MethodType stepType = MethodType.methodType(void.class, Object.class);
        List<MethodHandle> steps = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i) == null) {
                steps.add(MethodHandles.dropReturn(values.get(i)));
                continue;
            }
            MethodHandle setter = targets.get(i).setter();
            if (setter == null) {
                throw new IllegalArgumentException(targets.get(i) + " is read-only");
            }
            // (Object instance, Object instance) -> set(instance, value(instance)), then both arguments made one
            MethodHandle both = MethodHandles.collectArguments(setter, 1, values.get(i));
            steps.add(MethodHandles.permuteArguments(both, stepType, 0, 0));
        }
        MethodHandle body = MethodHandles.foldArguments(MethodHandles.identity(Object.class),
                sequence(stepType, steps));
        MethodHandle none = MethodHandles.dropArguments(MethodHandles.constant(Object.class, null), 0, Object.class);
        for (FieldMeta k : keyFields) {
            body = MethodHandles.guardWithTest(
                    MethodHandles.filterReturnValue(k.accessor().getter(), IS_NULL), none, body);
        }
        return body;
    }

    /**
     * {@code (Object[] out, Object instance) -> void}: stores every column's value in
     * {@code out}, in column order. Null when the model has too many columns. (The caller
     * allocates the array: a collecting handle would create it reflectively.)
     */
    static MethodHandle read(List<FieldMeta> fields) {
        if (fields.size() > MAX_COLUMNS) {
            return null;
        }
        List<MethodHandle> steps = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            steps.add(storeAt(i, fields.get(i).accessor().getter()));
        }
        return sequence(READ, steps);
    }
}
