package dev.sqlmodel.impl.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Stores an enum constant as its {@link Enum#ordinal()} in an integer column, as Jakarta Persistence
 * does for an entity's enum without {@code @Enumerated(STRING)}. The column then sorts in declaration
 * order. The same on every dialect: the ordinal is bound and read as an {@code int}.
 */
public final class OrdinalCodec implements ValueCodec {
    private final String field;
    private final Class<?> enumType;
    private final Object[] constants;

    /**
     * A codec for the column of {@code field} ({@code Model.field}, named in errors) holding constants of
     * {@code enumType}.
     */
    public OrdinalCodec(String field, Class<?> enumType) {
        this.field = field;
        this.enumType = enumType;
        this.constants = enumType.getEnumConstants();
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        ps.setInt(index, ordinalOf(value));
    }

    @Override
    public Object read(ResultSet rs, int index) throws SQLException {
        int v = rs.getInt(index);
        if (v == 0 && rs.wasNull()) {
            return null;
        }
        if (v < 0 || v >= constants.length) {
            throw new SQLException(field + ": stored value " + v + " is no ordinal of " + enumType.getName()
                    + ", which has " + constants.length + " constants (ordinals 0 to " + (constants.length - 1) + ")",
                    "22000");
        }
        return constants[v];
    }

    @Override
    public int sqlType() {
        return Types.INTEGER;
    }

    /**
     * The ordinal that stands for {@code value} in this column.
     *
     * @throws IllegalArgumentException when {@code value} is not a constant of the column's enum
     */
    public int ordinalOf(Object value) {
        if (value instanceof Enum<?> e && e.getDeclaringClass() == enumType) {
            return e.ordinal();
        }
        throw new IllegalArgumentException(field + ": expected a constant of " + enumType.getName() + ", got "
                + (value == null ? "null" : value.getClass().getName() + " " + value));
    }

    /** The enum whose constants the column holds. */
    public Class<?> enumType() {
        return enumType;
    }

    @Override
    public String toString() {
        return "OrdinalCodec[" + field + "]";
    }
}
