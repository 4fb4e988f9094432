package dev.sqlmodel.data.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Conversions of projected values to the element type a repository method declares. */
final class Values {

    private Values() {
    }

    /** {@code value} as {@code type} (primitive types as their wrappers); unchanged when already one or unknown. */
    static Object convert(Object value, Class<?> type) {
        if (value == null || type == null || type == Object.class) {
            return value;
        }
        Class<?> boxed = box(type);
        if (boxed.isInstance(value)) {
            return value;
        }
        if (value instanceof Number n) {
            if (boxed == Long.class) {
                return n.longValue();
            }
            if (boxed == Integer.class) {
                return n.intValue();
            }
            if (boxed == Short.class) {
                return n.shortValue();
            }
            if (boxed == Byte.class) {
                return n.byteValue();
            }
            if (boxed == Double.class) {
                return n.doubleValue();
            }
            if (boxed == Float.class) {
                return n.floatValue();
            }
            if (boxed == BigDecimal.class) {
                return new BigDecimal(n.toString());
            }
            if (boxed == BigInteger.class) {
                return new BigInteger(n.toString());
            }
            if (boxed == Boolean.class) {
                return n.intValue() != 0;
            }
            if (boxed == Character.class) {
                return (char) n.intValue();
            }
        }
        if (value instanceof String s) {
            if (boxed == Character.class && s.length() == 1) {
                return s.charAt(0);
            }
        }
        if (boxed == String.class) {
            return value.toString();
        }
        return value;
    }

    static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        if (type == char.class) {
            return Character.class;
        }
        return Void.class;
    }
}
