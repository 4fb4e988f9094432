package dev.sqlmodel.impl.meta;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The Java types a column may have, and boxing. */
public final class Types {
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, byte.class, Byte.class, boolean.class, Boolean.class, double.class, Double.class,
            float.class, Float.class, char.class, Character.class);

    private static final Set<Class<?>> SUPPORTED = Set.of(String.class, Character.class, Integer.class, Long.class,
            Short.class, Byte.class, Boolean.class, Double.class, Float.class, BigDecimal.class, LocalDate.class,
            LocalTime.class, LocalDateTime.class, OffsetDateTime.class, Instant.class, Duration.class, UUID.class, byte[].class);

    private static final Set<Class<?>> INTEGERS = Set.of(Integer.class, Long.class, Short.class, Byte.class);

    private Types() {
    }

    /** The boxed form of a primitive type; other types unchanged. */
    public static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        Class<?> boxed = BOXES.get(type);
        return boxed == null ? type : boxed;
    }

    /** Whether a column may have this Java type. */
    public static boolean supported(Class<?> type) {
        Class<?> t = box(type);
        return SUPPORTED.contains(t) || t.isEnum();
    }

    /** Whether this is an integer type (boxed or primitive). */
    public static boolean integer(Class<?> type) {
        return INTEGERS.contains(box(type));
    }
}
