package dev.sqlmodel.impl.types;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.impl.meta.FieldMeta;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The codec of each Java type per dialect. PostgreSQL takes {@code java.time} values natively;
 * SQLite keeps them as fixed-width ISO text so they sort and compare as text. MySQL reads them
 * natively but is sent times and date-times as ISO text with microseconds: Connector/J drops
 * the fraction of a bound {@code java.time} value when the server calls itself older than
 * 5.6.4, and MariaDB reports {@code 5.5.5-<version>}. Instants and offset date-times are
 * normalised to UTC everywhere.
 */
public final class Codecs {
    private static final DateTimeFormatter DATETIME_MICROS = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss").appendFraction(ChronoField.NANO_OF_SECOND, 6, 6, true).toFormatter();
    private static final DateTimeFormatter TIME_MICROS = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss").appendFraction(ChronoField.NANO_OF_SECOND, 6, 6, true).toFormatter();

    private static final Map<Dialect, Map<Class<?>, ValueCodec>> TABLES = new EnumMap<>(Dialect.class);
    private static final Map<Dialect, Map<Class<?>, ValueCodec>> ENUMS = new EnumMap<>(Dialect.class);

    private Codecs() {
    }

    static {
        for (Dialect d : Dialect.values()) {
            TABLES.put(d, table(d));
            ENUMS.put(d, new ConcurrentHashMap<>());
        }
    }

    /** The codec for values of {@code type} on {@code dialect}; {@code Object} for unknown types. */
    public static ValueCodec forType(Class<?> type, Dialect dialect) {
        Class<?> t = dev.sqlmodel.impl.meta.Types.box(type);
        ValueCodec c = TABLES.get(dialect).get(t);
        if (c != null) {
            return c;
        }
        if (t.isEnum()) {
            return ENUMS.get(dialect).computeIfAbsent(t, Codecs::enumCodec);
        }
        if (Enum.class.isAssignableFrom(t) && t.getSuperclass() != null && t.getSuperclass().isEnum()) {
            return forType(t.getSuperclass(), dialect);
        }
        return TABLES.get(dialect).get(Object.class);
    }

    /**
     * The codec for the column {@code field} on {@code dialect}: the type's codec, except that
     * on SQLite a decimal with a declared scale is read back with that scale (SQLite stores
     * {@code 12.30} in a DECIMAL column as the number 12.3; the other databases keep the scale),
     * an entity's collection is kept as a JSON array and an enum stored by ordinal as an integer.
     */
    public static ValueCodec forField(FieldMeta field, Dialect dialect) {
        if (field.elementType() != null) {
            return new ElementsCodec(field.javaType(), field.elementType());
        }
        if (field.ordinal()) {
            return new OrdinalCodec(field.qualifiedName(), field.javaType());
        }
        ValueCodec c = forType(field.javaType(), dialect);
        if (dialect == Dialect.SQLITE && field.boxedType() == BigDecimal.class && field.decimalPlaces() >= 0) {
            return new Scaled(c, field.decimalPlaces());
        }
        return c;
    }

    /** The codec for a value found at run time (a parameter). */
    public static ValueCodec forValue(Object value, Dialect dialect) {
        return value == null ? TABLES.get(dialect).get(Object.class) : forType(value.getClass(), dialect);
    }

