package dev.sqlmodel.ast;

import dev.sqlmodel.Expr;

/** A value sent as a bound parameter. */
public record Param<T>(Object value, Class<T> javaType) implements Expr<T> {

    /** A parameter typed by the value's own class ({@code Object} for null). */
    @SuppressWarnings("unchecked")
    public static <T> Param<T> of(T value) {
        return new Param<>(value, value == null ? (Class<T>) Object.class : (Class<T>) value.getClass());
    }

    /** {@code value} itself when it is an expression, else a parameter of type {@code type}. */
    @SuppressWarnings("unchecked")
    public static <T> Expr<T> wrap(Object value, Class<T> type) {
        if (value instanceof Expr<?> e) {
            return (Expr<T>) e;
        }
        Class<?> t = type;
        if (t == null || t == Object.class) {
            t = value == null ? Object.class : value.getClass();
        }
        return new Param<>(value, (Class<T>) t);
    }
}
