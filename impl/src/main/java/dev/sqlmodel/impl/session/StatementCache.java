package dev.sqlmodel.impl.session;

import dev.sqlmodel.impl.engine.ClosedConnections;
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
 * cache needs no locking; only the registry of caches does. A cache is dropped when the library's
 * pool closes its connection ({@link ClosedConnections}); caches of connections closed otherwise
 * are dropped whenever a new connection shows up.
 */
final class StatementCache {
    private static final int PER_CONNECTION = 200;
    private static final Map<Connection, StatementCache> CACHES = new IdentityHashMap<>();
    /**
     * The cache found last: a pool hands a thread the same connection again and again, and its
     * cache is then found without taking the registry's lock.
     */
    private static volatile StatementCache last;

    static {
        ClosedConnections.listen(StatementCache::forget);
    }

    private final Connection physical;
    /** Statements by text, least recently used first; those returning generated keys apart. */
    private final Map<String, PreparedStatement> statements = new Lru();
    private Map<String, PreparedStatement> keyStatements;
    /** The row limits set on kept statements (a statement not here has none). */
    private Map<PreparedStatement, Integer> limits;

    /** An access-ordered map that closes the statement it drops. */
    private final class Lru extends LinkedHashMap<String, PreparedStatement> {
        Lru() {
            super(64, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() > PER_CONNECTION) {
                if (limits != null) {
                    limits.remove(eldest.getValue());
                }
                close(eldest.getValue());
                return true;
            }
            return false;
        }
    }

    private StatementCache(Connection physical) {
        this.physical = physical;
    }

    /** The cache of the driver connection behind {@code handle}. */
    static StatementCache of(Connection handle) throws SQLException {
        Connection physical = handle.unwrap(Connection.class);
        StatementCache l = last;
        if (l != null && l.physical == physical) {
            return l;
        }
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
            last = cache;
            return cache;
        }
    }

    /**
     * Drops the cache of {@code physical}, which its pool has closed: its statements are closed
     * with it, and neither the registry nor the last-found cache keeps it reachable.
     */
    static void forget(Connection physical) {
        synchronized (CACHES) {
            CACHES.remove(physical);
            StatementCache l = last;
            if (l != null && l.physical == physical) {
                last = null;
            }
        }
    }

    /** Whether a cache of {@code physical} is kept. */
    static boolean tracks(Connection physical) {
        synchronized (CACHES) {
            StatementCache l = last;
            return CACHES.containsKey(physical) || l != null && l.physical == physical;
        }
    }

    /** A prepared statement for {@code sql}; the caller must not close it. */
    PreparedStatement prepare(String sql, boolean generatedKeys) throws SQLException {
        Map<String, PreparedStatement> kept = statements;
        if (generatedKeys) {
            if (keyStatements == null) {
                keyStatements = new Lru();
            }
            kept = keyStatements;
        }
        PreparedStatement ps = kept.get(sql);
        if (ps == null || ps.isClosed()) {
            if (ps != null && limits != null) {
                limits.remove(ps);
            }
            ps = generatedKeys ? physical.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
                    : physical.prepareStatement(sql);
            kept.put(sql, ps);
        }
        return ps;
    }

    /** Gives {@code ps}, a statement of this cache, the row limit {@code max} (0 or less: none) unless it has it. */
    void maxRows(PreparedStatement ps, int max) throws SQLException {
        int wanted = Math.max(max, 0);
        Integer current = limits == null ? null : limits.get(ps);
        if ((current == null ? 0 : current) == wanted) {
            return;
        }
        ps.setMaxRows(wanted);
        if (wanted == 0) {
            limits.remove(ps);
        } else {
            if (limits == null) {
                limits = new IdentityHashMap<>();
            }
            limits.put(ps, wanted);
        }
    }

    /** Whether {@code ps} is one of the statements kept here. */
    boolean keeps(PreparedStatement ps) {
        return statements.containsValue(ps) || keyStatements != null && keyStatements.containsValue(ps);
    }

    /**
     * Forgets and closes {@code ps} after its execution failed: a driver may leave such a
     * statement unusable (sqlite-jdbc's "statement is not executing" once the table it read was
     * dropped and created again), so the next use of its SQL prepares a new one.
     */
    void discard(PreparedStatement ps) {
        boolean removed = statements.values().removeIf(kept -> kept == ps);
        if (keyStatements != null) {
            removed |= keyStatements.values().removeIf(kept -> kept == ps);
        }
        if (limits != null) {
            limits.remove(ps);
        }
        if (removed) {
            close(ps);
        }
    }

    private static void close(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException ignored) {
            // the statement is dropped either way
        }
    }
}
