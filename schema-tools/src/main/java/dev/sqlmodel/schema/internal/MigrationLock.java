package dev.sqlmodel.schema.internal;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.schema.MigrationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The lock that keeps two runners from applying the same migration. PostgreSQL: a session
 * advisory lock keyed by the schema and history table; MySQL/MariaDB: {@code GET_LOCK} named
 * after the database and history table. Both are held on the runner's one connection for the
 * whole run. SQLite has no named locks: each migration runs in a {@code BEGIN IMMEDIATE}
 * transaction (the database's single write lock), which the runner takes per migration and
 * under which it reads the history again, so there the run-wide lock is a no-op.
 */
public final class MigrationLock {
    private static final Duration MYSQL_WAIT = Duration.ofMinutes(5);

    private final Dialect dialect;
    private final String table;

    /** The lock for history table {@code table} on {@code dialect}. */
    public MigrationLock(Dialect dialect, String table) {
        this.dialect = dialect;
        this.table = table;
    }

    /**
     * Waits for the lock on {@code c}.
     *
     * @throws MigrationException when MySQL's lock was not granted within five minutes
     */
    public void acquire(Connection c) throws SQLException {
        switch (dialect) {
            case POSTGRESQL -> run(c, "SELECT pg_advisory_lock(hashtext(current_schema() || '.' || ?))");
            case MYSQL -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT GET_LOCK(LEFT(CONCAT('sqlmodel:', DATABASE(), '.', ?), 64), ?)")) {
                    ps.setString(1, table);
                    ps.setLong(2, MYSQL_WAIT.toSeconds());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next() || rs.getInt(1) != 1) {
                            throw new MigrationException("another migration run held the lock for more than "
                                    + MYSQL_WAIT.toMinutes() + " minutes");
                        }
                    }
                }
            }
            default -> {
            }
        }
    }

    /** Releases the lock taken by {@link #acquire(Connection)}. */
    public void release(Connection c) throws SQLException {
        switch (dialect) {
            case POSTGRESQL -> run(c, "SELECT pg_advisory_unlock(hashtext(current_schema() || '.' || ?))");
            case MYSQL -> run(c, "SELECT RELEASE_LOCK(LEFT(CONCAT('sqlmodel:', DATABASE(), '.', ?), 64))");
            default -> {
            }
        }
    }

    /**
     * Begins SQLite's write transaction, waiting while another connection writes. The driver's
     * busy timeout may be short (or absent), so a busy database is retried here for up to
     * {@code wait}.
     */
    public static void beginImmediate(Connection c, Duration wait) throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try (Statement st = c.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                return;
            } catch (SQLException e) {
                String m = String.valueOf(e.getMessage());
                if (!(m.contains("SQLITE_BUSY") || m.contains("locked")) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MigrationException("interrupted while waiting for the SQLite write lock", e);
            }
        }
    }

    private void run(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        }
    }

    @Override
    public String toString() {
        return "MigrationLock[" + dialect + " " + table + "]";
    }
}
