package dev.sqlmodel.impl.session;

import static dev.sqlmodel.Sql.insert;
import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.IntegrityException;
import dev.sqlmodel.IsolationLevel;
import dev.sqlmodel.Savepoint;
import dev.sqlmodel.Session;
import dev.sqlmodel.Transaction;
import dev.sqlmodel.impl.model.Hero;
import dev.sqlmodel.impl.model.Hero_;
import dev.sqlmodel.impl.model.Team;
import dev.sqlmodel.impl.model.Team_;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Local transactions of a session: autobegin, explicit transactions, isolation, savepoints, nesting. */
class TransactionTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Team.class, Hero.class};
    }

    private List<String> storedHeroes(Db db) {
        try (Session s = engine(db).session()) {
            return s.exec(select(Hero_.name).orderBy(Hero_.name.asc())).all();
        }
    }

    private List<String> storedTeams(Db db) {
        try (Session s = engine(db).session()) {
            return s.exec(select(Team_.name).orderBy(Team_.name.asc())).all();
        }
    }

    // ---- begin, commit, rollback -----------------------------------------------------------

    @DbTest
    void firstWriteBeginsATransaction(Db db) throws SQLException {
        fresh(db);
        Session s = session(db);
        s.begin().rollback(); // nothing open yet: begin() works
        s.exec(select(Hero.class)).all();
        assertTrue(s.connection().getAutoCommit()); // reads run in auto-commit
        s.begin().rollback();
        s.execute(insert(Hero.class).values(new Hero("Rusty-Man", "Tommy Sharp", 48)));
        assertFalse(s.connection().getAutoCommit());
        IllegalStateException e = assertThrows(IllegalStateException.class, s::begin);
        assertTrue(e.getMessage().contains("transaction"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> s.begin(IsolationLevel.SERIALIZABLE));
        Hero h = s.add(new Hero("Deadpond", "Dive Wilson", null));
        s.commit();
        assertEquals(List.of("Deadpond", "Rusty-Man"), storedHeroes(db));
        assertTrue(s.contains(h)); // commit keeps instances attached
        s.begin().commit(); // the commit ended the autobegun transaction
    }

    @DbTest
    void beginWhileATransactionIsOpenFails(Db db) {
        fresh(db);
        Session s = session(db);
        Transaction tx = s.begin();
        assertTrue(tx.isActive());
        assertThrows(IllegalStateException.class, s::begin);
        assertTrue(tx.isActive());
        s.add(new Hero("Deadpond", "Dive Wilson", null));
        tx.commit();
        assertFalse(tx.isActive());
        assertThrows(IllegalStateException.class, tx::commit);
        assertThrows(IllegalStateException.class, tx::rollback);
        assertEquals(List.of("Deadpond"), storedHeroes(db));
    }

    @DbTest
    void transactionRollbackDiscardsWorkAndEmptiesTheSession(Db db) {
        fresh(db);
        Session s = session(db);
        Hero before = s.add(new Hero("Deadpond", "Dive Wilson", null));
        s.commit();
        Transaction tx = s.begin();
        before.age = 40;
        Hero h = s.add(new Hero("Spider-Boy", "Pedro Parqueador", null));
        s.flush();
        assertNotNull(h.id);
        tx.rollback();
        assertFalse(tx.isActive());
        assertFalse(s.contains(h));
        assertFalse(s.contains(before));
        assertEquals(List.of("Deadpond"), storedHeroes(db));
        assertNull(session(db).get(Hero.class, before.id).orElseThrow().age);
    }

    @DbTest
    void closingAnUncommittedTransactionRollsItBack(Db db) {
        fresh(db);
        Session s = session(db);
        Hero h;
        try (Transaction tx = s.begin()) {
            h = s.add(new Hero("Deadpond", "Dive Wilson", null));
            s.flush();
            assertTrue(tx.isActive());
        }
        assertFalse(s.contains(h));
        assertEquals(List.of(), storedHeroes(db));

        Hero kept;
        try (Transaction tx = s.begin()) {
            kept = s.add(new Hero("Spider-Boy", "Pedro Parqueador", null));
            tx.commit();
        } // closing a committed transaction does nothing
        assertTrue(s.contains(kept));
        assertEquals(List.of("Spider-Boy"), storedHeroes(db));
    }

    @DbTest
    void sessionRollbackDetachesEveryInstance(Db db) {
        fresh(db);
        Session s = session(db);
        Hero stored = s.add(new Hero("Deadpond", "Dive Wilson", null));
        s.commit();
        Hero pending = s.add(new Hero("Spider-Boy", "Pedro Parqueador", null));
        s.rollback();
        assertFalse(s.contains(stored));
        assertFalse(s.contains(pending));
        s.commit(); // nothing pending any more
        assertEquals(List.of("Deadpond"), storedHeroes(db));
        assertTrue(s.get(Hero.class, stored.id).orElseThrow() != stored);
    }

    // ---- isolation --------------------------------------------------------------------------

    @DbTest
    void isolationLevelsApplyAndAreRestored(Db db) throws SQLException {
        fresh(db);
        try (TrackedEngine tracked = TrackedEngine.over(engine(db), models())) {
            int usual;
            try (Session s = tracked.engine().session()) {
                usual = s.connection().getTransactionIsolation();
            }
            for (IsolationLevel level : List.of(IsolationLevel.SERIALIZABLE, IsolationLevel.READ_COMMITTED)) {
                tracked.reset();
                try (Session s = tracked.engine().session()) {
                    Transaction tx = s.begin(level);
                    Connection c = s.connection();
                    if (db != Db.SQLITE) { // SQLite transactions are always serializable
                        assertEquals(level.jdbcLevel(), c.getTransactionIsolation(), level.name());
                    }
                    s.add(new Hero("Hero " + level, null, null));
                    tx.commit();
                    // connection() keeps the connection with the session, back at the usual level
                    assertEquals(usual, s.connection().getTransactionIsolation());
                    assertEquals(List.of(), tracked.releasedIsolation(), level.name());
                }
                assertEquals(List.of(usual), tracked.releasedIsolation(), level.name());
            }
            tracked.reset();
            try (Session s = tracked.engine().session()) {
                Transaction tx = s.begin(IsolationLevel.SERIALIZABLE);
                s.add(new Hero("Rolled back", null, null));
                tx.rollback();
            }
            assertEquals(List.of(usual), tracked.releasedIsolation());
        }
        assertEquals(List.of("Hero READ_COMMITTED", "Hero SERIALIZABLE"), storedHeroes(db));
    }

    // ---- savepoints -------------------------------------------------------------------------

    @DbTest
    void savepointRollbackEvictsWhatChangedAfterItAndKeepsTheRest(Db db) {
        fresh(db);
        Session s = session(db);
        Team preventers = s.add(new Team("Preventers", "Sharp Tower"));
        Team zForce = s.add(new Team("Z-Force", "Sister Margaret's Bar"));
        s.commit();
        Hero early = s.add(new Hero("Deadpond", "Dive Wilson", null));
        Savepoint sp = s.savepoint();
        assertNotNull(early.id); // the savepoint flushed what was pending
        Hero late = s.add(new Hero("Spider-Boy", "Pedro Parqueador", null));
        zForce.headquarters = "Moved";
        s.flush();
        Hero unflushed = s.add(new Hero("Rusty-Man", "Tommy Sharp", 48));
        sp.rollback();
        assertTrue(s.contains(early));
        assertTrue(s.contains(preventers));
        assertFalse(s.contains(late));
        assertFalse(s.contains(zForce));
        assertFalse(s.contains(unflushed));
        assertThrows(IllegalStateException.class, sp::rollback);
        assertThrows(IllegalStateException.class, sp::release);

        Savepoint kept = s.savepoint();
        Hero later = s.add(new Hero("Tarantula", "Natalia Roman-on", 32));
        s.flush();
        kept.release();
        assertTrue(s.contains(later));
        s.commit();
        assertEquals(List.of("Deadpond", "Tarantula"), storedHeroes(db));
        try (Session check = engine(db).session()) {
            assertEquals("Sister Margaret's Bar", check.get(Team.class, zForce.id).orElseThrow().headquarters);
        }
        assertSame(preventers, s.get(Team.class, preventers.id).orElseThrow());
    }

    @DbTest
    void transactionSavepointEndsWithTheTransaction(Db db) {
        fresh(db);
        Session s = session(db);
        Transaction tx = s.begin();
        Savepoint sp = tx.savepoint();
        s.add(new Hero("Deadpond", "Dive Wilson", null));
        tx.commit();
        assertThrows(IllegalStateException.class, sp::rollback);
        assertThrows(IllegalStateException.class, tx::savepoint);
        assertEquals(List.of("Deadpond"), storedHeroes(db));
    }

    // ---- nested -----------------------------------------------------------------------------

    @DbTest
    void nestedBodyThatThrowsIsRolledBackAndTheOuterTransactionGoesOn(Db db) {
        fresh(db);
        Session s = session(db);
        Hero outer = s.add(new Hero("Deadpond", "Dive Wilson", null));
        IllegalStateException boom = new IllegalStateException("boom");
        Hero[] inner = new Hero[1];
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> s.nested(() -> {
            inner[0] = s.add(new Hero("Spider-Boy", "Pedro Parqueador", null));
            s.flush();
            outer.age = 99;
            throw boom;
        }));
        assertSame(boom, thrown);
        assertNotNull(outer.id);
        assertFalse(s.contains(inner[0]));
        assertFalse(s.contains(outer)); // changed inside the body: evicted
        Hero fromNested = s.nested(() -> s.add(new Hero("Rusty-Man", "Tommy Sharp", 48)));
        assertTrue(s.contains(fromNested));
        assertNotNull(fromNested.id); // nested flushes before releasing
        s.nested(() -> {
            s.add(new Hero("Tarantula", "Natalia Roman-on", 32));
        });
        RuntimeException fromRunnable = assertThrows(RuntimeException.class, () -> s.nested((Runnable) () -> {
            s.add(new Hero("Black Lion", "Trevor Challa", 35));
            throw new RuntimeException("runnable");
        }));
        assertEquals("runnable", fromRunnable.getMessage());
        s.commit();
        assertEquals(List.of("Deadpond", "Rusty-Man", "Tarantula"), storedHeroes(db));
        assertNull(session(db).exec(select(Hero_.age).where(Hero_.name.eq("Deadpond"))).one());
    }

    @DbTest
    void nestedInsideNested(Db db) {
        fresh(db);
        Session s = session(db);
        s.add(new Hero("Outer", null, null));
        String result = s.nested(() -> {
            s.add(new Hero("Middle", null, null));
            assertThrows(IllegalArgumentException.class, () -> s.nested(() -> {
                s.add(new Hero("Inner", null, null));
                s.flush();
                throw new IllegalArgumentException("inner fails");
            }));
            s.add(new Hero("Middle after", null, null));
            return "done";
        });
        assertEquals("done", result);
        assertThrows(IllegalStateException.class, () -> s.nested(() -> {
            s.add(new Hero("Doomed middle", null, null));
            s.nested(() -> {
                s.add(new Hero("Doomed inner", null, null));
            });
            throw new IllegalStateException("outer nested fails after its inner one succeeded");
        }));
        s.commit();
        assertEquals(List.of("Middle", "Middle after", "Outer"), storedHeroes(db));
    }

    @DbTest
    void constraintViolationInsideNestedDoesNotPoisonTheTransaction(Db db) {
        fresh(db);
        Session s = session(db);
        s.add(new Team("Preventers", "Sharp Tower"));
        s.flush();
        IntegrityException e = assertThrows(IntegrityException.class, () -> s.nested(() -> {
            s.add(new Team("Preventers", "Copy"));
            s.flush();
        }));
        assertTrue(e.sqlState().startsWith("23"), e.sqlState());
        assertThrows(IntegrityException.class,
                () -> s.nested(() -> s.execute(insert(Team.class).values(new Team("Preventers", "Bulk copy")))));
        // the transaction is still usable: a query and more writes work, and commit keeps the earlier work
        assertEquals(List.of("Preventers"), s.exec(select(Team_.name)).all());
        s.add(new Team("Z-Force", "Sister Margaret's Bar"));
        s.commit();
        assertEquals(List.of("Preventers", "Z-Force"), storedTeams(db));
    }
}
