package dev.sqlmodel.impl.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Binds and reads one Java type on one dialect. Codecs are stateless singletons chosen once
 * per column, so the per-row path is a virtual call and a typed JDBC getter.
 */
public interface ValueCodec {

    /** Binds a non-null value. */
    void bind(PreparedStatement ps, int index, Object value) throws SQLException;

    /** Reads the column at {@code index}; null for SQL NULL. */
    Object read(ResultSet rs, int index) throws SQLException;

    /** The {@link java.sql.Types} code used to bind NULL. */
    int sqlType();

    /** Binds {@code value}, NULL included. */
    default void bindNullable(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, sqlType());
        } else {
            bind(ps, index, value);
        }
    }
}
