package dev.sqlmodel.it;

import static dev.sqlmodel.Sql.delete;
import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sqlmodel.Database;
import dev.sqlmodel.Dialect;
import dev.sqlmodel.Engine;
import dev.sqlmodel.IntegrityException;
import dev.sqlmodel.LockOption;
import dev.sqlmodel.PoolStats;
import dev.sqlmodel.Session;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.TransientDatabaseException;
import dev.sqlmodel.cdi.SqlModelExtension;
import dev.sqlmodel.it.app.BulkService;
import dev.sqlmodel.it.app.CreatedHeroes;
import dev.sqlmodel.it.app.HeroService;
import dev.sqlmodel.it.app.ReportService;
import dev.sqlmodel.it.model.Hero;
import dev.sqlmodel.it.model.Report;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CDI + JTA behaviour, the same on every database: each subclass deploys the application
 * against its own database and schema.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class JtaScenarios {
    @Inject HeroService heroes;
    @Inject BulkService bulk;
    @Inject ReportService reports;
    @Inject CreatedHeroes createdHeroes;
    @Inject Session session;
    @Inject Engine engine;
    @Inject @Database("reports") Engine reportsEngine;
    @Inject TransactionManager transactions;
    @Inject BeanManager beans;

    /** Creates the tables and empties them; each test calls it first (Arquillian runs no lifecycle methods in the container here). */
    private void emptyTables() {
        engine.createAll();
        reportsEngine.createAll();
        try (Session s = engine.session()) {
            s.execute(delete(Hero.class));
            s.commit();
        }
        try (Session s = reportsEngine.session()) {
            s.execute(delete(Report.class));
            s.commit();
        }
        createdHeroes.clear();
    }

    private List<String> names() {
        try (Session s = engine.session()) {
            return s.exec(select(Hero.class).orderBy(dev.sqlmodel.Expr.col("name").asc())).all().stream()
                    .map(h -> h.name).toList();
        }
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
            for (Throwable s : c.getSuppressed()) {
                if (causedBy(s, type)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void theExtensionKindOfThisRunRegisteredTheBeans() {
        boolean portable;
        try {
            beans.getExtension(SqlModelExtension.class);
            portable = true;
        } catch (IllegalArgumentException e) {
            portable = false;
        }
        assertEquals(!"lite".equals(TestDatabase.mode()), portable);
    }

    @Test
    void modelsOfAnAnnotatedArchiveAreFoundThroughTheIndex() {
        emptyTables();
        List<Class<?>> models = engine.models().stream().<Class<?>>map(m -> m.type()).toList();
        assertTrue(models.contains(Hero.class), models.toString());
        assertTrue(models.contains(Report.class), models.toString());
    }

    @Test
    void transactionalMethodCommitsOnSuccess() {
        emptyTables();
        heroes.create("Deadpond", "Rusty-Man");
        assertEquals(List.of("Deadpond", "Rusty-Man"), names());
    }

    @Test
    void transactionalObserversHearOfTheCommitOnly() {
        emptyTables();
        heroes.create("Spider-Boy");
        assertEquals(List.of("Spider-Boy"), createdHeroes.names());
        assertThrows(RuntimeException.class, () -> heroes.createThenFail("Tarantula"));
        assertEquals(List.of("Spider-Boy"), createdHeroes.names());
    }

    @Test
    void runtimeExceptionRollsBackWithNothingWritten() {
        emptyTables();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> heroes.createThenFail("Black Lion"));
        assertTrue(e.getMessage().contains("Black Lion"));
        assertEquals(List.of(), names());
        assertEquals(0, session.exec(select(Hero.class)).all().size()); // and the session forgot the hero
        session.close(); // ends the local transaction the query above began
    }

    @Test
    void savepointsRollBackInsideTheJtaTransaction() {
        emptyTables();
        heroes.keepFirstUndoSecond("Keep", "Undo", "UndoToo");
        assertEquals(List.of("Keep"), names());
    }

    @Test
    void commitRollbackAndBeginAreRefusedUnderJta() {
        emptyTables();
        assertThrows(IllegalStateException.class, () -> heroes.commitInside());
        assertThrows(IllegalStateException.class, () -> heroes.beginInside());
        assertThrows(IllegalStateException.class, () -> heroes.rollbackInside());
        assertEquals(List.of(), names());
    }

    @Test
    void validationFailureAtFlushRollsTheTransactionBack() {
        emptyTables();
        Exception e = assertThrows(Exception.class, () -> heroes.createWithAge("Minus", -1));
        assertTrue(causedBy(e, ConstraintViolationException.class), () -> "not a validation failure: " + e);
        assertEquals(List.of(), names());
    }

    @Test
    void constraintValidatorsGetBeansInjected() {
        emptyTables();
        Exception e = assertThrows(Exception.class, () -> heroes.createWithAge("Voldemort", 70));
        assertTrue(causedBy(e, ConstraintViolationException.class), () -> "not a validation failure: " + e);
        heroes.createWithAge("Harry", 17);
        assertEquals(List.of("Harry"), names());
    }

    @Test
    void uniqueViolationAtFlushRollsTheTransactionBack() {
        emptyTables();
        heroes.create("Twin");
        Exception e = assertThrows(Exception.class, () -> heroes.create("Other", "Twin"));
        assertTrue(causedBy(e, IntegrityException.class), () -> "not an integrity failure: " + e);
        assertEquals(List.of("Twin"), names());
    }

    @Test
    void timeoutRollsBackAndTheSessionIsUsableAfterwards() throws Exception {
        emptyTables();
        transactions.setTransactionTimeout(1);
        try {
            transactions.begin();
            Hero slowpoke = session.add(new Hero("Slowpoke", 99));
            session.flush();
            Thread.sleep(2_000);
            assertThrows(RollbackException.class, () -> transactions.commit());
            assertFalse(session.contains(slowpoke)); // forgotten when the reaper rolled back
        } finally {
            transactions.setTransactionTimeout(0);
        }
        heroes.create("Quick");
        assertEquals(List.of("Quick"), names());
    }

    @Test
    void twoRequestsGetTwoSessionsClosedAtTheirEnd() throws Exception {
        emptyTables();
        Session first = CompletableFuture.supplyAsync(heroes::sessionOfNewRequest).get();
        Session second = CompletableFuture.supplyAsync(heroes::sessionOfNewRequest).get();
        assertNotSame(first, second);
        assertThrows(IllegalStateException.class, () -> first.add(new Hero("Late", 1)));
        assertThrows(IllegalStateException.class, () -> second.add(new Hero("Late", 1)));
    }

    @Test
    void twoDatabasesInOneApplication() {
        emptyTables();
        heroes.create("Hero of the default database");
        reports.add("Report of the reports database");
        assertEquals(List.of("Hero of the default database"), names());
        try (Session s = reportsEngine.session()) {
            assertEquals(List.of("Report of the reports database"),
                    s.exec(select(Report.class)).all().stream().map(r -> r.title).toList());
            assertEquals(0, s.exec(select(Hero.class)).all().size());
        }
    }

    @Test
    void statelessInsertsCommitWithTheJtaTransaction() {
        emptyTables();
        bulk.importHeroes("Deadpond", "Rusty-Man", "Spider-Boy");
        assertEquals(List.of("Deadpond", "Rusty-Man", "Spider-Boy"), names());
        assertEquals(4L, bulk.insertThenCountByStream("Tarantula"), "the stream sees the transaction's own insert");
        assertEquals(4, names().size());
    }

    @Test
    void statelessWritesRollBackWithTheJtaTransaction() {
        emptyTables();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bulk.importThenFail("Black Lion", "Dr. Weird"));
        assertTrue(e.getMessage().contains("Black Lion"));
        assertEquals(List.of(), names(), "the stateless insert went with the rollback of the enlisted connection");
        Exception duplicate = assertThrows(Exception.class, () -> bulk.importHeroes("Twin", "Twin"));
        assertTrue(causedBy(duplicate, IntegrityException.class), () -> "not an integrity failure: " + duplicate);
        assertEquals(List.of(), names());
    }

    @Test
    void statelessSessionsArePerRequestAndPerDatabase() throws Exception {
        emptyTables();
        long id = bulk.report("Stateless report");
        try (StatelessSession s = reportsEngine.stateless()) {
            assertEquals("Stateless report", s.get(Report.class, id).orElseThrow().title);
        }
        assertEquals(List.of(), names(), "the report went to the reports database");
        StatelessSession first = CompletableFuture.supplyAsync(bulk::statelessOfNewRequest).get();
        StatelessSession second = CompletableFuture.supplyAsync(bulk::statelessOfNewRequest).get();
        assertNotSame(first, second);
        assertThrows(IllegalStateException.class, () -> first.get(Hero.class, 1L), "closed at the end of its request");
    }

    // ---- transaction timeouts and Engine.transaction under JTA ---------------------------------

    /** Runs DDL on the session's own connection in auto-commit, outside any JTA transaction. */
    private void ddl(String... statements) {
        try (Session s = engine.session()) {
            try (Statement st = s.connection().createStatement()) {
                for (String sql : statements) {
                    st.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A trigger that makes inserting the hero named "Sleepy" take two seconds; none on SQLite, which cannot sleep. */
    private String[] sleepyTrigger() {
        return switch (engine.dialect()) {
            case POSTGRESQL -> new String[] {
                "CREATE OR REPLACE FUNCTION sleepy_insert() RETURNS trigger AS $$ BEGIN"
                        + " IF NEW.name = 'Sleepy' THEN PERFORM pg_sleep(2); END IF; RETURN NEW; END $$ LANGUAGE plpgsql",
                "CREATE TRIGGER sleepy BEFORE INSERT ON it_hero FOR EACH ROW EXECUTE FUNCTION sleepy_insert()"};
            case MYSQL -> new String[] {
                "CREATE TRIGGER sleepy BEFORE INSERT ON it_hero FOR EACH ROW BEGIN"
                        + " IF NEW.name = 'Sleepy' THEN DO SLEEP(2); END IF; END"};
            case SQLITE -> new String[0];
        };
    }

    private PoolStats settledStats() throws InterruptedException {
        // The transaction manager may end a timed-out transaction on its reaper thread, which
        // gives the connection back a moment after the application thread has seen the failure.
        long deadline = System.nanoTime() + 5_000_000_000L;
        PoolStats stats = engine.stats();
        while (stats.active() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            stats = engine.stats();
        }
        return stats;
    }

    @Test
    void aFlushOutlivingTheTransactionTimeoutWritesNothingAndLeaksNoConnection() throws Exception {
        String[] trigger = sleepyTrigger();
        assumeTrue(trigger.length > 0, "SQLite has no statement that sleeps");
        emptyTables();
        ddl(trigger);
        Hero sleepy = new Hero("Sleepy", 7);
        PoolStats before = settledStats();
        transactions.setTransactionTimeout(1);
        try {
            long start = System.nanoTime();
            Exception e = assertThrows(Exception.class, () -> heroes.add(sleepy));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(causedBy(e, RollbackException.class) || causedBy(e, TransientDatabaseException.class)
                    || e instanceof jakarta.transaction.TransactionalException, () -> "not a rollback: " + e);
            assertTrue(millis >= 1_000, () -> "the flush ran into the sleep: " + millis + " ms");
        } finally {
            transactions.setTransactionTimeout(0);
            ddl(engine.dialect() == Dialect.POSTGRESQL ? "DROP TRIGGER IF EXISTS sleepy ON it_hero" : "DROP TRIGGER IF EXISTS sleepy");
        }
        assertEquals(List.of(), names(), "nothing of the timed-out transaction was written");
        assertFalse(session.contains(sleepy), "the session forgot the instance of the timed-out transaction");
        assertEquals(Status.STATUS_NO_TRANSACTION, transactions.getStatus(), "the thread is out of the transaction");

        PoolStats after = settledStats();
        assertEquals(0, after.active(), () -> "no connection left enlisted or checked out: " + after);
        assertEquals(before.timeouts(), after.timeouts(), () -> "no pool timeouts: " + after);

        heroes.create("Quick"); // the thread's next transaction gets a working connection
        assertEquals(List.of("Quick"), names());
        assertEquals(0, settledStats().active());
    }

    @Test
    void engineTransactionJoinsTheJtaTransactionAndLeavesTheOutcomeToIt() throws Exception {
        emptyTables();
        transactions.begin();
        try {
            Hero joined = engine.transaction(s -> s.add(new Hero("Joined", 5)));
            assertTrue(joined.id != null, "flushed before engine.transaction returned");
        } finally {
            transactions.rollback();
        }
        assertEquals(List.of(), names(), "rolled back with the JTA transaction, not committed on its own");

        transactions.begin();
        engine.transaction(s -> s.add(new Hero("Kept", 5)));
        transactions.commit();
        assertEquals(List.of("Kept"), names());
    }

    @Test
    void engineTransactionDoesNotRetryInsideSomeoneElsesJtaTransaction() throws Exception {
        assumeTrue(engine.dialect() != Dialect.SQLITE, "SQLite has no row locks to wait for");
        emptyTables();
        heroes.create("Locked");
        long id = engine.transaction(s -> s.exec(select(Hero.class)).one().id);
        try (Session holder = engine.session()) {
            holder.begin();
            holder.exec(select(Hero.class).where(dev.sqlmodel.Expr.col("id").eq(id)).forUpdate()).one();
            AtomicInteger attempts = new AtomicInteger();
            transactions.begin();
            try {
                TransientDatabaseException e = assertThrows(TransientDatabaseException.class, () -> engine.transaction(s -> {
                    attempts.incrementAndGet();
                    return s.exec(select(Hero.class).where(dev.sqlmodel.Expr.col("id").eq(id)).forUpdate(LockOption.NOWAIT)).one();
                }));
                assertEquals(TransientDatabaseException.Reason.LOCK_TIMEOUT, e.reason());
                assertEquals(1, attempts.get(), "run once: the JTA transaction's owner decides about retries");
            } finally {
                transactions.rollback();
            }
            holder.rollback();
        }
        // Outside JTA the same conflict is retried, and the retry succeeds once the lock is gone.
        assertEquals("Locked", engine.transaction(s -> s.exec(select(Hero.class).forUpdate(LockOption.NOWAIT)).one().name));
    }
}
