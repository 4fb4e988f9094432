package dev.sqlmodel.impl.faults;

import static dev.sqlmodel.Sql.insert;
import static dev.sqlmodel.Sql.select;
import static dev.sqlmodel.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Engine;
import dev.sqlmodel.Expr;
import dev.sqlmodel.IntegrityException;
import dev.sqlmodel.IsolationLevel;
import dev.sqlmodel.LockOption;
import dev.sqlmodel.Session;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.TransientDatabaseException;
import dev.sqlmodel.TransientDatabaseException.Reason;
import dev.sqlmodel.impl.model.Account;
import dev.sqlmodel.impl.model.Account_;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real conflicts between transactions (serialization failures, deadlocks, lock timeouts, SQLite
 * busy, killed connections) surface as {@link TransientDatabaseException} with the right
 * {@link Reason}, and {@link Engine#transaction(Function)} runs the work again until it succeeds,
 * while any other failure propagates at once.
 */
class TransientFailuresTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Account.class};
    }

    /** Two accounts, alice (100) and bob (100), in fresh tables; returns their ids. */
    private long[] twoAccounts(Db db) {
        Engine engine = fresh(db);
        return engine.transaction(s -> {
            Account a = s.add(new Account("alice", 100));
            Account b = s.add(new Account("bob", 100));
            s.flush();
            return new long[] {a.id, b.id};
        });
    }

    private long balance(Db db, long id) {
        try (Session s = engine(db).session()) {
            return s.get(Account.class, id).orElseThrow().balance;
        }
    }

    private static long addTo(Session s, long id, long amount) {
        return s.execute(update(Account.class).set(Account_.balance, Account_.balance.plus(amount))
                .where(Account_.id.eq(id)));
    }

    /** Makes a PostgreSQL transaction look for deadlocks after 100 ms instead of a second. */
    private static void quickDeadlockCheck(Db db, Session s) {
        if (db == Db.POSTGRESQL) {
            try (Statement st = s.connection().createStatement()) {
                st.execute("SET LOCAL deadlock_timeout = '100ms'");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // ---- serialization failures (PostgreSQL) ------------------------------------------------

    @Test
    void writeSkewBetweenTwoSerializableTransactionsIsASerializationFailure() {
        Db db = Db.POSTGRESQL;
        long[] ids = twoAccounts(db);
        // Each transaction checks that the two balances together stay above 150 before taking
        // 100 from "its" account: each alone is fine, both together are not serializable.
        try (Session first = engine(db).session(); Session second = engine(db).session()) {
            first.begin(IsolationLevel.SERIALIZABLE);
            second.begin(IsolationLevel.SERIALIZABLE);
            long total1 = first.exec(select(Expr.sum(Account_.balance)).from(Account.class)).one();
            long total2 = second.exec(select(Expr.sum(Account_.balance)).from(Account.class)).one();
            assertEquals(200, total1);
            assertEquals(200, total2);
            first.get(Account.class, ids[0]).orElseThrow().balance -= 100;
            second.get(Account.class, ids[1]).orElseThrow().balance -= 100;
            first.commit();
            TransientDatabaseException e = assertThrows(TransientDatabaseException.class, second::commit);
            assertEquals(Reason.SERIALIZATION_FAILURE, e.reason());
            assertEquals("40001", e.sqlState());
            assertTrue(e.getMessage().contains("worth a retry"), e.getMessage());
        }
        assertEquals(0, balance(db, ids[0]));
        assertEquals(100, balance(db, ids[1]), "the failed transaction wrote nothing");
    }

    @Test
    void engineTransactionRetriesASerializationFailureAndSucceeds() {
        Db db = Db.POSTGRESQL;
        long[] ids = twoAccounts(db);
        Engine engine = engine(db);
        AtomicInteger attempts = new AtomicInteger();
        long seen = engine.transaction(IsolationLevel.SERIALIZABLE, s -> {
            Account alice = s.get(Account.class, ids[0]).orElseThrow(); // the snapshot is taken here
            if (attempts.incrementAndGet() == 1) {
                // A concurrent transaction changes the row after this one has read it.
                try (Session other = engine.session()) {
                    other.get(Account.class, ids[0]).orElseThrow().balance += 1000;
                    other.commit();
                }
            }
            alice.balance += 10;
            return alice.balance;
        });
        assertEquals(2, attempts.get(), "the first attempt hit the conflict, the second succeeded");
        assertEquals(1110, seen);
        assertEquals(1110, balance(db, ids[0]), "both the concurrent change and the retried one are there");
    }

    // ---- deadlocks (PostgreSQL, MariaDB) ------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Db.class, names = {"POSTGRESQL", "MARIADB"})
    void rowsLockedInOppositeOrderDeadlockAndOneSideGetsATransientException(Db db) throws Exception {
        long[] ids = twoAccounts(db);
        CyclicBarrier bothHoldOneRow = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> outcomes = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                long firstRow = ids[t];
                long secondRow = ids[1 - t];
                outcomes.add(pool.submit(() -> {
                    try (Session s = engine(db).session()) {
                        s.begin();
                        quickDeadlockCheck(db, s);
                        addTo(s, firstRow, 1);
                        bothHoldOneRow.await(10, TimeUnit.SECONDS);
                        addTo(s, secondRow, 1);
                        s.commit();
                        return "committed";
                    } catch (TransientDatabaseException e) {
                        return e;
                    }
                }));
            }
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : outcomes) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, results.stream().filter("committed"::equals).count(), results.toString());
            TransientDatabaseException victim = (TransientDatabaseException) results.stream()
                    .filter(r -> r instanceof TransientDatabaseException).findFirst().orElseThrow();
            assertEquals(Reason.DEADLOCK, victim.reason());
            if (db == Db.POSTGRESQL) {
                assertEquals("40P01", victim.sqlState());
            } else {
                assertEquals(1213, victim.vendorCode());
            }
            assertNotNull(victim.sql());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(101, balance(db, ids[0]), "only the surviving transaction's changes are there");
        assertEquals(101, balance(db, ids[1]));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Db.class, names = {"POSTGRESQL", "MARIADB"})
    void engineTransactionRetriesTheDeadlockVictimAndBothSucceed(Db db) throws Exception {
        long[] ids = twoAccounts(db);
        Engine engine = engine(db);
        CyclicBarrier bothHoldOneRow = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> outcomes = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                long firstRow = ids[t];
                long secondRow = ids[1 - t];
                outcomes.add(pool.submit(() -> engine.transaction(s -> {
                    boolean first = attempts.incrementAndGet() <= 2;
                    quickDeadlockCheck(db, s);
                    addTo(s, firstRow, 1);
                    if (first) {
                        try {
                            bothHoldOneRow.await(10, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException("the other transaction never came", e);
                        }
                    }
                    return addTo(s, secondRow, 1);
                })));
            }
            for (Future<Long> f : outcomes) {
                assertEquals(1L, f.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, attempts.get(), "two first attempts, one of them the deadlock victim, and one retry");
        assertEquals(102, balance(db, ids[0]), "both transactions are committed, each once");
        assertEquals(102, balance(db, ids[1]));
    }

    // ---- lock timeouts (PostgreSQL, MariaDB) --------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Db.class, names = {"POSTGRESQL", "MARIADB"})
    void aRowLockedElsewhereIsALockTimeoutAndRetriesRunOut(Db db) {
        long[] ids = twoAccounts(db);
        Engine engine = otherEngine(db, u -> u, b -> b.retries(2));
        try (Session holder = engine(db).session()) {
            holder.exec(select(Account.class).where(Account_.id.eq(ids[0])).forUpdate()).one();
            AtomicInteger attempts = new AtomicInteger();
            TransientDatabaseException e = assertThrows(TransientDatabaseException.class, () -> engine.transaction(s -> {
                attempts.incrementAndGet();
                return s.exec(select(Account.class).where(Account_.id.eq(ids[0])).forUpdate(LockOption.NOWAIT)).one();
            }));
            assertEquals(Reason.LOCK_TIMEOUT, e.reason(), e.vendorCode() + " " + e.getMessage());
            if (db == Db.POSTGRESQL) {
                assertEquals("55P03", e.sqlState());
            } else {
                assertEquals(1205, e.vendorCode());
            }
            assertEquals(3, attempts.get(), "one attempt and two retries");
            assertEquals(2, e.getSuppressed().length, "the earlier attempts' failures are attached");
            for (Throwable earlier : e.getSuppressed()) {
                assertInstanceOf(TransientDatabaseException.class, earlier);
            }
        }
    }

    // ---- SQLite busy ----------------------------------------------------------------------------

    @Test
    void sqliteWriterWaitingPastTheBusyTimeoutIsBusy() {
        Db db = Db.SQLITE;
        fresh(db);
        Engine quick = otherEngine(db, u -> u + "?busy_timeout=100", b -> b.retries(1));
        try (Session writer = quick.session()) {
            writer.add(new Account("carol", 5));
            writer.flush(); // holds SQLite's write lock until commit
            AtomicInteger attempts = new AtomicInteger();
            TransientDatabaseException e = assertThrows(TransientDatabaseException.class, () -> quick.transaction(s -> {
                attempts.incrementAndGet();
                return s.add(new Account("dave", 6));
            }));
            assertEquals(Reason.BUSY, e.reason());
            assertEquals(0, attempts.get(), "begin() itself waited for the write lock, twice");
            assertEquals(1, e.getSuppressed().length, "the first attempt's failure is attached");
            writer.commit();
            // With the lock free, the same work goes through.
            Account dave = quick.transaction(s -> s.add(new Account("dave", 6)));
            assertNotNull(dave.id);
        }
    }

    // ---- lost connections (PostgreSQL, MariaDB) -----------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Db.class, names = {"POSTGRESQL", "MARIADB"})
    void aConnectionKilledMidTransactionIsLostAndTheRetryRunsOnANewOne(Db db) throws SQLException {
        long[] ids = twoAccounts(db);
        Engine engine = engine(db);
        AtomicInteger attempts = new AtomicInteger();
        List<Reason> failures = new ArrayList<>();
        long balance = engine.transaction(s -> {
            addTo(s, ids[0], 5);
            if (attempts.incrementAndGet() == 1) {
                kill(db, s.connection());
                try {
                    addTo(s, ids[1], 5);
                } catch (TransientDatabaseException e) {
                    failures.add(e.reason());
                    throw e;
                }
            }
            return s.get(Account.class, ids[0]).orElseThrow().balance;
        });
        assertEquals(List.of(Reason.CONNECTION_LOST), failures);
        assertEquals(2, attempts.get());
        assertEquals(105, balance);
        assertEquals(105, balance(db, ids[0]));
        assertEquals(100, balance(db, ids[1]), "the killed attempt's changes were rolled back");
    }

    /** Kills the server side of {@code victim} from a second connection, as an administrator would. */
    private static void kill(Db db, Connection victim) {
        try (Statement st = victim.createStatement();
                ResultSet rs = st.executeQuery(db == Db.POSTGRESQL ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()")) {
            rs.next();
            long id = rs.getLong(1);
            String url = db == Db.POSTGRESQL ? "jdbc:postgresql://127.0.0.1:5432/test" : "jdbc:mysql://127.0.0.1:3306/";
            try (Connection admin = DriverManager.getConnection(url, db.user(), "");
                    Statement kill = admin.createStatement()) {
                kill.execute(db == Db.POSTGRESQL ? "SELECT pg_terminate_backend(" + id + ")" : "KILL " + id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- what is not retried --------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(Db.class)
    void otherFailuresPropagateAtOnceAndRollBack(Db db) {
        long[] ids = twoAccounts(db);
        Engine engine = engine(db);
        AtomicInteger attempts = new AtomicInteger();
        IntegrityException dup = assertThrows(IntegrityException.class, () -> engine.transaction(s -> {
            attempts.incrementAndGet();
            addTo(s, ids[0], 7);
            Account clash = new Account("mallory", 1);
            clash.id = ids[1];
            return s.execute(insert(Account.class).values(clash));
        }));
        assertFalse(((SqlModelException) dup) instanceof TransientDatabaseException);
        assertEquals(1, attempts.get());
        IllegalStateException own = new IllegalStateException("the application's own failure");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> engine.transaction(s -> {
            attempts.incrementAndGet();
            addTo(s, ids[0], 7);
            throw own;
        }));
        assertSame(own, thrown);
        assertEquals(2, attempts.get());
        assertEquals(100, balance(db, ids[0]), "neither failed transaction wrote anything");
        assertEquals(0, engine.stats().active(), "every session of engine.transaction was closed");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Db.class)
    void engineTransactionCommitsAndReturnsTheResult(Db db) {
        long[] ids = twoAccounts(db);
        Engine engine = engine(db);
        Account moved = engine.transaction(s -> {
            Account alice = s.get(Account.class, ids[0]).orElseThrow();
            Account bob = s.get(Account.class, ids[1]).orElseThrow();
            alice.balance -= 30;
            bob.balance += 30;
            return bob;
        });
        assertEquals(130, moved.balance);
        assertEquals(70, balance(db, ids[0]));
        assertEquals(130, balance(db, ids[1]));
        assertThrows(NullPointerException.class, () -> engine.transaction(null));
        assertThrows(IllegalArgumentException.class, () -> Engine.builder().retries(-1));
    }

    @Test
    void aTransientExceptionIsASqlModelException() {
        TransientDatabaseException e = new TransientDatabaseException("m", null, "SELECT 1", "40001",
                Reason.SERIALIZATION_FAILURE);
        assertInstanceOf(SqlModelException.class, e);
        assertEquals("SELECT 1", e.sql());
        assertThrows(NullPointerException.class, () -> new TransientDatabaseException("m", null, null, null, null));
    }
}
