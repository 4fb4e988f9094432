package dev.sqlmodel.impl.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepared statements kept per physical connection, so that a statement shape is prepared once
 * per connection instead of once per use: sqlite-jdbc has no statement cache of its own, and
 * pgjdbc moves to a server-side prepared statement only for a statement object that is used
 * again. Statements are prepared on the driver's connection behind the pool's handle, which the
 * pool would otherwise close at every checkout. A connection serves one session at a time, so a
 * cache needs no locking; only the registry of caches does. Caches of connections the pool has
 * closed are dropped whenever a new connection shows up.
 */
final class StatementCache {
    private static final int PER_CONNECTION = 200;
    private static final Map<Connection, StatementCache> CACHES = new IdentityHashMap<>();

    private record Shape(String sql, boolean generatedKeys) {
    }

    private final Connection physical;
    private final Map<Shape, PreparedStatement> statements = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Shape, PreparedStatement> eldest) {
            if (size() > PER_CONNECTION) {
                close(eldest.getValue());
                return true;
            }
            return false;
        }
    };

    private StatementCache(Connection physical) {
        this.physical = physical;
    }

    /** The cache of the driver connection behind {@code handle}. */
    static StatementCache of(Connection handle) throws SQLException {
        Connection physical = handle.unwrap(Connection.class);
        synchronized (CACHES) {
            StatementCache cache = CACHES.get(physical);
            if (cache == null) {
                List<Connection> gone = new ArrayList<>();
                for (Connection c : CACHES.keySet()) {
                    if (c.isClosed()) {
                        gone.add(c);
                    }
                }
                CACHES.keySet().removeAll(gone);
                cache = new StatementCache(physical);
                CACHES.put(physical, cache);
            }
            return cache;
        }
    }

    /** A prepared statement for {@code sql}; the caller must not close it. */
    PreparedStatement prepare(String sql, boolean generatedKeys) throws SQLException {
        Shape shape = new Shape(sql, generatedKeys);
        PreparedStatement ps = statements.get(shape);
        if (ps == null || ps.isClosed()) {
            ps = generatedKeys ? physical.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
                    : physical.prepareStatement(sql);
            statements.put(shape, ps);
        }
        return ps;
    }

    private static void close(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException ignored) {
            // the statement is dropped either way
        }
    }
}
