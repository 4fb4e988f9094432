package dev.sqlmodel.data.runtime.jdql;

import dev.sqlmodel.ast.Param;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;

/**
 * Types values by the expression they meet: a value bound against a column takes the column's
 * type when the conversion loses nothing ({@code 21} against a {@code long} id is bound as a
 * long, {@code 'E'} against a {@code char} as a character), and keeps its own type otherwise.
 */
final class Values {
    private static final Set<Class<?>> NUMBERS = Set.of(Byte.class, Short.class, Integer.class, Long.class,
            Float.class, Double.class, BigInteger.class, BigDecimal.class);
    private static final Set<Class<?>> INTEGRAL = Set.of(Byte.class, Short.class, Integer.class, Long.class,
            BigInteger.class);

    private Values() {
    }

    static boolean numeric(Class<?> t) {
        return t != null && NUMBERS.contains(t);
    }

    static boolean integral(Class<?> t) {
        return t != null && INTEGRAL.contains(t);
    }

    static boolean textual(Class<?> t) {
        return t == String.class || t == Character.class;
    }

    /**
     * The type of an arithmetic result (Jakarta Persistence 3.2, section 4.7): Double, else
     * Float, else BigDecimal, else BigInteger, else Long, else Integer. An unknown side takes
     * the other's type.
     */
    static Class<?> promote(Class<?> a, Class<?> b) {
        boolean an = numeric(a);
        boolean bn = numeric(b);
        if (!an && !bn) {
            return a != null && a != Object.class ? a : b != null ? b : Object.class;
        }
        if (!an || !bn) {
            Class<?> t = an ? a : b;
            return t == Short.class || t == Byte.class ? Integer.class : t;
        }
        for (Class<?> t : new Class<?>[] {Double.class, Float.class, BigDecimal.class, BigInteger.class, Long.class}) {
            if (a == t || b == t) {
                return t;
            }
        }
        return Integer.class;
    }

    /** A bound parameter of {@code value}, typed by {@code hint} when the value converts without loss. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Param<?> param(Object value, Class<?> hint) {
        if (value == null) {
            return new Param(null, hint == null ? Object.class : hint);
        }
        Object v = convert(value, hint);
        Class<?> type = v.getClass();
        if (v instanceof Enum<?> e) {
            type = e.getDeclaringClass();
        }
        return new Param(v, type);
    }

    /** {@code value} as {@code hint} when that loses nothing, else {@code value} itself. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object convert(Object value, Class<?> hint) {
        if (hint == null || hint == Object.class || hint.isInstance(value)) {
            return value;
        }
        if (value instanceof Number n && numeric(hint)) {
            Number converted = widen(n, hint);
            return converted != null ? converted : value;
        }
        if (hint == Character.class && value instanceof String s && s.length() == 1) {
            return s.charAt(0);
        }
        if (hint == String.class && value instanceof Character c) {
            return c.toString();
        }
        if (hint.isEnum() && value instanceof String s) {
            for (Object constant : hint.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(s)) {
                    return constant;
                }
            }
        }
        return value;
    }

    /** {@code n} as type {@code to} when it is exactly representable there, else null. */
    private static Number widen(Number n, Class<?> to) {
        try {
            if (n instanceof Double || n instanceof Float) {
                double d = n.doubleValue();
                if (to == Double.class) {
                    return d;
                }
                if (to == Float.class) {
                    return (double) (float) d == d || Double.isNaN(d) ? (Number) (float) d : null;
                }
                if (to == BigDecimal.class) {
                    return Double.isFinite(d) ? new BigDecimal(n.toString()) : null;
                }
                return null; // a fraction never becomes an integer silently
            }
            BigDecimal exact = n instanceof BigDecimal b ? b
                    : n instanceof BigInteger b ? new BigDecimal(b) : BigDecimal.valueOf(n.longValue());
            if (to == BigDecimal.class) {
                return exact;
            }
            if (to == Double.class) {
                double d = exact.doubleValue();
                return new BigDecimal(d).compareTo(exact) == 0 ? d : null;
            }
            if (to == Float.class) {
                float f = exact.floatValue();
                return new BigDecimal(f).compareTo(exact) == 0 ? f : null;
            }
            BigInteger whole = exact.toBigIntegerExact();
            if (to == BigInteger.class) {
                return whole;
            }
            long l = whole.longValueExact();
            if (to == Long.class) {
                return l;
            }
            if (to == Integer.class) {
                return l == (int) l ? (Number) (int) l : null;
            }
            if (to == Short.class) {
                return l == (short) l ? (Number) (short) l : null;
            }
            if (to == Byte.class) {
                return l == (byte) l ? (Number) (byte) l : null;
            }
            return null;
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
