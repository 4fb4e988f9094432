package dev.sqlmodel.impl.session;

import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Expr;
import dev.sqlmodel.MultipleResultsException;
import dev.sqlmodel.NoResultException;
import dev.sqlmodel.Session;
import dev.sqlmodel.impl.model.Hero;
import dev.sqlmodel.impl.model.Hero_;
import dev.sqlmodel.impl.model.Team;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.util.List;
import java.util.Optional;

/** The SQLModel tutorial, chapter by chapter, on every database. */
class TutorialTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Team.class, Hero.class};
    }

    private void createHeroes(Db db) {
        fresh(db);
        try (Session s = engine(db).session()) {
            s.add(new Hero("Deadpond", "Dive Wilson", null));
            s.add(new Hero("Spider-Boy", "Pedro Parqueador", null));
            s.add(new Hero("Rusty-Man", "Tommy Sharp", 48));
            s.add(new Hero("Tarantula", "Natalia Roman-on", 32));
            s.add(new Hero("Black Lion", "Trevor Challa", 35));
            s.add(new Hero("Dr. Weird", "Steve Weird", 36));
            s.add(new Hero("Captain North America", "Esteban Rogelios", 93));
            s.commit();
        }
    }

    @DbTest
    void createHeroesGetsAutomaticIdsAfterCommit(Db db) {
        fresh(db);
        Session s = session(db);
        Hero a = new Hero("Deadpond", "Dive Wilson", null);
        Hero b = new Hero("Spider-Boy", "Pedro Parqueador", null);
        assertSame(a, s.add(a));
        s.add(b);
        assertNull(a.id);
        s.commit();
        assertNotNull(a.id);
        assertEquals(a.id + 1, b.id);
        assertTrue(s.contains(a));
        assertEquals("Deadpond", a.name); // no expiry after commit
    }

    @DbTest
    void selectAllHeroesInInsertOrder(Db db) {
        createHeroes(db);
        List<Hero> heroes = session(db).exec(select(Hero.class).orderBy(Hero_.id.asc())).all();
        assertEquals(7, heroes.size());
        assertEquals("Deadpond", heroes.get(0).name);
        assertEquals("Dive Wilson", heroes.get(0).secretName);
        assertNull(heroes.get(0).age);
        assertEquals(48, heroes.get(2).age);
    }

    @DbTest
    void whereWithEveryComparison(Db db) {
        createHeroes(db);
        Session s = session(db);
        assertEquals(List.of("Deadpond"), names(s, Hero_.name.eq("Deadpond")));
        assertEquals(6, names(s, Hero_.name.ne("Deadpond")).size());
        assertEquals(List.of("Tarantula", "Black Lion"), names(s, Hero_.age.lt(36)));
        assertEquals(List.of("Tarantula", "Black Lion", "Dr. Weird"), names(s, Hero_.age.le(36)));
        assertEquals(List.of("Rusty-Man", "Captain North America"), names(s, Hero_.age.gt(36)));
        assertEquals(List.of("Rusty-Man", "Dr. Weird", "Captain North America"), names(s, Hero_.age.ge(36)));
        assertEquals(List.of("Deadpond", "Spider-Boy"), names(s, Hero_.age.isNull()));
        assertEquals(List.of("Black Lion", "Dr. Weird"), names(s, Hero_.age.between(35, 36)));
        assertEquals(List.of("Rusty-Man", "Tarantula"), names(s, Hero_.age.in(48, 32)));
    }

    @DbTest
    void whereWithAndOrAndRepeatedWhere(Db db) {
        createHeroes(db);
        Session s = session(db);
        List<Hero> between = s.exec(select(Hero.class).where(Hero_.age.ge(35)).where(Hero_.age.lt(40))
                .orderBy(Hero_.id.asc())).all();
        assertEquals(List.of("Black Lion", "Dr. Weird"), between.stream().map(h -> h.name).toList());
        List<String> either = names(s, Expr.or(Hero_.age.le(35), Hero_.age.gt(90)));
        assertEquals(List.of("Tarantula", "Black Lion", "Captain North America"), either);
        List<String> both = names(s, Hero_.age.ge(35).and(Hero_.name.startsWith("D")));
        assertEquals(List.of("Dr. Weird"), both);
        assertEquals(List.of("Deadpond"), s.exec(select(Hero_.name).where(Hero_.age.isNull())
                .orWhere(Hero_.name.eq("x")).where(Hero_.secretName.contains("Dive"))).all());
    }

    @DbTest
    void limitAndOffsetPage(Db db) {
        createHeroes(db);
        Session s = session(db);
        List<String> first = s.exec(select(Hero_.name).orderBy(Hero_.id.asc()).limit(3)).all();
        List<String> second = s.exec(select(Hero_.name).orderBy(Hero_.id.asc()).offset(3).limit(3)).all();
        List<String> rest = s.exec(select(Hero_.name).orderBy(Hero_.id.asc()).offset(6)).all();
        assertEquals(List.of("Deadpond", "Spider-Boy", "Rusty-Man"), first);
        assertEquals(List.of("Tarantula", "Black Lion", "Dr. Weird"), second);
        assertEquals(List.of("Captain North America"), rest);
    }

    @DbTest
    void firstOneAndGet(Db db) {
        createHeroes(db);
        Session s = session(db);
        assertEquals("Tarantula", s.exec(select(Hero.class).where(Hero_.age.le(35)).orderBy(Hero_.id.asc())).first()
                .orElseThrow().name);
        assertTrue(s.exec(select(Hero.class).where(Hero_.age.lt(25))).first().isEmpty());
        assertEquals("Deadpond", s.exec(select(Hero.class).where(Hero_.name.eq("Deadpond"))).one().name);
        assertThrows(MultipleResultsException.class, () -> s.exec(select(Hero.class).where(Hero_.age.le(35))).one());
        assertThrows(NoResultException.class, () -> s.exec(select(Hero.class).where(Hero_.age.lt(25))).one());
        assertTrue(s.exec(select(Hero.class).where(Hero_.age.lt(25))).oneOrNone().isEmpty());
        Hero byQuery = s.exec(select(Hero.class).where(Hero_.name.eq("Rusty-Man"))).one();
        Optional<Hero> byId = s.get(Hero.class, byQuery.id);
        assertSame(byQuery, byId.orElseThrow()); // identity map
        assertTrue(s.get(Hero.class, 9001L).isEmpty());
    }

    @DbTest
    void getFromAFreshSessionReadsTheDatabase(Db db) {
        createHeroes(db);
        long id;
        try (Session s = engine(db).session()) {
            id = s.exec(select(Hero_.id).where(Hero_.name.eq("Black Lion"))).one();
        }
        Hero h = session(db).get(Hero.class, id).orElseThrow();
        assertEquals("Trevor Challa", h.secretName);
        assertEquals(35, h.age);
    }

    @DbTest
    void updateWritesTheChangedColumn(Db db) {
        createHeroes(db);
        try (Session s = engine(db).session()) {
            Hero h = s.exec(select(Hero.class).where(Hero_.name.eq("Spider-Boy"))).one();
            h.age = 16;
            s.add(h);
            s.commit();
        }
        try (Session s = engine(db).session()) {
            assertEquals(16, s.exec(select(Hero_.age).where(Hero_.name.eq("Spider-Boy"))).one());
        }
    }

    @DbTest
    void deleteRemovesTheRow(Db db) {
        createHeroes(db);
        try (Session s = engine(db).session()) {
            Hero h = s.exec(select(Hero.class).where(Hero_.name.eq("Spider-Youngster").or(Hero_.name.eq("Spider-Boy")))).one();
            s.delete(h);
            s.commit();
            assertFalse(s.contains(h));
            assertTrue(s.exec(select(Hero.class).where(Hero_.name.eq("Spider-Boy"))).first().isEmpty());
        }
        assertEquals(6L, session(db).exec(select(Expr.count()).from(Hero.class)).one());
    }

    private static List<String> names(Session s, Expr<Boolean> where) {
        return s.exec(select(Hero_.name).where(where).orderBy(Hero_.id.asc())).all();
    }
}
