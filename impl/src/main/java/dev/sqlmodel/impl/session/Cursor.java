package dev.sqlmodel.impl.session;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.impl.engine.EngineImpl;
import dev.sqlmodel.impl.sql.Compiled;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An open result read through a database cursor, so that a result of any size takes bounded
 * memory. Each database needs its own way:
 *
 * <ul>
 * <li>PostgreSQL (pgjdbc) reads a whole result into memory unless a fetch size is set <em>and</em>
 * auto-commit is off: on a connection in auto-commit mode the cursor begins a transaction of
 * its own and ends it (auto-commit back on) when it closes.</li>
 * <li>MySQL/MariaDB (Connector/J) reads it whole unless told otherwise. On a connection of the
 * cursor's own it uses the driver's row-by-row streaming, which forbids other statements on the
 * connection until the cursor closes (none run there) and costs the server nothing; on a shared
 * connection, where the session may run other statements meanwhile, a server-side cursor
 * ({@link MySqlCursors}; the server materializes the result in a temporary table first), falling
 * back to streaming where that is unavailable.</li>
 * <li>SQLite steps through the result by itself.</li>
 * </ul>
 *
 * <p>A cursor given no connection takes its own from the engine and gives it back when it
 * closes; closing is idempotent and never throws.
 */
final class Cursor implements AutoCloseable {
    /** Rows per round trip. */
    static final int FETCH_SIZE = 512;

    private final EngineImpl engine;
    private final Connection conn;
    private final boolean owned;
    private final boolean begun;
    private final PreparedStatement ps;
    private final Runnable restore;
    private final String sql;
    private ResultSet rs;
    private boolean closed;

    private Cursor(EngineImpl engine, Connection conn, boolean owned, boolean begun, PreparedStatement ps,
            Runnable restore, String sql) {
        this.engine = engine;
        this.conn = conn;
        this.owned = owned;
        this.begun = begun;
        this.ps = ps;
        this.restore = restore;
        this.sql = sql;
    }

    /**
     * Opens a cursor for {@code compiled} on {@code shared}, or on a connection of its own when
     * {@code shared} is null, and runs the query.
     *
     * @throws dev.sqlmodel.SqlModelException when the query fails (nothing is left open)
     */
    static Cursor open(EngineImpl engine, Executor exec, Connection shared, Compiled compiled) {
        Connection c = shared != null ? shared : engine.acquire();
        boolean owned = shared == null;
        boolean begun = false;
        PreparedStatement ps = null;
        Runnable restore = () -> { };
        long start = exec.clock();
        try {
            Dialect kind = engine.dialect();
            if (kind == Dialect.POSTGRESQL && c.getAutoCommit()) {
                c.setAutoCommit(false);
                begun = true;
            }
            if (kind == Dialect.MYSQL && owned) {
                // Nothing else runs on a connection of the cursor's own: the driver's row-by-row
                // streaming, which (unlike a server cursor) does not first copy the result into a
                // temporary table on the server.
                ps = streaming(c, compiled.sql());
            } else if (kind == Dialect.MYSQL) {
                MySqlCursors.Opened opened = mysqlCursor(c, compiled.sql());
                ps = opened.statement();
                restore = opened.restore();
            } else {
                ps = c.prepareStatement(compiled.sql());
                ps.setFetchSize(FETCH_SIZE);
            }
            exec.bind(ps, compiled.params(), compiled.paramTypes());
            Cursor cursor = new Cursor(engine, c, owned, begun, ps, restore, compiled.sql());
            cursor.rs = ps.executeQuery();
            exec.logged(compiled.sql(), compiled.params(), start);
            return cursor;
        } catch (SQLException e) {
            new Cursor(engine, c, owned, begun, ps, restore, compiled.sql()).close();
            throw engine.translate(e, compiled.sql());
        } catch (RuntimeException | Error e) {
            new Cursor(engine, c, owned, begun, ps, restore, compiled.sql()).close();
            throw e;
        }
    }

    private static MySqlCursors.Opened mysqlCursor(Connection c, String sql) throws SQLException {
        try {
            return MySqlCursors.prepare(c, sql, FETCH_SIZE);
        } catch (LinkageError | SQLException e) {
            // Not Connector/J, or a wrapper that hides it: the driver's row-by-row streaming.
            return new MySqlCursors.Opened(streaming(c, sql), () -> { });
        }
    }

    /** Connector/J's row-by-row streaming: no other statement may run on {@code c} until the result is closed. */
    private static PreparedStatement streaming(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(Integer.MIN_VALUE);
        return ps;
    }

    /** The result set, positioned before its next row. */
    ResultSet rows() {
        return rs;
    }

    /** The statement text, for error messages. */
    String sql() {
        return sql;
    }

    /**
     * The connection of a cursor that owns it and lets other statements run on it while it is
     * open (every database but MySQL's row-by-row streaming), else null: relationship loads of a
     * streamed chunk may run there instead of taking another connection from the pool.
     */
    Connection ownConnectionForReads() {
        return owned && !(engine.dialect() == Dialect.MYSQL) && !closed ? conn : null;
    }

    /** Whether the connection was taken for this cursor (and is given back when it closes). */
    boolean ownsConnection() {
        return owned;
    }

    boolean isClosed() {
        return closed;
    }

    /** Closes the result, the statement, ends the cursor's own transaction and gives back its own connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (rs != null) {
                rs.close();
            }
        } catch (SQLException ignored) {
            // closing the statement below releases it anyway
        }
        try {
            if (ps != null) {
                ps.close();
            }
        } catch (SQLException ignored) {
            // the connection is given back or reset below
        }
        try {
            restore.run();
        } catch (RuntimeException ignored) {
            // a property of a connection that is going away
        }
        try {
            if (begun) {
                conn.setAutoCommit(true); // ends the transaction the cursor began (it only read)
            }
        } catch (SQLException ignored) {
            // the pool resets a connection it cannot use
        } finally {
            if (owned) {
                engine.release(conn);
            }
        }
    }

    @Override
    public String toString() {
        return "Cursor[" + sql + (closed ? ", closed" : "") + (owned ? ", own connection" : "") + "]";
    }
}
