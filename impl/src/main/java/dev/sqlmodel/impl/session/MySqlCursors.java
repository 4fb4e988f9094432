package dev.sqlmodel.impl.session;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.RuntimeProperty;
import com.mysql.cj.jdbc.JdbcConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A server-side cursor on MySQL Connector/J. The driver reads a result through a cursor
 * ({@code COM_STMT_FETCH}, {@code fetchSize} rows at a time) only for a server-prepared
 * statement on a connection with {@code useCursorFetch}; setting that property in the URL would
 * also make every other statement server-prepared, so it is switched on for the cursor's
 * statement only, and the statement is prepared on the server explicitly. Unlike Connector/J's
 * row-by-row streaming, other statements may run on the connection while the cursor is open
 * (relationship loads, writes of the consumer). Only this class names Connector/J types, so a
 * class path without the driver (another MySQL driver, a container module) never loads them.
 */
final class MySqlCursors {
    private MySqlCursors() {
    }

    /** A statement for {@code sql} whose result is read through a cursor, {@code fetchSize} rows at a time. */
    static Opened prepare(Connection c, String sql, int fetchSize) throws SQLException {
        JdbcConnection mysql = c.unwrap(JdbcConnection.class);
        RuntimeProperty<Boolean> cursorFetch = mysql.getPropertySet().getBooleanProperty(PropertyKey.useCursorFetch);
        boolean before = cursorFetch.getValue();
        cursorFetch.setValue(true);
        try {
            PreparedStatement ps = mysql.serverPrepareStatement(sql);
            ps.setFetchSize(fetchSize);
            return new Opened(ps, before ? () -> { } : () -> cursorFetch.setValue(false));
        } catch (SQLException | RuntimeException e) {
            cursorFetch.setValue(before);
            throw e;
        }
    }

    /** The statement and what puts the connection back as it was once the cursor is closed. */
    record Opened(PreparedStatement statement, Runnable restore) {
    }
}
