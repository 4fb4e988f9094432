package dev.sqlmodel.impl.stateless;

import static dev.sqlmodel.Sql.insert;
import static dev.sqlmodel.Sql.select;
import static dev.sqlmodel.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Engine;
import dev.sqlmodel.Expr;
import dev.sqlmodel.Field;
import dev.sqlmodel.IntegrityException;
import dev.sqlmodel.NoResultException;
import dev.sqlmodel.StaleObjectException;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.Table;
import dev.sqlmodel.impl.model.Hero;
import dev.sqlmodel.impl.model.Hero_;
import dev.sqlmodel.impl.model.Item;
import dev.sqlmodel.impl.model.Note;
import dev.sqlmodel.impl.model.Note_;
import dev.sqlmodel.impl.model.Team;
import dev.sqlmodel.impl.model.Team_;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The stateless session: no identity map, writes sent when called, each call its own statement. */
class StatelessSessionTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Team.class, Hero.class, Item.class, Note.class, Gadget.class, Badge.class};
    }

    /** A model whose database fills in a generated key, a default and a computed column. */
    @Table(name = "sl_gadget")
    public static class Gadget {
        @Field(primaryKey = true) public Long id;
        @Field(unique = true, maxLength = 40, nullable = false) public String name;
        public Integer size;
        @Field(computed = true, sqlDefault = "size * 2") public Integer doubled;
        @Field(maxLength = 20, sqlDefault = "'new'") public String status;

        public Gadget() {
        }

        Gadget(String name, int size) {
            this.name = name;
            this.size = size;
        }
    }

    /** A record model with a generated key and a default. */
    @Table(name = "sl_badge")
    public record Badge(@Field(primaryKey = true) Long id, @Field(unique = true, maxLength = 40) String label,
            @Field(maxLength = 20, sqlDefault = "'plain'") String kind) {
    }

    private static long count(StatelessSession db, Class<?> model) {
        return db.exec(select(Expr.count()).from(model)).one();
    }

    @DbTest
    void insertGetUpdateAndDeleteAHero(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            Hero deadpond = new Hero("Deadpond", "Dive Wilson", 30);
            Hero stored = s.insert(deadpond);
            assertTrue(stored == deadpond, "a class instance is stored as it is");
            assertNotNull(deadpond.id, "the generated key is set");

            Hero first = s.get(Hero.class, deadpond.id).orElseThrow();
            Hero second = s.get(Hero.class, deadpond.id).orElseThrow();
            assertNotSame(first, second, "no identity map: every read is a new instance");
            assertNotSame(deadpond, first);
            assertEquals("Dive Wilson", first.secretName);

            first.age = 31;
            first.secretName = null;
            s.update(first);
            Hero again = s.exec(select(Hero.class).where(Hero_.id.eq(deadpond.id))).one();
            assertEquals(31, again.age);
            assertNull(again.secretName, "update writes every column, nulls included");

            assertTrue(s.delete(again));
            assertFalse(s.delete(again), "the row is gone already");
            assertTrue(s.get(Hero.class, deadpond.id).isEmpty());
        }
    }

    @DbTest
    void updateOfAMissingRowIsStale(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            Hero ghost = new Hero("Ghost", null, 1);
            ghost.id = 424242L;
            StaleObjectException e = assertThrows(StaleObjectException.class, () -> s.update(ghost));
            assertTrue(e.getMessage().contains(Hero.class.getName()) && e.getMessage().contains("424242"), e.getMessage());
            Hero unsaved = new Hero("Unsaved", null, 1);
            assertThrows(IllegalArgumentException.class, () -> s.update(unsaved));
            assertThrows(IllegalArgumentException.class, () -> s.delete(unsaved));
        }
    }

    @DbTest
    void insertAllOfAThousandTeamsWritesNoneWhenOneBreaksAUniqueKey(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            List<Team> teams = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                teams.add(new Team("Team " + i, "HQ " + i));
            }
            teams.get(699).name = "Team 3"; // the 700th row breaks the unique name
            assertThrows(IntegrityException.class, () -> s.insertAll(teams));
            assertEquals(0L, count(s, Team.class), "nothing of the call was written");
            assertTrue(teams.stream().allMatch(t -> t.id == null), "keys set on earlier chunks are put back");
            assertEquals(0, engine.stats().active(), "the connection of the call is back in the pool");

            teams.get(699).name = "Team 699";
            List<Team> stored = s.insertAll(teams);
            assertEquals(1000, stored.size());
            Set<Long> ids = new HashSet<>();
            for (int i = 0; i < 1000; i++) {
                assertTrue(stored.get(i) == teams.get(i));
                assertNotNull(teams.get(i).id);
                ids.add(teams.get(i).id);
            }
            assertEquals(1000, ids.size(), "every row has its own generated key");
            Team t500 = s.get(Team.class, teams.get(500).id).orElseThrow();
            assertEquals("Team 500", t500.name, "keys are given back in row order");
            assertEquals(1000L, count(s, Team.class));
        }
    }

    @DbTest
    void insertAllOfRowsWithAndWithoutKeysGroupsThemAndPutsEveryKeyBackOnFailure(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            List<Team> teams = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Team t = new Team("Mixed " + i, "HQ " + i);
                if (i % 2 == 1) {
                    t.id = -1000L - i; // rows with a key of their own go into an INSERT of their own shape (below
                    // every generated key: MariaDB moves its counter past an explicit key, even one rolled back)
                }
                teams.add(t);
            }
            teams.get(5).name = "Mixed 0"; // the last row of the second shape breaks the unique name
            assertThrows(IntegrityException.class, () -> s.insertAll(teams));
            assertEquals(0L, count(s, Team.class), "nothing of the call was written");
            for (int i = 0; i < 6; i++) {
                assertEquals(i % 2 == 1 ? Long.valueOf(-1000L - i) : null, teams.get(i).id,
                        "row " + i + " has the key it had before the call");
            }

            teams.get(5).name = "Mixed 5";
            s.insertAll(teams);
            for (int i = 0; i < 6; i++) {
                Team t = teams.get(i);
                assertNotNull(t.id);
                assertEquals("Mixed " + i, s.get(Team.class, t.id).orElseThrow().name, "row " + i + " kept its key");
            }
            assertEquals(6L, count(s, Team.class));
        }
    }

    @DbTest
    void invalidModelsAreRefusedBeforeAnythingIsWritten(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            ConstraintViolationException e = assertThrows(ConstraintViolationException.class,
                    () -> s.insert(new Hero(" ", "Nobody", 20)));
            assertTrue(e.getMessage().contains("name"), e.getMessage());
            List<Hero> heroes = List.of(new Hero("Rusty-Man", null, 48), new Hero("Tarantula", null, -1));
            assertThrows(ConstraintViolationException.class, () -> s.insertAll(heroes));
            assertEquals(0L, count(s, Hero.class));

            Hero ok = s.insert(new Hero("Spider-Boy", "Pedro", 18));
            ok.age = -5;
            assertThrows(ConstraintViolationException.class, () -> s.update(ok));
            assertEquals(18, s.get(Hero.class, ok.id).orElseThrow().age);
        }
    }

    @DbTest
    void versionedRowsAreCheckedOnUpdateAndDelete(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            Item item = s.insert(new Item("first"));
            Item copy = s.get(Item.class, item.id).orElseThrow();
            item.title = "second";
            s.update(item);
            assertEquals(copy.version + 1, item.version, "the version went up");
            copy.title = "lost update";
            assertThrows(StaleObjectException.class, () -> s.update(copy));
            assertThrows(StaleObjectException.class, () -> s.delete(copy));
            assertEquals("second", s.get(Item.class, item.id).orElseThrow().title);
            assertTrue(s.delete(item));
        }
    }

    @DbTest
    void upsertInsertsThenUpdatesByKey(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            Team preventers = s.upsert(new Team("Preventers", "Sharp Tower"));
            assertNotNull(preventers.id, "a new row gets its generated key");
            preventers.headquarters = "Sister Margaret's Bar";
            s.upsert(preventers);
            Team keyed = new Team("Z-Force", "Sister Margaret's Bar");
            keyed.id = 9000L;
            s.upsert(keyed);
            keyed.headquarters = "Moved";
            s.upsert(keyed);
            assertEquals(2L, count(s, Team.class));
            assertEquals("Sister Margaret's Bar", s.get(Team.class, preventers.id).orElseThrow().headquarters);
            assertEquals("Moved", s.get(Team.class, 9000L).orElseThrow().headquarters);
        }
    }

    @DbTest
    void recordsComeBackAsNewRecordsCarryingTheirKeys(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            Note draft = new Note(null, "Remember the milk", 3);
            Note stored = s.insert(draft);
            assertNull(draft.id());
            assertNotNull(stored.id());
            List<Note> more = s.insertAll(List.of(new Note(null, "a", 1), new Note(null, "b", 2)));
            assertTrue(more.stream().allMatch(n -> n.id() != null));
            s.update(new Note(stored.id(), "Remember the oat milk", 4));
            assertEquals(new Note(stored.id(), "Remember the oat milk", 4), s.get(Note.class, stored.id()).orElseThrow());
            assertEquals(List.of("a", "b"), s.exec(select(Note_.body).where(Note_.stars.lt(3)).orderBy(Note_.body.asc())).all());
            assertThrows(UnsupportedOperationException.class, () -> s.refresh(stored));
        }
    }

    @DbTest
    void keysDefaultsAndComputedValuesComeBackAndArePutBackOnFailure(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            List<Gadget> gadgets = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                gadgets.add(new Gadget("Gadget " + i, i));
            }
            gadgets.get(3).status = "used"; // a row giving its own value leaves fewer columns to the database
            gadgets.get(1).doubled = 99; // what the application holds in a computed field until the row is stored
            gadgets.get(4).name = "Gadget 0"; // breaks the unique name, in the last INSERT sent
            assertThrows(IntegrityException.class, () -> s.insertAll(gadgets));
            assertEquals(0L, count(s, Gadget.class), "nothing of the call was written");
            for (int i = 0; i < 5; i++) {
                Gadget g = gadgets.get(i);
                assertNull(g.id, "row " + i + " has no key again");
                assertEquals(i == 1 ? Integer.valueOf(99) : null, g.doubled, "row " + i + " has its computed value back");
                assertEquals(i == 3 ? "used" : null, g.status, "row " + i + " has its status back");
            }

            gadgets.get(4).name = "Gadget 4";
            List<Gadget> stored = s.insertAll(gadgets);
            for (int i = 0; i < 5; i++) {
                Gadget g = gadgets.get(i);
                assertTrue(stored.get(i) == g, "a class model is stored in place");
                assertNotNull(g.id);
                assertEquals(2 * i, g.doubled, "row " + i + " has the value its database computed");
                assertEquals(i == 3 ? "used" : "new", g.status, "row " + i + " has its default or its own value");
                Gadget read = s.get(Gadget.class, g.id).orElseThrow();
                assertEquals(g.name, read.name);
                assertEquals(g.status, read.status);
            }

            List<Badge> badges = List.of(new Badge(null, "gold", null), new Badge(null, "silver", "shiny"));
            List<Badge> kept = s.insertAll(badges);
            assertNull(badges.get(0).id(), "a record given is left as it was");
            assertEquals("plain", kept.get(0).kind(), "a new record carries the default");
            assertEquals("shiny", kept.get(1).kind());
            assertEquals(kept.get(0), s.get(Badge.class, kept.get(0).id()).orElseThrow());
            assertEquals(kept.get(1), s.get(Badge.class, kept.get(1).id()).orElseThrow());
        }
    }

    @DbTest
    void aTransactionCommitsItsBodyOrNothing(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            long id = s.transaction(() -> {
                s.insert(new Team("Preventers", "Sharp Tower"));
                return s.insert(new Team("Z-Force", "Sister Margaret's Bar")).id;
            });
            assertTrue(s.get(Team.class, id).isPresent());
            IllegalStateException boom = assertThrows(IllegalStateException.class, () -> s.transaction(() -> {
                s.insert(new Team("Avengers", "Tower"));
                s.execute(update(Team.class).set(Team_.headquarters, "Nowhere"));
                throw new IllegalStateException("boom");
            }));
            assertEquals("boom", boom.getMessage());
            assertEquals(2L, count(s, Team.class), "the body's inserts were rolled back");
            assertEquals(0L, s.exec(select(Expr.count()).from(Team.class).where(Team_.headquarters.eq("Nowhere"))).one());
            assertEquals(0, engine.stats().active());
        }
    }

    @DbTest
    void outsideATransactionEachCallCommitsByItself(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            s.insert(new Team("Preventers", "Sharp Tower"));
            assertThrows(IntegrityException.class, () -> s.insert(new Team("Preventers", "Elsewhere")));
            try (StatelessSession other = engine.stateless()) {
                assertEquals(1L, count(other, Team.class), "the first insert is committed");
            }
            assertEquals(2L, s.execute(insert(Team.class).values(new Team("A", null), new Team("B", null))));
            assertEquals(3L, s.execute(update(Team.class).set(Team_.headquarters, "HQ")));
            assertEquals(0, engine.stats().active(), "no call keeps a connection");
        }
    }

    @DbTest
    void refreshReadsTheRowAgain(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            Hero h = s.insert(new Hero("Deadpond", "Dive Wilson", 30));
            s.execute(update(Hero.class).set(Hero_.age, 40).where(Hero_.id.eq(h.id)));
            s.refresh(h);
            assertEquals(40, h.age);
            s.delete(h);
            assertThrows(NoResultException.class, () -> s.refresh(h));
        }
    }

    @DbTest
    void connectionIsKeptUntilClose(Db db) {
        Engine engine = fresh(db);
        StatelessSession s = engine.stateless();
        try {
            java.sql.Connection c = s.connection();
            assertEquals(1, engine.stats().active());
            s.insert(new Team("Preventers", "Sharp Tower"));
            assertTrue(s.connection() == c);
            assertEquals(1, engine.stats().active(), "later calls use the kept connection");
        } finally {
            s.close();
        }
        assertEquals(0, engine.stats().active());
        assertThrows(IllegalStateException.class, () -> s.get(Team.class, 1L));
    }
}
