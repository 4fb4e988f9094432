package dev.sqlmodel.impl.session;

import static dev.sqlmodel.Sql.insert;
import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Expr;
import dev.sqlmodel.IntegrityException;
import dev.sqlmodel.Session;
import dev.sqlmodel.StaleObjectException;
import dev.sqlmodel.impl.model.Hero;
import dev.sqlmodel.impl.model.Hero_;
import dev.sqlmodel.impl.model.Item;
import dev.sqlmodel.impl.model.Team;
import dev.sqlmodel.impl.model.Team_;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A flush that fails writes nothing and leaves the session's pending state as it was, so the
 * application can fix the problem and flush again.
 */
class FlushFailureTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Team.class, Hero.class, Item.class};
    }

    private long storeTeam(Db db, String name, String headquarters) {
        try (Session s = engine(db).session()) {
            Team t = s.add(new Team(name, headquarters));
            s.commit();
            return t.id;
        }
    }

    private static List<String> teamNames(Session s) {
        return s.exec(select(Team_.name).orderBy(Team_.name.asc())).all();
    }

    private static List<String> heroNames(Session s) {
        return s.exec(select(Hero_.name).orderBy(Hero_.name.asc())).all();
    }

    /** Rows of {@code table} as the session's own transaction sees them, without flushing. */
    private static long rows(Session s, String table) {
        try (Statement st = s.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertIntegrity(IntegrityException e, String verb) {
        assertNotNull(e.sqlState());
        assertTrue(e.sqlState().startsWith("23"), e.sqlState());
        assertNotNull(e.sql());
        assertTrue(e.sql().startsWith(verb), e.sql());
        assertTrue(e.getMessage().contains(e.sql()), e.getMessage());
    }

    // ---- integrity failures -----------------------------------------------------------------

    @DbTest
    void uniqueViolationAmongNewRowsWritesNothingAndKeepsThePendingState(Db db) {
        fresh(db);
        long preventersId = storeTeam(db, "Preventers", "Sharp Tower");
        Session s = session(db);
        Team preventers = s.get(Team.class, preventersId).orElseThrow();
        s.commit();
        Item item = s.add(new Item("written before the failing INSERT")); // no foreign keys: goes first
        Hero hero = s.add(new Hero("Deadpond", "Dive Wilson", null));
        Team zForce = s.add(new Team("Z-Force", "Sister Margaret's Bar"));
        Team twin = s.add(new Team("Z-Force", "Somewhere else"));
        preventers.headquarters = "Moved";

        IntegrityException e = assertThrows(IntegrityException.class, s::flush);
        assertIntegrity(e, "INSERT");
        // the session is as before
        assertNull(item.id);
        assertNull(hero.id);
        assertNull(zForce.id);
        assertNull(twin.id);
        assertEquals(0, item.version);
        assertTrue(s.contains(item) && s.contains(hero) && s.contains(zForce) && s.contains(twin));
        assertEquals("Moved", preventers.headquarters);
        // and nothing was written, not even the item inserted before the failure
        assertEquals(0, rows(s, "item"));
        assertEquals(0, rows(s, "hero"));
        assertEquals(1, rows(s, "team"));
        s.rollback();
        try (Session check = engine(db).session()) {
            assertEquals(List.of("Preventers"), teamNames(check));
            assertEquals("Sharp Tower", check.get(Team.class, preventersId).orElseThrow().headquarters);
            assertEquals(0L, check.exec(select(Expr.count()).from(Item.class)).one());
        }
    }

    @DbTest
    void failingUpdateAfterInsertsIsUndoneAndCanBeFixed(Db db) {
        fresh(db);
        long preventersId = storeTeam(db, "Preventers", "Sharp Tower");
        long zForceId = storeTeam(db, "Z-Force", "Sister Margaret's Bar");
        Session s = session(db);
        Team zForce = s.get(Team.class, zForceId).orElseThrow();
        s.commit();
        Team lions = s.add(new Team("Lions", "Savannah"));
        Hero a = s.add(new Hero("Black Lion", "Trevor Challa", 35));
        Hero b = s.add(new Hero("Princess Sure-E", "Sure-E", 25));
        zForce.name = "Preventers"; // the UPDATE runs after the INSERTs, and fails

        IntegrityException e = assertThrows(IntegrityException.class, s::flush);
        assertIntegrity(e, "UPDATE");
        assertNull(lions.id);
        assertNull(a.id);
        assertNull(b.id);
        assertEquals("Preventers", zForce.name);
        assertEquals(0, rows(s, "hero"));
        assertEquals(2, rows(s, "team"));

        zForce.name = "Z-Force Reborn";
        s.flush();
        assertNotNull(lions.id);
        assertNotNull(a.id);
        assertEquals(a.id + 1, b.id);
        s.commit();
        try (Session check = engine(db).session()) {
            assertEquals(List.of("Lions", "Preventers", "Z-Force Reborn"), teamNames(check));
            assertEquals(List.of("Black Lion", "Princess Sure-E"), heroNames(check));
            assertEquals("Preventers", check.get(Team.class, preventersId).orElseThrow().name);
        }
    }

    @DbTest
    void failureLaterInATransactionKeepsTheEarlierFlush(Db db) {
        fresh(db);
        storeTeam(db, "Preventers", "Sharp Tower");
        Session s = session(db);
        Hero early = s.add(new Hero("Deadpond", "Dive Wilson", null));
        s.flush();
        long earlyId = early.id;
        early.age = 30;
        Team dup = s.add(new Team("Preventers", "Copy"));
        Hero late = s.add(new Hero("Spider-Boy", "Pedro Parqueador", null));

        IntegrityException e = assertThrows(IntegrityException.class, s::flush);
        assertIntegrity(e, "INSERT");
        assertEquals(earlyId, early.id);
        assertEquals(30, early.age);
        assertNull(dup.id);
        assertNull(late.id);
        assertEquals(1, rows(s, "hero")); // the earlier flush survived, the failed one did not
        assertEquals(1, rows(s, "team"));

        dup.name = "Preventers II";
        s.commit();
        try (Session check = engine(db).session()) {
            assertEquals(List.of("Preventers", "Preventers II"), teamNames(check));
            assertEquals(List.of("Deadpond", "Spider-Boy"), heroNames(check));
            assertEquals(30, check.get(Hero.class, earlyId).orElseThrow().age);
        }
    }

    @DbTest
    void failingCommitRollsBackAndKeepsThePendingState(Db db) {
        fresh(db);
        storeTeam(db, "Preventers", "Sharp Tower");
        Session s = session(db);
        Hero hero = s.add(new Hero("Rusty-Man", "Tommy Sharp", 48));
        Team dup = s.add(new Team("Preventers", "Copy"));

        IntegrityException e = assertThrows(IntegrityException.class, s::commit);
        assertIntegrity(e, "INSERT");
        assertNull(hero.id);
        assertNull(dup.id);
        assertTrue(s.contains(hero) && s.contains(dup));
        try (Session check = engine(db).session()) {
            assertEquals(List.of(), heroNames(check));
            assertEquals(List.of("Preventers"), teamNames(check));
        }

        dup.name = "Preventers II";
        s.commit();
        try (Session check = engine(db).session()) {
            assertEquals(List.of("Rusty-Man"), heroNames(check));
            assertEquals(List.of("Preventers", "Preventers II"), teamNames(check));
        }
    }

    @DbTest
    void failingCommitAfterAnEarlierFlushKeepsTheTransactionsWork(Db db) {
        fresh(db);
        storeTeam(db, "Preventers", "Sharp Tower");
        Session s = session(db);
        Hero early = s.add(new Hero("Tarantula", "Natalia Roman-on", 32));
        s.flush();
        Team dup = s.add(new Team("Preventers", "Copy"));

        assertThrows(IntegrityException.class, s::commit);
        assertNotNull(early.id);
        assertNull(dup.id);
        assertEquals(1, rows(s, "hero"));
        dup.name = "Preventers II";
        s.commit();
        try (Session check = engine(db).session()) {
            assertEquals(List.of("Tarantula"), heroNames(check));
            assertEquals(List.of("Preventers", "Preventers II"), teamNames(check));
        }
    }

    @DbTest
    void failingCommitAfterAnInsertReturningKeepsIt(Db db) {
        fresh(db);
        storeTeam(db, "Preventers", "Sharp Tower");
        Session s = session(db);
        long lionsId = s.exec(insert(Team.class).values(new Team("Lions", "Savannah")).returning(Team_.id)).one();
        Team dup = s.add(new Team("Preventers", "Copy"));

        assertThrows(IntegrityException.class, s::commit);
        assertNull(dup.id);
        assertEquals(2, rows(s, "team")); // the statement run before the failing flush is still there
        dup.name = "Preventers II";
        s.commit();
        try (Session check = engine(db).session()) {
            assertEquals(List.of("Lions", "Preventers", "Preventers II"), teamNames(check));
            assertEquals("Savannah", check.get(Team.class, lionsId).orElseThrow().headquarters);
        }
    }

    @DbTest
    void updateOfARowDeletedByAnotherTransactionIsStale(Db db) {
        fresh(db);
        Session s = session(db);
        Hero a = s.add(new Hero("Deadpond", "Dive Wilson", 30));
        Hero b = s.add(new Hero("Spider-Boy", "Pedro Parqueador", 15));
        s.commit();
        // The first row goes: SQLite hands the highest deleted id to the next insert (INTEGER
        // PRIMARY KEY without AUTOINCREMENT), and the UPDATE would then find that new row.
        try (Session other = engine(db).session()) {
            other.delete(other.get(Hero.class, a.id).orElseThrow());
            other.commit();
        }
        a.age = 31;
        b.age = 16; // same columns: one batch with a.age
        Hero c = s.add(new Hero("Rusty-Man", "Tommy Sharp", 48));

        StaleObjectException e = assertThrows(StaleObjectException.class, s::commit);
        assertTrue(e.getMessage().contains(Hero.class.getName()) && e.getMessage().contains("key " + a.id),
                e.getMessage());
        assertNull(c.id);
        try (Session check = engine(db).session()) {
            assertEquals(List.of("Spider-Boy"), heroNames(check));
            assertEquals(15, check.get(Hero.class, b.id).orElseThrow().age);
        }
        s.evict(a);
        s.commit();
        try (Session check = engine(db).session()) {
            assertEquals(List.of("Rusty-Man", "Spider-Boy"), heroNames(check));
            assertEquals(16, check.get(Hero.class, b.id).orElseThrow().age);
        }
    }

    // ---- validation -------------------------------------------------------------------------

    @DbTest
    void invalidModelFailsBeforeAnySql(Db db) {
        fresh(db);
        long teamId = storeTeam(db, "Preventers", "Sharp Tower");
        try (TrackedEngine tracked = TrackedEngine.over(engine(db), models());
                Session s = tracked.engine().session()) {
            Team team = s.get(Team.class, teamId).orElseThrow();
            s.commit();
            team.headquarters = "Moved";
            Hero valid = s.add(new Hero("Deadpond", "Dive Wilson", 30));
            Hero invalid = s.add(new Hero(" ", "Nobody", -1));
            tracked.reset();

            ConstraintViolationException e = assertThrows(ConstraintViolationException.class, s::commit);
            assertEquals(List.of(), tracked.executed());
            assertEquals(0, tracked.acquired()); // not even a connection was taken
            Set<String> paths = new TreeSet<>();
            for (ConstraintViolation<?> v : e.getConstraintViolations()) {
                assertTrue(v.getRootBean() == invalid, String.valueOf(v));
                paths.add(v.getPropertyPath().toString());
            }
            assertEquals(Set.of("age", "name"), paths);
            assertTrue(e.getMessage().contains("Hero.name"), e.getMessage());
            assertNull(valid.id);
            assertTrue(s.contains(valid) && s.contains(invalid));
            assertEquals("Moved", team.headquarters);
            assertThrows(ConstraintViolationException.class, s::flush); // still pending, still invalid
            try (Session check = engine(db).session()) {
                assertEquals(List.of(), heroNames(check));
                assertEquals("Sharp Tower", check.get(Team.class, teamId).orElseThrow().headquarters);
            }

            invalid.name = "Somebody";
            invalid.age = 1;
            s.commit();
            assertNotNull(valid.id);
            assertNotNull(invalid.id);
        }
        try (Session check = engine(db).session()) {
            assertEquals(List.of("Deadpond", "Somebody"), heroNames(check));
            assertEquals("Moved", check.get(Team.class, teamId).orElseThrow().headquarters);
        }
    }

    @DbTest
    void saveFailingValidationLeavesNothingInTheSession(Db db) {
        fresh(db);
        Session s = session(db);
        Hero kept = s.add(new Hero("Deadpond", "Dive Wilson", 30));
        Hero invalid = new Hero("", "Nobody", -1);
        assertThrows(ConstraintViolationException.class, () -> s.save(invalid));
        assertFalse(s.contains(invalid));
        assertNull(invalid.id);
        assertTrue(s.contains(kept));
        assertNull(kept.id);
        s.commit();
        try (Session check = engine(db).session()) {
            assertEquals(List.of("Deadpond"), heroNames(check));
        }
    }

    // ---- optimistic locking -----------------------------------------------------------------

    @DbTest
    void versionBumpsOnEveryUpdate(Db db) {
        fresh(db);
        Session s = session(db);
        Item item = s.add(new Item("first"));
        s.commit();
        assertEquals(0, item.version);
        item.title = "second";
        s.commit();
        assertEquals(1, item.version);
        item.title = "third";
        s.flush();
        assertEquals(2, item.version);
        s.flush(); // nothing changed: no bump
        assertEquals(2, item.version);
        s.commit();
        try (Session check = engine(db).session()) {
            Item stored = check.get(Item.class, item.id).orElseThrow();
            assertEquals("third", stored.title);
            assertEquals(2, stored.version);
        }
    }

    @DbTest
    void concurrentModificationIsStaleAndWritesNothing(Db db) {
        fresh(db);
        long id;
        try (Session s = engine(db).session()) {
            Item item = s.add(new Item("original"));
            s.commit();
            id = item.id;
        }
        Session mine = session(db);
        Item item = mine.get(Item.class, id).orElseThrow();
        mine.commit();
        try (Session theirs = engine(db).session()) {
            theirs.get(Item.class, id).orElseThrow().title = "theirs";
            theirs.commit();
        }
        Hero hero = mine.add(new Hero("Deadpond", "Dive Wilson", null));
        item.title = "mine";

        StaleObjectException e = assertThrows(StaleObjectException.class, mine::commit);
        assertTrue(e.getMessage().contains(Item.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("key " + id), e.getMessage());
        assertEquals(0, item.version); // the bump was undone
        assertNull(hero.id);
        assertTrue(mine.contains(hero));
        try (Session check = engine(db).session()) {
            Item stored = check.get(Item.class, id).orElseThrow();
            assertEquals("theirs", stored.title);
            assertEquals(1, stored.version);
            assertEquals(List.of(), heroNames(check));
        }

        mine.refresh(item); // take their version, then change it again
        assertEquals("theirs", item.title);
        item.title = "mine after all";
        mine.commit();
        assertEquals(2, item.version);
        assertNotNull(hero.id);

        try (Session theirs = engine(db).session()) {
            theirs.get(Item.class, id).orElseThrow().title = "theirs again";
            theirs.commit();
        }
        mine.delete(item);
        assertThrows(StaleObjectException.class, mine::commit);
        try (Session check = engine(db).session()) {
            assertEquals("theirs again", check.get(Item.class, id).orElseThrow().title);
        }
    }
}
