package dev.sqlmodel.impl.session;

import static dev.sqlmodel.Sql.select;
import static dev.sqlmodel.Sql.text;
import static dev.sqlmodel.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Engine;
import dev.sqlmodel.IsolationLevel;
import dev.sqlmodel.Session;
import dev.sqlmodel.Transaction;
import dev.sqlmodel.impl.rel.Hero;
import dev.sqlmodel.impl.rel.HeroTeamLink;
import dev.sqlmodel.impl.rel.Hero_;
import dev.sqlmodel.impl.rel.Power;
import dev.sqlmodel.impl.rel.Team;
import dev.sqlmodel.impl.testing.CountingDataSource;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A session begins its local transaction at its first write: reads before it run in auto-commit
 * without BEGIN/COMMIT and hold no connection between statements.
 */
class FirstWriteTest extends DatabaseTest {
    private CountingDataSource counter;

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Team.class, Hero.class, HeroTeamLink.class, Power.class};
    }

    private Engine counting(Db db) {
        return countingEngine(db, ds -> counter = new CountingDataSource(ds));
    }

    /** The statements sent, less the foreign-key switch a SQLite DataSource connection gets. */
    private List<String> sent() {
        return counter.statements().stream().filter(sql -> !sql.startsWith("PRAGMA")).toList();
    }

    private void seed(Db db) {
        fresh(db);
        try (Session s = engine(db).session()) {
            Team t = s.add(new Team("Preventers", "Sharp Tower"));
            Hero h = new Hero("Rusty-Man", "Tommy Sharp", 48);
            h.team.set(t);
            s.add(h);
            s.commit();
        }
    }

    /** Whether {@code s} has a local transaction open: begin() is refused then. */
    private static boolean inTransaction(Session s) {
        try {
            s.begin().rollback();
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    @DbTest
    void readsRunInAutoCommitWithoutTransactionRoundTrips(Db db) {
        seed(db);
        Engine e = counting(db);
        Long id;
        try (Session s = e.session()) {
            id = s.exec(select(Hero.class)).one().id;
        }
        counter.reset();
        try (Session s = e.session()) {
            Hero h = s.get(Hero.class, id).orElseThrow();
            assertEquals(List.of(), counter.transactionCalls(), "a get() must not begin or end a transaction");
            assertEquals(1, sent().size(), sent().toString());
            s.exec(select(Hero.class).where(Hero_.age.gt(30))).all();
            assertEquals("Preventers", h.team.get().name); // a relationship load
            s.commit(); // nothing pending, nothing open: no round trip
            assertEquals(List.of(), counter.transactionCalls());
            assertEquals(3, sent().size(), sent().toString());
        }
        assertEquals(List.of(), counter.transactionCalls(), "closing a reading session ends nothing");
    }

    @DbTest
    void aSessionThatOnlyReadsHoldsNoConnectionBetweenStatements(Db db) {
        seed(db);
        Engine e = engine(db);
        try (Session s = e.session()) {
            s.exec(select(Hero.class)).all();
            assertEquals(0, e.stats().active());
            s.get(Team.class, 1L);
            assertEquals(0, e.stats().active());
            s.add(new Hero("Deadpond", "Dive Wilson", null));
            s.flush(); // the first write: the transaction holds a connection until it ends
            assertEquals(1, e.stats().active());
            s.commit();
            assertEquals(0, e.stats().active());
        }
    }

    @DbTest
    void eachKindOfWriteBeginsTheTransaction(Db db) {
        seed(db);
        List<Consumer<Session>> writes = List.of(
                s -> {
                    s.add(new Hero("Deadpond", "Dive Wilson", null));
                    s.flush();
                },
                s -> s.save(new Hero("Deadpond", "Dive Wilson", null)),
                s -> s.execute(update(Hero.class).set(Hero_.age, 49).where(Hero_.name.eq("Rusty-Man"))),
                s -> s.exec(select(Hero.class).forUpdate()).all(),
                s -> s.exec(text(db == Db.MARIADB
                        ? "WITH h AS (SELECT id FROM rel_hero) SELECT id FROM h" // Connector/J runs no DML as a query
                        : "DELETE FROM rel_power WHERE id = -1 RETURNING id").as(Long.class)).all(),
                Session::savepoint,
                s -> s.nested(() -> { }),
                s -> {
                    s.add(new Hero("Deadpond", "Dive Wilson", null));
                    s.exec(select(Hero.class)).all(); // autoflush: a query after add() sees the row
                });
        for (int i = 0; i < writes.size(); i++) {
            try (Session s = engine(db).session()) {
                s.get(Hero.class, 1L);
                s.exec(text("SELECT name FROM rel_hero").as(String.class)).all();
                assertFalse(inTransaction(s), "reads must not begin a transaction");
                if (i == writes.size() - 1) {
                    s.add(new Hero("Deadpond", "Dive Wilson", null));
                    List<Hero> all = s.exec(select(Hero.class)).all();
                    assertEquals(2, all.size(), "a query after add() sees the row");
                } else {
                    try {
                        writes.get(i).accept(s);
                    } catch (RuntimeException e) {
                        throw new AssertionError("write " + i + " failed", e);
                    }
                }
                assertTrue(inTransaction(s), "write " + i + " must begin the transaction");
                s.rollback();
            }
        }
        try (Session s = engine(db).session()) {
            assertEquals(1, s.exec(select(Hero.class)).all().size(), "every write above was rolled back");
            assertEquals(48, s.exec(select(Hero.class)).one().age);
        }
    }

    @DbTest
    void connectionPinsWithoutBeginning(Db db) throws SQLException {
        seed(db);
        Engine e = engine(db);
        try (Session s = e.session()) {
            Connection c = s.connection();
            assertTrue(c.getAutoCommit());
            assertFalse(inTransaction(s));
            s.exec(select(Hero.class)).all();
            assertEquals(1, e.stats().active(), "connection() keeps the connection with the session");
            assertSame(c, s.connection());
            s.add(new Hero("Deadpond", "Dive Wilson", null));
            s.flush(); // begins on the pinned connection
            assertFalse(c.getAutoCommit());
            assertSame(c, s.connection());
            s.commit();
            assertTrue(c.getAutoCommit());
            assertEquals(1, e.stats().active(), "still pinned after the transaction");
        }
        assertEquals(0, e.stats().active());
    }

    @DbTest
    void beginOpensAtOnceAndReadsShareIt(Db db) throws SQLException {
        seed(db);
        try (Session s = engine(db).session()) {
            Transaction tx = s.begin(IsolationLevel.REPEATABLE_READ);
            s.exec(select(Hero.class)).all();
            assertFalse(s.connection().getAutoCommit());
            assertThrows(IllegalStateException.class, s::begin);
            if (db != Db.SQLITE) { // SQLite's IMMEDIATE transaction keeps other writers out until it ends
                try (Session other = engine(db).session()) {
                    other.exec(select(Hero.class)).one().age = 60;
                    other.commit();
                }
                s.evict(s.get(Hero.class, 1L).orElseThrow());
                assertEquals(48, s.get(Hero.class, 1L).orElseThrow().age, "reads share the snapshot of begin()");
            }
            tx.commit();
        }
    }

    @DbTest
    void aReadingSessionSeesCommittedDataOfOthers(Db db) {
        seed(db);
        try (Session reader = engine(db).session()) {
            Hero h = reader.get(Hero.class, 1L).orElseThrow();
            try (Session writer = engine(db).session()) {
                writer.get(Hero.class, 1L).orElseThrow().age = 61;
                writer.commit();
            }
            reader.refresh(h);
            assertEquals(61, h.age);
        }
    }

    @DbTest
    void aStreamHoldsItsConnectionUntilClosed(Db db) {
        seed(db);
        Engine e = engine(db);
        try (Session s = e.session()) {
            try (Stream<Hero> heroes = s.exec(select(Hero.class)).stream()) {
                assertEquals(1, e.stats().active());
                assertEquals(1, heroes.count());
            }
            assertEquals(0, e.stats().active());
            assertFalse(inTransaction(s));
        }
    }

    @DbTest
    void failedFirstFlushLeavesNoTransactionAndNothingWritten(Db db) {
        seed(db);
        try (Session s = engine(db).session()) {
            Hero orphan = new Hero("Deadpond", "Dive Wilson", null);
            orphan.teamId = 9999L; // no such team
            s.add(orphan);
            assertThrows(dev.sqlmodel.IntegrityException.class, s::flush);
            assertFalse(inTransaction(s), "the transaction the flush began is rolled back whole");
        }
        try (Session s = engine(db).session()) {
            assertEquals(1, s.exec(select(Team.class)).all().size());
        }
    }
}
