package dev.sqlmodel.impl.meta;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * Converts values between the Java types a column may have, for data that arrives in another
 * type than the field's (maps, keys, driver objects). Never used on the per-row read path,
 * which reads each column with its codec.
 */
public final class Convert {
    private static final Map<Class<?>, Object> ZEROS = Map.of(int.class, 0, long.class, 0L, short.class, (short) 0,
            byte.class, (byte) 0, boolean.class, false, double.class, 0.0d, float.class, 0.0f, char.class, '\0');

    private Convert() {
    }

    /** The default value of a primitive type. */
    public static Object zero(Class<?> primitive) {
        return ZEROS.get(primitive);
    }

    /**
     * {@code value} as {@code type}.
     *
     * @throws IllegalArgumentException naming the field when it cannot be converted
     */
    public static Object to(Class<?> type, Object value, FieldMeta field) {
        if (value == null || type.isInstance(value)) {
            return value; // the common case, before any boxing lookup
        }
        try {
            if (field != null && field.ordinal() && value instanceof Number n && type.isEnum()) {
                // the column's own form: an ordinal, as a row read by plain SQL holds it
                return type.getEnumConstants()[Math.toIntExact(exactLong(n))];
            }
            return convert(Types.box(type), value);
        } catch (RuntimeException e) {
            String where = field == null ? "" : field.qualifiedName() + ": ";
            throw new IllegalArgumentException(where + "cannot convert " + describe(value) + " to "
                    + type.getSimpleName(), e);
        }
    }

    /** {@code value} as {@code type} (boxed), or an exception without context. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object convert(Class<?> type, Object value) {
        if (value == null || type == Object.class || type.isInstance(value)) {
            return value;
        }
        if (value instanceof Number n) {
            if (type == Long.class) {
                return exactLong(n);
            }
            if (type == Integer.class) {
                return Math.toIntExact(exactLong(n));
            }
            if (type == Short.class) {
                long l = exactLong(n);
                if (l < Short.MIN_VALUE || l > Short.MAX_VALUE) {
                    throw new ArithmeticException("out of range");
                }
                return (short) l;
            }
            if (type == Byte.class) {
                long l = exactLong(n);
                if (l < Byte.MIN_VALUE || l > Byte.MAX_VALUE) {
                    throw new ArithmeticException("out of range");
                }
                return (byte) l;
            }
            if (type == Double.class) {
                return n.doubleValue();
            }
            if (type == Float.class) {
                return n.floatValue();
            }
            if (type == BigDecimal.class) {
                return n instanceof BigInteger bi ? new BigDecimal(bi) : new BigDecimal(n.toString());
            }
            if (type == Boolean.class) {
                return n.intValue() != 0;
            }
            if (type == Duration.class) {
                return Duration.ofNanos(n.longValue());
            }
        }
        if (value instanceof String s) {
            if (type == Character.class) {
                if (s.length() != 1) {
                    throw new IllegalArgumentException("'" + s + "' is not a single character");
                }
                return s.charAt(0);
            }
            if (type == UUID.class) {
                return UUID.fromString(s);
            }
            if (type.isEnum()) {
                return Enum.valueOf((Class) type, s);
            }
            if (type == LocalDate.class) {
                return LocalDate.parse(s);
            }
            if (type == LocalTime.class) {
                return LocalTime.parse(s);
            }
            if (type == LocalDateTime.class) {
                return LocalDateTime.parse(s.replace(' ', 'T'));
            }
            if (type == OffsetDateTime.class) {
                return OffsetDateTime.parse(s.replace(' ', 'T'));
            }
            if (type == Instant.class) {
                return OffsetDateTime.parse(s.replace(' ', 'T')).toInstant();
            }
            if (type == Duration.class) {
                return Duration.parse(s);
            }
            if (type == BigDecimal.class) {
                return new BigDecimal(s);
            }
            if (type == Long.class) {
                return Long.parseLong(s);
            }
            if (type == Integer.class) {
                return Integer.parseInt(s);
            }
            if (type == Boolean.class) {
                if (s.equals("1") || s.equalsIgnoreCase("true")) {
                    return true;
                }
                if (s.equals("0") || s.equalsIgnoreCase("false")) {
                    return false;
                }
            }
        }
        if (value instanceof Timestamp ts) {
            if (type == LocalDateTime.class) {
                return ts.toLocalDateTime();
            }
            if (type == Instant.class) {
                return ts.toInstant();
            }
            if (type == OffsetDateTime.class) {
                return ts.toInstant().atOffset(ZoneOffset.UTC);
            }
        }
        if (value instanceof Date d && type == LocalDate.class) {
            return d.toLocalDate();
        }
        if (value instanceof Time t && type == LocalTime.class) {
            return t.toLocalTime();
        }
        if (value instanceof LocalDateTime ldt) {
            if (type == Instant.class) {
                return ldt.toInstant(ZoneOffset.UTC);
            }
            if (type == OffsetDateTime.class) {
                return ldt.atOffset(ZoneOffset.UTC);
            }
        }
        if (value instanceof OffsetDateTime odt) {
            if (type == Instant.class) {
                return odt.toInstant();
            }
            if (type == LocalDateTime.class) {
                return odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
        }
        if (value instanceof Boolean b && Types.integer(type)) {
            return convert(type, b ? 1 : 0);
        }
        if (value instanceof byte[] bytes && type == UUID.class && bytes.length == 16) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            return new UUID(buf.getLong(), buf.getLong());
        }
        if (value instanceof Enum<?> e && type == String.class) {
            return e.name();
        }
        if (type == String.class && (value instanceof Number || value instanceof UUID || value instanceof Boolean
                || value instanceof Character)) {
            return value.toString();
        }
        throw new IllegalArgumentException("incompatible type");
    }

    private static long exactLong(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        if (n instanceof BigDecimal bd) {
            return bd.longValueExact();
        }
        if (n instanceof BigInteger bi) {
            return bi.longValueExact();
        }
        double d = n.doubleValue();
        if (d != Math.rint(d) || Double.isInfinite(d)) {
            throw new ArithmeticException("not an integer: " + n);
        }
        return (long) d;
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " '" + value + "'";
    }
}
