package dev.sqlmodel.impl.types;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.impl.meta.FieldMeta;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The DDL type of a column per dialect (API.md section 1). Time values are stored so that
 * they sort and compare correctly on every dialect: instants and offset date-times are kept
 * in UTC, durations as nanoseconds.
 */
public final class SqlTypes {
    private SqlTypes() {
    }

    /** The DDL type of {@code field} on {@code dialect}, ignoring any override. */
    public static String ddlType(FieldMeta field, Dialect dialect) {
        Class<?> t = field.boxedType();
        if (field.elementType() != null) {
            return "TEXT"; // a JSON array of the elements, see ElementsCodec
        }
        if (field.ordinal()) {
            // the ordinal, see OrdinalCodec; an enum beyond SMALLINT's range is possible in a class file only in theory
            return t.getEnumConstants().length <= Short.MAX_VALUE + 1 ? "SMALLINT" : "INTEGER";
        }
        if (t == String.class) {
            if (field.maxLength() > 0) {
                return "VARCHAR(" + field.maxLength() + ")";
            }
            return dialect == Dialect.MYSQL ? "VARCHAR(255)" : "TEXT";
        }
        if (t == Character.class) {
            // VARCHAR, not CHAR: MySQL strips the trailing spaces of CHAR values, so ' ' would come back empty.
            return "VARCHAR(1)";
        }
        if (t == Integer.class) {
            return "INTEGER";
        }
        if (t == Long.class) {
            return dialect == Dialect.SQLITE ? "INTEGER" : "BIGINT";
        }
        if (t == Short.class || t == Byte.class) {
            return "SMALLINT";
        }
        if (t == Boolean.class) {
            return "BOOLEAN";
        }
        if (t == Double.class) {
            return switch (dialect) {
                case POSTGRESQL -> "DOUBLE PRECISION";
                case MYSQL -> "DOUBLE";
                case SQLITE -> "REAL";
            };
        }
        if (t == Float.class) {
            return dialect == Dialect.MYSQL ? "FLOAT" : "REAL";
        }
        if (t == BigDecimal.class) {
            int p = field.maxDigits();
            int s = field.decimalPlaces();
            if (p > 0) {
                return "DECIMAL(" + p + "," + Math.max(s, 0) + ")";
            }
            if (s >= 0) {
                return "DECIMAL(" + (dialect == Dialect.MYSQL ? 65 : 38) + "," + s + ")";
            }
            return dialect == Dialect.MYSQL ? "DECIMAL(65,30)" : "NUMERIC";
        }
        if (t == LocalDate.class) {
            return "DATE";
        }
        if (t == LocalTime.class) {
            return dialect == Dialect.MYSQL ? "TIME(6)" : "TIME";
        }
        if (t == LocalDateTime.class) {
            return dialect == Dialect.MYSQL ? "DATETIME(6)" : "TIMESTAMP";
        }
        if (t == OffsetDateTime.class || t == Instant.class) {
            return switch (dialect) {
                case POSTGRESQL -> "TIMESTAMP WITH TIME ZONE";
                case MYSQL -> "DATETIME(6)";
                case SQLITE -> "TIMESTAMP";
            };
        }
        if (t == Duration.class) {
            return dialect == Dialect.SQLITE ? "INTEGER" : "BIGINT";
        }
        if (t == UUID.class) {
            return dialect == Dialect.POSTGRESQL ? "UUID" : "CHAR(36)";
        }
        if (t == byte[].class) {
            return switch (dialect) {
                case POSTGRESQL -> "BYTEA";
                case MYSQL -> "LONGBLOB";
                case SQLITE -> "BLOB";
            };
        }
        if (t.isEnum()) {
            int longest = 1;
            for (Object c : t.getEnumConstants()) {
                longest = Math.max(longest, ((Enum<?>) c).name().length());
            }
            return "VARCHAR(" + Math.max(longest, 32) + ")";
        }
        throw new IllegalArgumentException(field.qualifiedName() + ": unsupported field type " + t.getName());
    }
}
