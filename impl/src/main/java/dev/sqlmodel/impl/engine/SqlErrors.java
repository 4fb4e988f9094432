package dev.sqlmodel.impl.engine;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.IntegrityException;
import dev.sqlmodel.PoolExhaustedException;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.TransientDatabaseException;
import dev.sqlmodel.TransientDatabaseException.Reason;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Turns a driver's {@link SQLException} into this library's exceptions.
 *
 * <p>Constraint violations become {@link IntegrityException}: SQLSTATE class {@code 23} on
 * PostgreSQL; on MySQL/MariaDB the vendor code (1062 duplicate key, 1451/1452 foreign key,
 * 1048/1364 NOT NULL, 3819/4025 check) names the kind, since the server reports {@code 23000}
 * for all of them and {@code HY000} for some; on SQLite result code 19
 * ({@code SQLITE_CONSTRAINT}). Where the driver reports no class-23 SQLSTATE (SQLite, MySQL's
 * {@code HY000} cases) the standard one of the violated kind is filled in, so callers can test
 * {@code sqlState().startsWith("23")} on every dialect. A batch failure hides the real error
 * behind {@link SQLException#getNextException()}, so the chain is searched for the most
 * specific one.
 *
 * <p>Failures worth a retry become {@link TransientDatabaseException} (see its javadoc for the
 * list): told apart by SQLSTATE where the drivers agree (class {@code 08}, {@code 40001},
 * {@code 40P01}, {@code 55P03}), by vendor code where MySQL reports a catch-all state
 * ({@code HY000} for 1205, {@code 70100} for 1927), by the JDBC exception type where the driver
 * reports neither ({@link java.sql.SQLRecoverableException},
 * {@link java.sql.SQLTransientConnectionException}), and by result code on SQLite
 * ({@code SQLITE_BUSY}, 5, with its extended codes).
 */
public final class SqlErrors {
    /**
     * The SQL text a failed commit is reported with: {@link TransactionRunner} never retries a
     * lost connection during it, since the transaction may have committed.
     */
    public static final String COMMIT = "COMMIT";

    private static final int SQLITE_CONSTRAINT = 19;
    private static final int SQLITE_BUSY = 5;
    /** The states MySQL reports its transient vendor codes under (used when the dialect is not known yet). */
    private static final java.util.Set<String> MYSQL_STATES = java.util.Set.of("40001", "HY000", "70100", "08S01");

    private SqlErrors() {
    }

    /**
     * The exception to throw for {@code e}, raised while running {@code sql} (null when no
     * statement was involved, e.g. while connecting). Never throws.
     */
    public static SqlModelException translate(SQLException e, String sql, Dialect dialect) {
        if (isPoolTimeout(e)) {
            return new PoolExhaustedException("no connection became free in time: " + e.getMessage(), e);
        }
        SQLException specific = mostSpecific(e);
        String state = specific.getSQLState();
        int code = specific.getErrorCode();
        String message = specific.getMessage();
        if (specific != e && e.getMessage() != null && !e.getMessage().equals(message)) {
            message = message + " (" + e.getMessage() + ")";
        }
        String what = null;
        if (dialect == Dialect.SQLITE && isSqliteConstraint(specific)) {
            String m = specific.getMessage() == null ? "" : specific.getMessage();
            if (m.contains("SQLITE_CONSTRAINT_UNIQUE") || m.contains("SQLITE_CONSTRAINT_PRIMARYKEY")) {
                state = "23505";
            } else if (m.contains("SQLITE_CONSTRAINT_FOREIGNKEY")) {
                state = "23503";
            } else if (m.contains("SQLITE_CONSTRAINT_NOTNULL")) {
                state = "23502";
            } else if (m.contains("SQLITE_CONSTRAINT_CHECK")) {
                state = "23514";
            } else {
                state = "23000";
            }
        } else if (dialect == Dialect.MYSQL) {
            // MySQL reports 23000 for every kind (and HY000 for some): the vendor code tells them apart.
            String mysql = mysqlIntegrityState(code);
            if (mysql != null) {
                what = code == 1451 || code == 1217 ? "row is still referenced by a foreign key" : integrityWhat(mysql);
                state = state != null && state.startsWith("23") ? state : mysql;
            }
        }
        if (state != null && state.startsWith("23")) {
            if (what == null) {
                what = integrityWhat(state);
            }
            return new IntegrityException(what + ": " + message + sqlSuffix(sql), e, sql, state);
        }
        Reason reason = transientReason(e, dialect);
        if (reason != null) {
            return new TransientDatabaseException(transientWhat(reason) + ": " + message + sqlSuffix(sql), e, sql,
                    state, reason);
        }
        return new SqlModelException(generalWhat(state, sql) + ": " + message + sqlSuffix(sql), e, sql, state);
    }

    /**
     * The exception to throw when no connection could be obtained: a
     * {@link PoolExhaustedException} for a pool timeout, else a {@link SqlModelException}
     * saying the database cannot be reached, with the driver's message and SQLSTATE.
     */
    public static SqlModelException connectFailure(SQLException e, Dialect dialect) {
        return connectFailure(e, dialect, null);
    }

    /**
     * As {@link #connectFailure(SQLException, Dialect)}, for a connection to {@code url} (null
     * when not known); the message says in words why, for TLS failures too (see
     * {@link ConnectFailures}).
     */
    public static SqlModelException connectFailure(SQLException e, Dialect dialect, String url) {
        if (isPoolTimeout(e)) {
            return translate(e, null, dialect);
        }
        SQLException specific = mostSpecific(e);
        String message = "cannot connect to the database: " + ConnectFailures.reason(specific, dialect, url);
        // A TLS failure carries a class 08 state too, but trying again changes nothing.
        if (transientReason(e, dialect) == Reason.CONNECTION_LOST && !ConnectFailures.isTls(specific)) {
            return new TransientDatabaseException(message, e, null, specific.getSQLState(), Reason.CONNECTION_LOST);
        }
        return new SqlModelException(message, e, null, specific.getSQLState());
    }

    /**
     * Why {@code e} (or an exception in its chain) is worth a retry, or null when it is not.
     * {@code dialect} may be null (not known yet): then only what every driver agrees on counts.
     */
    public static Reason transientReason(SQLException e, Dialect dialect) {
        int guard = 0;
        for (SQLException x = e; x != null && guard < 100; x = x.getNextException(), guard++) {
            Reason r = transientReasonOf(x, dialect);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private static Reason transientReasonOf(SQLException x, Dialect dialect) {
        String state = x.getSQLState();
        int code = x.getErrorCode();
        // MySQL's vendor code first: Connector/J reports 40001 for a lock wait timeout (1205) as
        // well as for a deadlock (1213).
        if (dialect == Dialect.MYSQL || dialect == null && state != null && MYSQL_STATES.contains(state)) {
            switch (code) {
                case 1213 -> {
                    return Reason.DEADLOCK;
                }
                case 1205 -> {
                    return Reason.LOCK_TIMEOUT;
                }
                // server shutdown in progress; connection killed (MariaDB)
                case 1053, 1927 -> {
                    return Reason.CONNECTION_LOST;
                }
                default -> {
                }
            }
        }
        if (state != null) {
            if (state.startsWith("08")) {
                return Reason.CONNECTION_LOST;
            }
            switch (state) {
                case "40001" -> {
                    return Reason.SERIALIZATION_FAILURE;
                }
                case "40P01" -> {
                    return Reason.DEADLOCK;
                }
                case "55P03" -> {
                    return Reason.LOCK_TIMEOUT;
                }
                // admin_shutdown (pg_terminate_backend, a fast shutdown), crash_shutdown, cannot_connect_now
                case "57P01", "57P02", "57P03" -> {
                    return Reason.CONNECTION_LOST;
                }
                default -> {
                }
            }
        }
        if (dialect == Dialect.SQLITE || dialect == null) {
            String m = x.getMessage();
            if (x.getClass().getName().startsWith("org.sqlite.")
                    && ((code & 0xff) == SQLITE_BUSY || m != null && m.startsWith("[SQLITE_BUSY"))) {
                return Reason.BUSY;
            }
        }
        if (x instanceof java.sql.SQLRecoverableException || x instanceof java.sql.SQLTransientConnectionException) {
            return Reason.CONNECTION_LOST;
        }
        return null;
    }

    private static String transientWhat(Reason reason) {
        return switch (reason) {
            case CONNECTION_LOST -> "connection to the database lost";
            case SERIALIZATION_FAILURE -> "transaction could not be serialized with concurrent ones (worth a retry)";
            case DEADLOCK -> "deadlock: the database rolled back this transaction (worth a retry)";
            case LOCK_TIMEOUT -> "lock not available in time (worth a retry)";
            case BUSY -> "database is locked by another connection (busy timeout ran out; worth a retry)";
        };
    }

    /** Whether {@code e} is a pool's "no connection within the acquisition timeout" failure. */
    public static boolean isPoolTimeout(SQLException e) {
        String m = e.getMessage();
        return m != null && m.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }

    /**
     * Whether {@code e} reports a violated constraint (SQLSTATE class 23, SQLite's
     * {@code SQLITE_CONSTRAINT}, MySQL's integrity error codes): the statement itself is sound
     * and may run again with other values.
     */
    public static boolean isConstraintViolation(SQLException e) {
        int guard = 0;
        for (SQLException x = e; x != null && guard < 100; x = x.getNextException(), guard++) {
            String s = x.getSQLState();
            if (s != null && s.startsWith("23") || isSqliteConstraint(x) || mysqlIntegrityState(x.getErrorCode()) != null
                    && (s == null || s.startsWith("23") || s.equals("HY000"))) {
                return true;
            }
        }
        return false;
    }

    private static SQLException mostSpecific(SQLException e) {
        SQLException withState = null;
        int guard = 0;
        for (SQLException x = e; x != null && guard < 100; x = x.getNextException(), guard++) {
            String s = x.getSQLState();
            if (s != null && s.startsWith("23") || isSqliteConstraint(x)) {
                return x;
            }
            if (withState == null && s != null && !s.isEmpty()) {
                withState = x;
            }
        }
        return withState != null ? withState : e;
    }

    private static boolean isSqliteConstraint(SQLException e) {
        String m = e.getMessage();
        return e.getErrorCode() == SQLITE_CONSTRAINT || m != null && m.startsWith("[SQLITE_CONSTRAINT");
    }

    private static String mysqlIntegrityState(int code) {
        return switch (code) {
            case 1062, 1586 -> "23505";
            case 1451, 1452, 1216, 1217 -> "23503";
            case 1048, 1364 -> "23502";
            case 3819, 4025 -> "23514";
            default -> null;
        };
    }

    private static String integrityWhat(String state) {
        return switch (state) {
            case "23505" -> "unique constraint violated";
            case "23503" -> "foreign key constraint violated";
            case "23502" -> "NOT NULL constraint violated";
            case "23514" -> "check constraint violated";
            default -> "integrity constraint violated";
        };
    }

    private static String generalWhat(String state, String sql) {
        if (state != null && state.startsWith("08")) {
            return "cannot connect to the database";
        }
        if (state != null && state.startsWith("42")) {
            return "SQL error or access rule violation";
        }
        if (state != null && state.startsWith("40")) {
            return "transaction rolled back by the database";
        }
        return sql == null ? "database operation failed" : "statement failed";
    }

    private static String sqlSuffix(String sql) {
        return sql == null ? "" : " [SQL: " + sql + "]";
    }
}