    private static Map<Class<?>, ValueCodec> table(Dialect d) {
        Map<Class<?>, ValueCodec> m = new HashMap<>();
        m.put(Object.class, new Simple(Types.OTHER) {
            @Override
            public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
                ps.setObject(i, v);
            }

            @Override
            public Object read(ResultSet rs, int i) throws SQLException {
                return rs.getObject(i);
            }

            @Override
            public void bindNullable(PreparedStatement ps, int i, Object v) throws SQLException {
                if (v == null) {
                    ps.setObject(i, null);
                } else {
                    bind(ps, i, v);
                }
            }
        });
        m.put(String.class, new Simple(Types.VARCHAR) {
            @Override
            public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
                ps.setString(i, (String) v);
            }

            @Override
            public Object read(ResultSet rs, int i) throws SQLException {
                return rs.getString(i);
            }
        });
        m.put(Integer.class, new Simple(Types.INTEGER) {
            @Override
            public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
                ps.setInt(i, (Integer) v);
            }

            @Override
            public Object read(ResultSet rs, int i) throws SQLException {
                int v = rs.getInt(i);
                return v == 0 && rs.wasNull() ? null : v;
            }
        });
        m.put(Long.class, new Simple(Types.BIGINT) {
            @Override
            public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
                ps.setLong(i, (Long) v);
            }

            @Override
            public Object read(ResultSet rs, int i) throws SQLException {
                long v = rs.getLong(i);
                return v == 0 && rs.wasNull() ? null : v;
            }
        });
        m.put(Short.class, new Simple(Types.SMALLINT) {
            @Override
            public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
                ps.setShort(i, (Short) v);
            }

            @Override
            public Object read(ResultSet rs, int i) throws SQLException {
                short v = rs.getShort(i);
                return v == 0 && rs.wasNull() ? null : v;
            }
        });
        m.put(Byte.class, new Simple(Types.SMALLINT) {
            @Override
            public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
                ps.setShort(i, (Byte) v);
            }

            @Override
            public Object read(ResultSet rs, int i) throws SQLException {
                short v = rs.getShort(i);
                return v == 0 && rs.wasNull() ? null : (byte) v;
            }
        });
        m.put(Boolean.class, new Simple(Types.BOOLEAN) {
            @Override
            public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
                ps.setBoolean(i, (Boolean) v);
            }

            @Override
            public Object read(ResultSet rs, int i) throws SQLException {
                boolean v = rs.getBoolean(i);
                return !v && rs.wasNull() ? null : v;
            }
        });
        m.put(Character.class, new Simple(Types.VARCHAR) {
            @Override
            public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
                ps.setString(i, String.valueOf((char) (Character) v));
            }

            @Override
            public Object read(ResultSet rs, int i) throws SQLException {
                String s = rs.getString(i);
                if (s == null) {
                    return null;
                }
                if (s.length() != 1) {
                    throw new SQLException("value '" + s + "' is not a single character", "22000");
                }
                return s.charAt(0);
            }
        });
        m.put(Double.class, new Simple(Types.DOUBLE) {
            @Override
            public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
                ps.setDouble(i, (Double) v);
            }

            @Override
            public Object read(ResultSet rs, int i) throws SQLException {
                double v = rs.getDouble(i);
                return v == 0 && rs.wasNull() ? null : v;
            }
        });
        m.put(Float.class, new Simple(Types.REAL) {
            @Override
            public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
                ps.setFloat(i, (Float) v);
            }

            @Override
            public Object read(ResultSet rs, int i) throws SQLException {
                float v = rs.getFloat(i);
                return v == 0 && rs.wasNull() ? null : v;
            }
        });
        m.put(BigDecimal.class, d == Dialect.SQLITE ? new Simple(Types.NUMERIC) {
            @Override
            public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
                BigDecimal b = (BigDecimal) v;
                // A whole number that fits 64 bits is stored as an exact INTEGER; "7.00" would
                // become REAL, exact to 15 significant digits only (see sqliteStoresExactly).
                // Up to 15 digits a fraction is exact as REAL already: strip only beyond that.
                if (b.signum() == 0 || b.scale() <= 0 || b.precision() > 15 && b.stripTrailingZeros().scale() <= 0) {
                    BigDecimal whole = b.setScale(0, RoundingMode.UNNECESSARY);
                    if (whole.unscaledValue().bitLength() < 64) {
                        ps.setLong(i, whole.longValueExact());
                        return;
                    }
                }
                ps.setString(i, b.toPlainString());
            }

            @Override
            public Object read(ResultSet rs, int i) throws SQLException {
                String s = rs.getString(i);
                return s == null ? null : new BigDecimal(s);
            }
        } : new Simple(Types.NUMERIC) {
            @Override
            public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
                ps.setBigDecimal(i, (BigDecimal) v);
            }

            @Override
            public Object read(ResultSet rs, int i) throws SQLException {
                return rs.getBigDecimal(i);
            }
        });
        m.put(byte[].class, new Simple(Types.BINARY) {
            @Override
            public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
                ps.setBytes(i, (byte[]) v);
            }

            @Override
            public Object read(ResultSet rs, int i) throws SQLException {
                return rs.getBytes(i);
            }
        });
        m.put(Duration.class, new Simple(Types.BIGINT) {
            @Override
            public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
                ps.setLong(i, ((Duration) v).toNanos());
            }

            @Override
            public Object read(ResultSet rs, int i) throws SQLException {
                long v = rs.getLong(i);
                return v == 0 && rs.wasNull() ? null : Duration.ofNanos(v);
            }
        });
        if (d == Dialect.POSTGRESQL) {
            m.put(UUID.class, objectCodec(UUID.class, Types.OTHER));
        } else {
            m.put(UUID.class, new Simple(Types.CHAR) {
                @Override
                public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
                    ps.setString(i, v.toString());
                }

                @Override
                public Object read(ResultSet rs, int i) throws SQLException {
                    String s = rs.getString(i);
                    return s == null ? null : UUID.fromString(s.trim());
                }
            });
        }
        if (d == Dialect.SQLITE) {
            m.put(LocalDate.class, text(Types.DATE, v -> v.toString(), s -> LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s)));
            m.put(LocalTime.class, text(Types.TIME, v -> TIME_MICROS.format((LocalTime) v), LocalTime::parse));
            m.put(LocalDateTime.class, text(Types.TIMESTAMP, v -> DATETIME_MICROS.format((LocalDateTime) v),
                    Codecs::parseLocalDateTime));
            m.put(Instant.class, text(Types.TIMESTAMP,
                    v -> DATETIME_MICROS.format(LocalDateTime.ofInstant((Instant) v, ZoneOffset.UTC)),
                    s -> parseUtc(s).toInstant()));
            m.put(OffsetDateTime.class, text(Types.TIMESTAMP,
                    v -> DATETIME_MICROS.format(((OffsetDateTime) v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()),
                    Codecs::parseUtc));
        } else {
            m.put(LocalDate.class, objectCodec(LocalDate.class, Types.DATE));
            if (d == Dialect.MYSQL) {
                m.put(LocalTime.class, textIn(LocalTime.class, Types.TIME, v -> TIME_MICROS.format((LocalTime) v)));
                m.put(LocalDateTime.class, textIn(LocalDateTime.class, Types.TIMESTAMP,
                        v -> DATETIME_MICROS.format((LocalDateTime) v)));
            } else {
                m.put(LocalTime.class, objectCodec(LocalTime.class, Types.TIME));
                m.put(LocalDateTime.class, objectCodec(LocalDateTime.class, Types.TIMESTAMP));
            }
            if (d == Dialect.POSTGRESQL) {
                m.put(OffsetDateTime.class, new Simple(Types.TIMESTAMP_WITH_TIMEZONE) {
                    @Override
                    public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
                        ps.setObject(i, ((OffsetDateTime) v).withOffsetSameInstant(ZoneOffset.UTC));
                    }

                    @Override
                    public Object read(ResultSet rs, int i) throws SQLException {
                        OffsetDateTime o = rs.getObject(i, OffsetDateTime.class);
                        return o == null ? null : o.withOffsetSameInstant(ZoneOffset.UTC);
                    }
                });
                m.put(Instant.class, new Simple(Types.TIMESTAMP_WITH_TIMEZONE) {
                    @Override
                    public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
                        ps.setObject(i, ((Instant) v).atOffset(ZoneOffset.UTC));
                    }

                    @Override
                    public Object read(ResultSet rs, int i) throws SQLException {
                        OffsetDateTime o = rs.getObject(i, OffsetDateTime.class);
                        return o == null ? null : o.toInstant();
                    }
                });
            } else {
                m.put(OffsetDateTime.class, new Simple(Types.TIMESTAMP) {
                    @Override
                    public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
                        ps.setString(i, DATETIME_MICROS.format(
                                ((OffsetDateTime) v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()));
                    }

                    @Override
                    public Object read(ResultSet rs, int i) throws SQLException {
                        LocalDateTime l = rs.getObject(i, LocalDateTime.class);
                        return l == null ? null : l.atOffset(ZoneOffset.UTC);
                    }
                });
                m.put(Instant.class, new Simple(Types.TIMESTAMP) {
                    @Override
                    public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
                        ps.setString(i, DATETIME_MICROS.format(LocalDateTime.ofInstant((Instant) v, ZoneOffset.UTC)));
                    }

                    @Override
                    public Object read(ResultSet rs, int i) throws SQLException {
                        LocalDateTime l = rs.getObject(i, LocalDateTime.class);
                        return l == null ? null : l.toInstant(ZoneOffset.UTC);
                    }
                });
            }
        }
        return m;
    }

    private static LocalDateTime parseLocalDateTime(String s) {
        String t = s.replace(' ', 'T');
        return t.length() == 10 ? LocalDate.parse(t).atStartOfDay() : LocalDateTime.parse(t);
    }

    private static OffsetDateTime parseUtc(String s) {
        String t = s.replace(' ', 'T');
        if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
            return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC);
        }
        return parseLocalDateTime(t).atOffset(ZoneOffset.UTC);
    }

    private interface Format {
        String apply(Object v);
    }

    private interface Parse {
        Object apply(String s);
    }

    private static ValueCodec text(int sqlType, Format format, Parse parse) {
        return new Simple(sqlType) {
            @Override
            public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
                ps.setString(i, format.apply(v));
            }

            @Override
            public Object read(ResultSet rs, int i) throws SQLException {
                String s = rs.getString(i);
                return s == null ? null : parse.apply(s);
            }
        };
    }

    /** Binds as text, reads the driver's {@code java.time} value. */
    private static ValueCodec textIn(Class<?> type, int sqlType, Format format) {
        return new Simple(sqlType) {
            @Override
            public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
                ps.setString(i, format.apply(v));
            }

            @Override
            public Object read(ResultSet rs, int i) throws SQLException {
                return rs.getObject(i, type);
            }
        };
    }

    private static ValueCodec objectCodec(Class<?> type, int sqlType) {
        return new Simple(sqlType) {
            @Override
            public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
                ps.setObject(i, v);
            }

            @Override
            public Object read(ResultSet rs, int i) throws SQLException {
                return rs.getObject(i, type);
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ValueCodec enumCodec(Class<?> type) {
        Class<? extends Enum> e = (Class<? extends Enum>) type;
        return new Simple(Types.VARCHAR) {
            @Override
            public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
                ps.setString(i, ((Enum<?>) v).name());
            }

            @Override
            public Object read(ResultSet rs, int i) throws SQLException {
                String s = rs.getString(i);
                if (s == null) {
                    return null;
                }
                try {
                    return Enum.valueOf(e, s);
                } catch (IllegalArgumentException ex) {
                    throw new SQLException("value '" + s + "' is not a constant of " + type.getName(), "22000", ex);
                }
            }
        };
    }

    /**
     * Whether SQLite keeps {@code v} exactly in a column of NUMERIC affinity (every DECIMAL
     * column there): as an INTEGER when it is a whole number that fits 64 bits, else as an
     * 8-byte float, which keeps 15 significant decimal digits.
     */
    public static boolean sqliteStoresExactly(BigDecimal v) {
        BigDecimal stripped = v.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return stripped.precision() - stripped.scale() <= 18 || stripped.toBigInteger().bitLength() < 64;
        }
        return stripped.precision() <= 15;
    }

    /** A decimal codec that reads values with a fixed scale. */
    private static final class Scaled implements ValueCodec {
        private final ValueCodec decimal;
        private final int scale;

        Scaled(ValueCodec decimal, int scale) {
            this.decimal = decimal;
            this.scale = scale;
        }

        @Override
        public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
            decimal.bind(ps, i, v);
        }

        @Override
        public Object read(ResultSet rs, int i) throws SQLException {
            BigDecimal v = (BigDecimal) decimal.read(rs, i);
            // HALF_UP, as PostgreSQL and MySQL round a value with more places into a DECIMAL column
            return v == null ? null : v.setScale(scale, RoundingMode.HALF_UP);
        }

        @Override
        public int sqlType() {
            return decimal.sqlType();
        }
    }

    private abstract static class Simple implements ValueCodec {
        private final int sqlType;

        Simple(int sqlType) {
            this.sqlType = sqlType;
        }

        @Override
        public int sqlType() {
            return sqlType;
        }
    }
}
