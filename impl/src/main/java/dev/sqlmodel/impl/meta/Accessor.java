package dev.sqlmodel.impl.meta;

import dev.sqlmodel.MappingException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Reads and writes one field of a model through method handles built once, so that no
 * reflection happens per row. Record components are read through their accessor method and
 * cannot be written.
 */
public final class Accessor {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

    private final String description;
    private final MethodHandle getter;
    private final MethodHandle setter;

    private Accessor(String description, MethodHandle getter, MethodHandle setter) {
        this.description = description;
        this.getter = getter;
        this.setter = setter;
    }

    /** An accessor for a field of a class (any visibility, final fields read-only). */
    public static Accessor forField(Field field) {
        String desc = field.getDeclaringClass().getName() + "." + field.getName();
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(field.getDeclaringClass(), MethodHandles.lookup());
            MethodHandle get = lookup.unreflectGetter(field).asType(GETTER);
            MethodHandle set = Modifier.isFinal(field.getModifiers()) ? null : lookup.unreflectSetter(field).asType(SETTER);
            return new Accessor(desc, get, set);
        } catch (IllegalAccessException e) {
            throw new MappingException(desc + ": field is not accessible (open the package to dev.sqlmodel)", e);
        }
    }

    /** A read-only accessor for a record component. */
    public static Accessor forRecordComponent(java.lang.reflect.RecordComponent component) {
        String desc = component.getDeclaringRecord().getName() + "." + component.getName();
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(component.getDeclaringRecord(), MethodHandles.lookup());
            MethodHandle get = lookup.unreflect(component.getAccessor()).asType(GETTER);
            return new Accessor(desc, get, null);
        } catch (IllegalAccessException e) {
            throw new MappingException(desc + ": record component is not accessible", e);
        }
    }

    /** The field's value on {@code target}. */
    public Object get(Object target) {
        try {
            return getter.invokeExact(target);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(description, t);
        }
    }

    /**
     * Sets the field on {@code target}.
     *
     * @throws UnsupportedOperationException for record components and final fields
     * @throws IllegalArgumentException when the value has the wrong type
     */
    public void set(Object target, Object value) {
        if (setter == null) {
            throw new UnsupportedOperationException(description + " is read-only");
        }
        try {
            setter.invokeExact(target, value);
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException(description + ": cannot assign "
                    + (value == null ? "null" : value.getClass().getName() + " value " + value), e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(description, t);
        }
    }

    /** The getter typed {@code (Object)Object}, for composing whole-row handles. */
    public MethodHandle getter() {
        return getter;
    }

    /** The setter typed {@code (Object, Object)void}, or null when the field is read-only, for composing handles. */
    public MethodHandle setter() {
        return setter;
    }

    /** Whether {@link #set} works. */
    public boolean writable() {
        return setter != null;
    }

    @Override
    public String toString() {
        return "Accessor[" + description + "]";
    }
}
