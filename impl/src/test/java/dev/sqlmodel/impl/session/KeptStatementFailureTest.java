package dev.sqlmodel.impl.session;

import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Engine;
import dev.sqlmodel.IntegrityException;
import dev.sqlmodel.Session;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.impl.model.Hero;
import dev.sqlmodel.impl.model.Team;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A kept prepared statement whose execution failed is not used again: after its table was
 * dropped (the read or write fails) and created anew, the same statements work on the same pooled
 * connection, through every path that keeps statements (reads, a session's flush, a stateless
 * session's single and multi-row writes). A statement that only violated a constraint is sound
 * and stays kept. A connection its pool closed leaves no cache behind.
 */
class KeptStatementFailureTest extends DatabaseTest {
    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Team.class, Hero.class};
    }

    @Override
    protected void configure(Engine.Builder builder) {
        builder.pool(p -> p.maxSize(1));
    }

    @DbTest
    void aReadThatFailedPreparesAgainAfterTheTableIsBack(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            s.insert(new Hero("Before", "Drop", 1));
            assertEquals(1, s.exec(select(Hero.class)).all().size());
        }
        engine.dropAll();
        try (StatelessSession s = engine.stateless()) {
            assertThrows(SqlModelException.class, () -> s.exec(select(Hero.class)).all());
        }
        engine.createAll();
        try (StatelessSession s = engine.stateless()) {
            s.insert(new Hero("After", "Create", 2));
            assertEquals(1, s.exec(select(Hero.class)).all().size());
            assertEquals("After", s.get(Hero.class, s.exec(select(Hero.class)).one().id).orElseThrow().name);
        }
    }

    @DbTest
    void writesThatFailedPrepareAgainAfterTheTableIsBack(Db db) {
        Engine engine = fresh(db);
        writeThroughEveryPath(engine, "Before");
        engine.dropAll();
        try (Session s = engine.session()) {
            s.add(new Hero("Flushed", "Gone", 1));
            assertThrows(SqlModelException.class, s::commit);
        }
        try (StatelessSession s = engine.stateless()) {
            assertThrows(SqlModelException.class,
                    () -> s.insertAll(List.of(new Hero("Many", "Gone", 2), new Hero("Many", "Gone", 3))));
            assertThrows(SqlModelException.class, () -> s.insert(new Hero("One", "Gone", 4)));
        }
        engine.createAll();
        Hero updated = writeThroughEveryPath(engine, "After");
        try (StatelessSession s = engine.stateless()) {
            assertEquals(4, s.exec(select(Hero.class)).all().size());
            assertEquals(5, s.get(Hero.class, updated.id).orElseThrow().age);
        }
    }

    /** A flush's INSERT, a multi-row and a single stateless INSERT and an UPDATE; returns the updated hero. */
    private static Hero writeThroughEveryPath(Engine engine, String secretName) {
        try (Session s = engine.session()) {
            s.add(new Hero("Flushed", secretName, 1));
            s.commit();
        }
        try (StatelessSession s = engine.stateless()) {
            s.insertAll(List.of(new Hero("Many", secretName, 2), new Hero("Many", secretName, 3)));
            Hero h = s.insert(new Hero("One", secretName, 4));
            h.age = 5;
            s.update(h);
            return h;
        }
    }

    @DbTest
    void aStatementThatViolatedAConstraintStaysKept(Db db) throws SQLException {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            Connection c = s.connection(); // the session's calls run on it from now on
            s.insert(withId(100));
            IntegrityException first = assertThrows(IntegrityException.class, () -> s.insert(withId(100)));
            StatementCache cache = StatementCache.of(c);
            PreparedStatement kept = cache.prepare(first.sql(), false);
            assertThrows(IntegrityException.class, () -> s.insert(withId(100)));
            assertTrue(cache.keeps(kept), "a duplicate key leaves the statement usable");
            assertFalse(kept.isClosed());
            s.insert(withId(101));
            assertSame(kept, cache.prepare(first.sql(), false));
            assertEquals(2, s.exec(select(Hero.class)).all().size());
        }
    }

    @DbTest
    void aConnectionThePoolClosedLeavesNoCacheBehind(Db db) throws SQLException {
        Engine other = otherEngine(db, url -> url, b -> b.pool(p -> p.maxSize(1)));
        Connection physical;
        try (StatelessSession s = other.stateless()) {
            s.exec(select(Hero.class)).all();
            physical = s.connection().unwrap(Connection.class);
        }
        assertTrue(StatementCache.tracks(physical));
        other.close();
        assertFalse(StatementCache.tracks(physical), "neither the registry nor the last-found cache holds it");
    }

    private static Hero withId(long id) {
        Hero h = new Hero("Keyed", "Explicit", 7);
        h.id = id;
        return h;
    }
}
