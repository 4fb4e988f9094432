package dev.sqlmodel.impl.session;

import static dev.sqlmodel.Sql.delete;
import static dev.sqlmodel.Sql.insert;
import static dev.sqlmodel.Sql.select;
import static dev.sqlmodel.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Expr;
import dev.sqlmodel.IntegrityException;
import dev.sqlmodel.Key;
import dev.sqlmodel.MappingException;
import dev.sqlmodel.NoResultException;
import dev.sqlmodel.Session;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.impl.model.Book;
import dev.sqlmodel.impl.model.Book_;
import dev.sqlmodel.impl.model.Hero;
import dev.sqlmodel.impl.model.Hero_;
import dev.sqlmodel.impl.model.Link;
import dev.sqlmodel.impl.model.Note;
import dev.sqlmodel.impl.model.Note_;
import dev.sqlmodel.impl.model.Shelf;
import dev.sqlmodel.impl.model.Team;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The unit of work: identity map, pending changes, dirty checking and the order of a flush. */
class UnitOfWorkTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Team.class, Hero.class, Link.class, Note.class, Shelf.class, Book.class};
    }

    /** A class without {@code @Table}: it can be validated, never stored. */
    static class HeroForm {
        public String name;
    }

    private long storeHero(Db db, String name, String secretName, Integer age) {
        try (Session s = engine(db).session()) {
            Hero h = s.add(new Hero(name, secretName, age));
            s.commit();
            return h.id;
        }
    }

    private long count(Db db, Class<?> model) {
        try (Session s = engine(db).session()) {
            return s.exec(select(Expr.count()).from(model)).one();
        }
    }

    private Hero read(Db db, long id) {
        try (Session s = engine(db).session()) {
            return s.get(Hero.class, id).orElseThrow();
        }
    }

    // ---- identity map ---------------------------------------------------------------------

    @DbTest
    void oneInstancePerKeyAcrossGetQueriesAndExec(Db db) {
        fresh(db);
        long id = storeHero(db, "Deadpond", "Dive Wilson", 30);
        Session s = session(db);
        Hero byGet = s.get(Hero.class, id).orElseThrow();
        Hero byQuery = s.exec(select(Hero.class).where(Hero_.name.eq("Deadpond"))).one();
        Hero byOtherQuery = s.exec(select(Hero.class).where(Hero_.age.gt(1))).all().get(0);
        Hero byStream = s.exec(select(Hero.class)).stream().findFirst().orElseThrow();
        assertSame(byGet, byQuery);
        assertSame(byGet, byOtherQuery);
        assertSame(byGet, byStream);
        assertSame(byGet, s.get(Hero.class, (int) id).orElseThrow()); // the key is converted to the field type
        assertTrue(s.contains(byGet));
        s.commit(); // SQLite: end the transaction (it holds the write lock) before another session reads
        // another session has its own instance
        try (Session other = engine(db).session()) {
            assertNotSame(byGet, other.get(Hero.class, id).orElseThrow());
        }
    }

    @DbTest
    void queryDoesNotOverwriteAnAttachedInstanceRefreshDoes(Db db) {
        fresh(db);
        long id = storeHero(db, "Deadpond", "Dive Wilson", 30);
        Session s = session(db);
        Hero h = s.get(Hero.class, id).orElseThrow();
        s.commit();
        try (Session other = engine(db).session()) {
            other.execute(update(Hero.class).set(Hero_.age, 31).where(Hero_.id.eq(id)));
            other.commit();
        }
        assertSame(h, s.exec(select(Hero.class).where(Hero_.id.eq(id))).one());
        assertEquals(30, h.age); // the session's instance wins until refreshed
        s.refresh(h);
        assertEquals(31, h.age);
    }

    @DbTest
    void addAddAllDeleteEvictClearAndContains(Db db) {
        fresh(db);
        Session s = session(db);
        Hero a = new Hero("Deadpond", "Dive Wilson", null);
        Hero b = new Hero("Spider-Boy", "Pedro Parqueador", null);
        Hero c = new Hero("Rusty-Man", "Tommy Sharp", 48);
        assertFalse(s.contains(a));
        assertSame(a, s.add(a));
        assertSame(a, s.add(a)); // adding twice is harmless
        s.addAll(List.of(b, c));
        assertTrue(s.contains(a) && s.contains(b) && s.contains(c));

        s.delete(b); // never stored: simply forgotten
        assertFalse(s.contains(b));
        s.evict(c);
        assertFalse(s.contains(c));
        s.commit();
        assertNotNull(a.id);
        assertNull(b.id);
        assertNull(c.id);
        assertEquals(1, count(db, Hero.class));

        s.delete(a);
        assertFalse(s.contains(a));
        s.add(a); // changed its mind before the flush
        assertTrue(s.contains(a));
        s.commit();
        assertEquals(1, count(db, Hero.class));

        s.delete(a);
        s.commit();
        assertFalse(s.contains(a));
        assertEquals(0, count(db, Hero.class));

        Hero d = s.add(new Hero("Tarantula", "Natalia Roman-on", 32));
        s.commit();
        s.clear();
        assertFalse(s.contains(d));
        Hero again = s.get(Hero.class, d.id).orElseThrow();
        assertNotSame(d, again);
        assertEquals("Tarantula", again.name);
        s.evict(again);
        assertNotSame(again, s.get(Hero.class, d.id).orElseThrow());
    }

    @DbTest
    void deletedInstancesAreGoneFromGetAndEvictedChangesAreNotWritten(Db db) {
        fresh(db);
        long a = storeHero(db, "Deadpond", "Dive Wilson", 30);
        long b = storeHero(db, "Spider-Boy", "Pedro Parqueador", 15);
        Session s = session(db);
        Hero deadpond = s.get(Hero.class, a).orElseThrow();
        Hero spiderBoy = s.get(Hero.class, b).orElseThrow();
        s.delete(deadpond);
        assertTrue(s.get(Hero.class, a).isEmpty());
        spiderBoy.age = 99;
        s.evict(spiderBoy);
        s.commit();
        assertEquals(1, count(db, Hero.class));
        assertEquals(15, read(db, b).age);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.refresh(s.add(new Hero("New", null, null))));
        assertTrue(e.getMessage().contains(Hero.class.getName()), e.getMessage());
    }

    @DbTest
    void addRejectsAPlainDataModelAndASecondInstanceForTheSameKey(Db db) {
        fresh(db);
        long id = storeHero(db, "Deadpond", "Dive Wilson", 30);
        Session s = session(db);
        MappingException notATable = assertThrows(MappingException.class, () -> s.add(new HeroForm()));
        assertTrue(notATable.getMessage().contains(HeroForm.class.getName()), notATable.getMessage());
        s.get(Hero.class, id).orElseThrow();
        Hero copy = new Hero("Deadpond", "Dive Wilson", 30);
        copy.id = id;
        assertThrows(SqlModelException.class, () -> s.add(copy));
        assertFalse(s.contains(copy));
    }

    // ---- dirty checking -------------------------------------------------------------------

    @DbTest
    void dirtyCheckingWritesOnlyTheChangedColumn(Db db) {
        fresh(db);
        long id = storeHero(db, "Spider-Boy", "Pedro Parqueador", 15);
        Session s = session(db);
        Hero h = s.get(Hero.class, id).orElseThrow();
        s.commit(); // the instance stays attached with its snapshot
        try (Session other = engine(db).session()) {
            other.execute(update(Hero.class).set(Hero_.secretName, "Pedro P.").where(Hero_.id.eq(id)));
            other.commit();
        }
        h.age = 16;
        s.commit();
        Hero stored = read(db, id);
        assertEquals(16, stored.age);
        assertEquals("Pedro P.", stored.secretName); // the other writer's column was not overwritten
        assertEquals("Pedro Parqueador", h.secretName);
    }

    @DbTest
    void unchangedInstancesAreNotUpdatedAndAChangeIsOneUpdateOfThatColumn(Db db) {
        fresh(db);
        long id = storeHero(db, "Spider-Boy", "Pedro Parqueador", 15);
        try (TrackedEngine tracked = TrackedEngine.over(engine(db), models());
                Session s = tracked.engine().session()) {
            Hero h = s.get(Hero.class, id).orElseThrow();
            h.age = Integer.valueOf(15 + h.age - 15); // equal values are no change
            h.name = new String("Spider-Boy");
            tracked.reset();
            s.commit();
            assertEquals(List.of(), tracked.executed("UPDATE"));
            assertEquals(List.of(), tracked.executed());

            h.age = 16;
            s.flush();
            List<String> updates = tracked.executed("UPDATE");
            assertEquals(1, updates.size(), updates.toString());
            String sql = updates.get(0).toLowerCase();
            assertTrue(sql.contains("age"), sql);
            assertFalse(sql.contains("name"), sql);
            assertFalse(sql.contains("team_id"), sql);
            tracked.reset();
            s.flush(); // flushed once: nothing left
            assertEquals(List.of(), tracked.executed());
            s.commit();
        }
        assertEquals(16, read(db, id).age);
    }

    @DbTest
    void changesToDifferentColumnsGoOutAsOneUpdatePerColumnSet(Db db) {
        fresh(db);
        long[] ids = new long[4];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = storeHero(db, "Hero " + i, "Secret " + i, 20 + i);
        }
        try (TrackedEngine tracked = TrackedEngine.over(engine(db), models());
                Session s = tracked.engine().session()) {
            List<Hero> heroes = new ArrayList<>();
            for (long id : ids) {
                heroes.add(s.get(Hero.class, id).orElseThrow());
            }
            heroes.get(0).age = 40;
            heroes.get(1).name = "Renamed";
            heroes.get(2).age = 42;
            heroes.get(3).name = "Both";
            heroes.get(3).age = null;
            tracked.reset();
            s.flush();
            List<String> updates = tracked.executed("UPDATE");
            assertEquals(3, updates.stream().distinct().count(), updates.toString()); // age; name; name and age
            // The same column sets again in the next flush: the same statements, values of their own.
            heroes.get(0).age = 50;
            heroes.get(2).name = "Second";
            heroes.get(3).name = "Again";
            heroes.get(3).age = 7;
            s.commit();
        }
        Session check = session(db);
        List<Hero> stored = check.exec(select(Hero.class).orderBy(Hero_.id.asc())).all();
        assertEquals(List.of("Hero 0", "Renamed", "Second", "Again"), stored.stream().map(h -> h.name).toList());
        assertEquals(Arrays.asList(50, 21, 42, 7), stored.stream().map(h -> h.age).toList());
        assertEquals(List.of("Secret 0", "Secret 1", "Secret 2", "Secret 3"),
                stored.stream().map(h -> h.secretName).toList());
    }

    // ---- flush order and generated keys ---------------------------------------------------

    @DbTest
    void flushInsertsParentsBeforeChildrenAndDeletesChildrenFirst(Db db) {
        fresh(db);
        Session s = session(db);
        // the foreign key is enforced: a book cannot name a shelf that does not exist
        assertThrows(IntegrityException.class,
                () -> s.execute(insert(Book.class).values(new Book("0-0", "Orphan", "NOWHERE"))));
        s.rollback();

        Book book = s.add(new Book("1-1", "Heroes 101", "A1"));
        Book other = s.add(new Book("1-2", "Villains 101", "A1"));
        Shelf shelf = s.add(new Shelf("A1", "Tutorials")); // added after its children
        s.commit();
        assertEquals(1, count(db, Shelf.class));
        try (Session check = engine(db).session()) {
            assertEquals(List.of("1-1", "1-2"),
                    check.exec(select(Book_.isbn).where(Book_.shelfCode.eq("A1")).orderBy(Book_.isbn.asc())).all());
        }

        s.delete(shelf); // deleted before its children
        s.delete(book);
        s.delete(other);
        s.commit();
        assertEquals(0, count(db, Book.class));
        assertEquals(0, count(db, Shelf.class));
    }

    @DbTest
    void fifteenHundredHeroesInOneFlushGetConsecutiveIds(Db db) {
        fresh(db);
        Session s = session(db);
        List<Hero> heroes = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            heroes.add(new Hero("Hero " + i, "Secret " + i, i % 90));
        }
        s.addAll(heroes);
        s.flush();
        long first = heroes.get(0).id;
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < heroes.size(); i++) {
            assertEquals(first + i, heroes.get(i).id, "id of hero " + i);
            ids.add(heroes.get(i).id);
        }
        assertEquals(1500, ids.size());
        s.commit();
        try (Session check = engine(db).session()) {
            assertEquals(1500L, check.exec(select(Expr.count()).from(Hero.class)).one());
            for (int i : new int[] {0, 999, 1000, 1499}) {
                Hero h = check.get(Hero.class, heroes.get(i).id).orElseThrow();
                assertEquals("Hero " + i, h.name);
                assertEquals("Secret " + i, h.secretName);
            }
        }
        assertSame(heroes.get(1234), s.get(Hero.class, heroes.get(1234).id).orElseThrow());
    }

    // ---- save, records, refresh, get --------------------------------------------------------

    @DbTest
    void saveOfARecordReturnsANewInstanceWithTheGeneratedId(Db db) {
        fresh(db);
        Session s = session(db);
        Note draft = new Note(null, "Remember the milk", 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.add(draft));
        assertTrue(e.getMessage().contains(Note.class.getName()), e.getMessage());
        assertFalse(s.contains(draft));

        Note stored = s.save(draft);
        assertNotSame(draft, stored);
        assertNull(draft.id());
        assertNotNull(stored.id());
        assertEquals("Remember the milk", stored.body());
        assertEquals(3, stored.stars());
        assertTrue(s.contains(stored));
        assertFalse(s.contains(draft));
        assertSame(stored, s.get(Note.class, stored.id()).orElseThrow());
        s.commit();
        try (Session check = engine(db).session()) {
            assertEquals(stored, check.get(Note.class, stored.id()).orElseThrow());
        }
    }

    @DbTest
    void aRecordAddedWithItsKeyIsInserted(Db db) {
        fresh(db);
        Session s = session(db);
        Note note = new Note(41L, "Chosen key", 5);
        assertSame(note, s.add(note));
        s.commit();
        try (Session check = engine(db).session()) {
            assertEquals(note, check.get(Note.class, 41L).orElseThrow());
            assertEquals(List.of("Chosen key"), check.exec(select(Note_.body)).all());
        }
    }

    @DbTest
    void saveOfAClassModelReturnsTheSameInstanceWrittenNow(Db db) {
        fresh(db);
        Session s = session(db);
        Hero h = new Hero("Dr. Weird", "Steve Weird", 36);
        assertSame(h, s.save(h));
        assertNotNull(h.id);
        assertTrue(s.contains(h));
        h.age = 37;
        assertSame(h, s.save(h)); // saving an attached, changed instance writes the change
        s.commit();
        assertEquals(37, read(db, h.id).age);
    }

    @DbTest
    void refreshDiscardsUnflushedChangesAndFailsWhenTheRowIsGone(Db db) {
        fresh(db);
        long id = storeHero(db, "Black Lion", "Trevor Challa", 35);
        Session s = session(db);
        Hero h = s.get(Hero.class, id).orElseThrow();
        h.age = 99;
        h.name = "Changed";
        s.refresh(h);
        assertEquals(35, h.age);
        assertEquals("Black Lion", h.name);
        s.commit();
        assertEquals(35, read(db, id).age); // the discarded change was never written

        s.execute(delete(Hero.class).where(Hero_.id.eq(id)));
        NoResultException gone = assertThrows(NoResultException.class, () -> s.refresh(h));
        assertTrue(gone.getMessage().contains(Hero.class.getName()), gone.getMessage());
    }

    @DbTest
    void getWithACompositeKey(Db db) {
        fresh(db);
        long heroId = storeHero(db, "Deadpond", "Dive Wilson", null);
        Session s = session(db);
        Team team = s.add(new Team("Preventers", "Sharp Tower"));
        s.flush();
        Link link = s.add(new Link(heroId, team.id, true));
        s.commit();
        assertSame(link, s.get(Link.class, Key.of(heroId, team.id)).orElseThrow());
        try (Session other = engine(db).session()) {
            Link loaded = other.get(Link.class, Key.of(heroId, team.id)).orElseThrow();
            assertTrue(loaded.isTraining);
            assertSame(loaded, other.get(Link.class, Key.of((int) heroId, team.id)).orElseThrow());
            assertTrue(other.get(Link.class, Key.of(team.id, heroId + 1000)).isEmpty());
            MappingException one = assertThrows(MappingException.class, () -> other.get(Link.class, heroId));
            assertTrue(one.getMessage().contains(Link.class.getName()), one.getMessage());
            assertThrows(MappingException.class, () -> other.get(Link.class, Key.of(heroId)));
            assertThrows(MappingException.class, () -> other.get(Link.class, Key.of(heroId, team.id, 1L)));
            assertThrows(MappingException.class, () -> other.get(Hero.class, Key.of(heroId, team.id)));
        }
    }

    @DbTest
    void aDetachedInstanceAddedToANewSessionIsUpdated(Db db) {
        fresh(db);
        Hero h;
        try (Session s = engine(db).session()) {
            h = s.add(new Hero("Rusty-Man", "Tommy Sharp", 48));
            s.commit();
        }
        long id = h.id;
        h.age = 49;
        try (Session s = engine(db).session()) {
            assertSame(h, s.add(h));
            s.commit();
            assertEquals(id, h.id);
        }
        assertEquals(1, count(db, Hero.class));
        assertEquals(49, read(db, id).age);
    }

    // ---- autoflush and bulk statements ------------------------------------------------------

    @DbTest
    void queriesAndStatementsSeeWhatWasAdded(Db db) {
        fresh(db);
        Session s = session(db);
        Hero h = s.add(new Hero("Tarantula", "Natalia Roman-on", 32));
        assertSame(h, s.exec(select(Hero.class).where(Hero_.name.eq("Tarantula"))).one());
        assertNotNull(h.id);
        Hero later = s.add(new Hero("Dr. Weird", "Steve Weird", 36));
        assertEquals(1L, s.execute(update(Hero.class).set(Hero_.secretName, "S. W.").where(Hero_.name.eq("Dr. Weird"))));
        assertNotNull(later.id);
        h.age = 33;
        assertEquals(List.of("Tarantula"), s.exec(select(Hero_.name).where(Hero_.age.eq(33))).all());
        s.commit();
        assertEquals("S. W.", read(db, later.id).secretName);
    }

    @DbTest
    void bulkStatementsLeaveAttachedInstancesUntilRefreshed(Db db) {
        fresh(db);
        Session s = session(db);
        Hero a = s.add(new Hero("Deadpond", "Dive Wilson", 30));
        Hero b = s.add(new Hero("Spider-Boy", "Pedro Parqueador", 15));
        s.flush();
        assertEquals(2L, s.execute(update(Hero.class).set(Hero_.age, 50).where(Hero_.age.lt(40))));
        assertEquals(30, a.age);
        assertEquals(15, b.age);
        assertEquals(List.of(50, 50), s.exec(select(Hero_.age)).all());
        s.refresh(a);
        assertEquals(50, a.age);
        assertEquals(15, b.age);

        assertEquals(1L, s.execute(delete(Hero.class).where(Hero_.id.eq(b.id))));
        assertTrue(s.contains(b));
        assertEquals("Spider-Boy", b.name);
        assertThrows(NoResultException.class, () -> s.refresh(b));
        s.commit();
        assertEquals(1, count(db, Hero.class));
        assertEquals(50, read(db, a.id).age);
    }
}
