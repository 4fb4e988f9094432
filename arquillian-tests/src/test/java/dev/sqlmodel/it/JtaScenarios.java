package dev.sqlmodel.it;

import static dev.sqlmodel.Sql.delete;
import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Database;
import dev.sqlmodel.Engine;
import dev.sqlmodel.IntegrityException;
import dev.sqlmodel.Session;
import dev.sqlmodel.StatelessSession;
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
import jakarta.transaction.TransactionManager;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
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
}
