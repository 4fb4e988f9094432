package dev.sqlmodel.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.IntegrityException;
import dev.sqlmodel.PoolExhaustedException;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.TransientDatabaseException;
import dev.sqlmodel.TransientDatabaseException.Reason;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import org.junit.jupiter.api.Test;

/**
 * The classification of driver errors, for the codes that the database tests cannot provoke on
 * demand (a server shutting down or starting up, MariaDB's killed-connection code, SQLite's
 * extended busy codes). The codes and states are those the drivers report; the failures the
 * servers can be made to produce are covered by {@code TransientFailuresTest} on the real
 * databases.
 */
class SqlErrorsTest {

    private static Reason reason(String state, int code, Dialect dialect) {
        return SqlErrors.transientReason(new SQLException("x", state, code), dialect);
    }

    @Test
    void postgresqlStatesThatAreWorthARetry() {
        assertEquals(Reason.CONNECTION_LOST, reason("57P01", 0, Dialect.POSTGRESQL)); // admin shutdown / terminated
        assertEquals(Reason.CONNECTION_LOST, reason("57P02", 0, Dialect.POSTGRESQL)); // crash shutdown
        assertEquals(Reason.CONNECTION_LOST, reason("57P03", 0, Dialect.POSTGRESQL)); // starting up
        assertEquals(Reason.CONNECTION_LOST, reason("08006", 0, Dialect.POSTGRESQL));
        assertEquals(Reason.SERIALIZATION_FAILURE, reason("40001", 0, Dialect.POSTGRESQL));
        assertEquals(Reason.DEADLOCK, reason("40P01", 0, Dialect.POSTGRESQL));
        assertEquals(Reason.LOCK_TIMEOUT, reason("55P03", 0, Dialect.POSTGRESQL));
        assertNull(reason("57014", 0, Dialect.POSTGRESQL), "a cancelled statement (statement_timeout) is not retried");
        assertNull(reason("25P02", 0, Dialect.POSTGRESQL), "an aborted transaction is the consequence, not the cause");
        assertNull(reason("28P01", 0, Dialect.POSTGRESQL), "a wrong password stays wrong");
    }

    @Test
    void mysqlVendorCodesComeBeforeItsCatchAllStates() {
        assertEquals(Reason.DEADLOCK, reason("40001", 1213, Dialect.MYSQL));
        assertEquals(Reason.LOCK_TIMEOUT, reason("40001", 1205, Dialect.MYSQL));
        assertEquals(Reason.LOCK_TIMEOUT, reason("HY000", 1205, Dialect.MYSQL));
        assertEquals(Reason.CONNECTION_LOST, reason("08S01", 1053, Dialect.MYSQL));
        assertEquals(Reason.CONNECTION_LOST, reason("70100", 1927, Dialect.MYSQL));
        assertEquals(Reason.CONNECTION_LOST, reason("08S01", 0, Dialect.MYSQL));
        assertNull(reason("70100", 1317, Dialect.MYSQL), "an interrupted query (KILL QUERY) is not retried");
        assertNull(reason("28000", 1045, Dialect.MYSQL));
        // Before the dialect is known, MySQL's codes count under its own states only.
        assertEquals(Reason.DEADLOCK, reason("40001", 1213, null));
        assertNull(reason("42000", 1205, null));
    }

    @Test
    void sqliteBusyCountsWithItsExtendedCodesAndOnlyFromTheSqliteDriver() {
        assertEquals(Reason.BUSY, SqlErrors.transientReason(
                new org.sqlite.SQLiteException("[SQLITE_BUSY] The database file is locked", org.sqlite.SQLiteErrorCode.SQLITE_BUSY),
                Dialect.SQLITE));
        assertEquals(Reason.BUSY, SqlErrors.transientReason(new org.sqlite.SQLiteException(
                "[SQLITE_BUSY_SNAPSHOT] snapshot", org.sqlite.SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT), Dialect.SQLITE));
        assertNull(SqlErrors.transientReason(new SQLException("x", null, 5), Dialect.SQLITE),
                "code 5 from another driver is not SQLITE_BUSY");
        assertNull(SqlErrors.transientReason(new org.sqlite.SQLiteException("[SQLITE_CONSTRAINT] x",
                org.sqlite.SQLiteErrorCode.SQLITE_CONSTRAINT), Dialect.SQLITE));
    }

    @Test
    void recoverableExceptionsWithoutAStateAreLostConnections() {
        assertEquals(Reason.CONNECTION_LOST,
                SqlErrors.transientReason(new SQLRecoverableException("socket closed"), Dialect.POSTGRESQL));
    }

    @Test
    void aBatchHidesTheCauseBehindItsNextException() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", "HY000", 0, new int[0]);
        batch.setNextException(new SQLException("deadlock detected", "40P01"));
        SqlModelException e = SqlErrors.translate(batch, "UPDATE t SET x = 1", Dialect.POSTGRESQL);
        TransientDatabaseException t = assertInstanceOf(TransientDatabaseException.class, e);
        assertEquals(Reason.DEADLOCK, t.reason());
        assertEquals("UPDATE t SET x = 1", t.sql());
        assertTrue(t.getMessage().contains("deadlock"), t.getMessage());
    }

    @Test
    void integrityAndPoolTimeoutsAreNotTransient() {
        SqlModelException dup = SqlErrors.translate(new SQLException("duplicate", "23505"), "INSERT", Dialect.POSTGRESQL);
        assertInstanceOf(IntegrityException.class, dup);
        assertFalse(((Object) dup) instanceof TransientDatabaseException);
        SqlModelException pool = SqlErrors.translate(new SQLException("Acquisition timeout while waiting for new connection"),
                null, Dialect.POSTGRESQL);
        assertInstanceOf(PoolExhaustedException.class, pool);
        assertFalse(((Object) pool) instanceof TransientDatabaseException);
    }

    @Test
    void aFailedConnectionAttemptIsTransientOnlyForConnectionStates() {
        assertInstanceOf(TransientDatabaseException.class,
                SqlErrors.connectFailure(new SQLException("Connection refused", "08001"), Dialect.POSTGRESQL));
        SqlModelException auth = SqlErrors.connectFailure(new SQLException("password authentication failed", "28P01"),
                Dialect.POSTGRESQL);
        assertFalse(((Object) auth) instanceof TransientDatabaseException);
        assertTrue(auth.getMessage().startsWith("cannot connect to the database"), auth.getMessage());
    }
}
