package dev.sqlmodel.impl.session;

import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.MultipleResultsException;
import dev.sqlmodel.NoResultException;
import dev.sqlmodel.Results;
import dev.sqlmodel.Session;
import dev.sqlmodel.impl.model.Hero;
import dev.sqlmodel.impl.model.Hero_;
import dev.sqlmodel.impl.model.Team;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/** Reading query results: the one-shot {@code Results} and its lazy stream. */
class ResultsTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Team.class, Hero.class};
    }

    private List<Long> createHeroes(Db db, int n) {
        fresh(db);
        try (Session s = engine(db).session()) {
            List<Hero> heroes = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                heroes.add(new Hero("Hero " + i, "Secret " + i, i));
            }
            s.addAll(heroes);
            s.commit();
            return heroes.stream().map(h -> h.id).toList();
        }
    }

    private static Results<Hero> byAge(Session s) {
        return s.exec(select(Hero.class).orderBy(Hero_.age.asc()));
    }

    @DbTest
    void allFirstOneAndOneOrNone(Db db) {
        createHeroes(db, 3);
        Session s = session(db);
        assertEquals(List.of("Hero 1", "Hero 2", "Hero 3"), byAge(s).all().stream().map(h -> h.name).toList());
        assertEquals("Hero 1", byAge(s).first().orElseThrow().name);
        assertTrue(s.exec(select(Hero.class).where(Hero_.age.gt(3))).first().isEmpty());
        assertEquals(List.of(), s.exec(select(Hero.class).where(Hero_.age.gt(3))).all());

        assertEquals("Hero 2", s.exec(select(Hero.class).where(Hero_.age.eq(2))).one().name);
        NoResultException none = assertThrows(NoResultException.class,
                () -> s.exec(select(Hero.class).where(Hero_.age.gt(3))).one());
        assertTrue(none.getMessage().contains("SELECT"), none.getMessage());
        assertThrows(MultipleResultsException.class, () -> s.exec(select(Hero.class).where(Hero_.age.lt(3))).one());

        assertEquals("Hero 3", s.exec(select(Hero.class).where(Hero_.age.eq(3))).oneOrNone().orElseThrow().name);
        assertTrue(s.exec(select(Hero.class).where(Hero_.age.gt(3))).oneOrNone().isEmpty());
        assertThrows(MultipleResultsException.class, () -> byAge(s).oneOrNone());

        assertEquals(List.of(1, 2, 3), s.exec(select(Hero_.age).orderBy(Hero_.age.asc())).all());
        assertEquals(3, s.exec(select(Hero_.age).orderBy(Hero_.age.desc())).first().orElseThrow());
    }

    @DbTest
    void iteratorAndForEach(Db db) {
        createHeroes(db, 3);
        Session s = session(db);
        Iterator<Hero> it = byAge(s).iterator();
        assertEquals("Hero 1", it.next().name);
        assertEquals("Hero 2", it.next().name);
        assertEquals("Hero 3", it.next().name);
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
        List<String> names = new ArrayList<>();
        for (Hero h : byAge(s)) {
            names.add(h.name);
        }
        assertEquals(List.of("Hero 1", "Hero 2", "Hero 3"), names);
    }

    @DbTest
    void resultsAreReadOnce(Db db) {
        createHeroes(db, 2);
        Session s = session(db);
        Results<Hero> all = byAge(s);
        assertEquals(2, all.all().size());
        assertThrows(IllegalStateException.class, all::all);
        assertThrows(IllegalStateException.class, all::first);
        assertThrows(IllegalStateException.class, all::one);
        assertThrows(IllegalStateException.class, all::oneOrNone);
        assertThrows(IllegalStateException.class, all::stream);
        assertThrows(IllegalStateException.class, all::iterator);

        Results<Hero> streamed = byAge(s);
        try (Stream<Hero> st = streamed.stream()) {
            assertEquals(2, st.count());
        }
        assertThrows(IllegalStateException.class, streamed::all);

        Results<Hero> iterated = byAge(s);
        iterated.iterator();
        assertThrows(IllegalStateException.class, iterated::iterator);
    }

    @DbTest
    void streamIsLazyAndClosesItsCursor(Db db) {
        List<Long> ids = createHeroes(db, 50);
        try (TrackedEngine tracked = TrackedEngine.over(engine(db), models());
                Session s = tracked.engine().session()) {
            List<String> firstThree;
            try (Stream<Hero> heroes = byAge(s).stream()) {
                assertEquals(1, tracked.openStatements()); // the cursor is open while the stream is
                firstThree = heroes.limit(3).map(h -> h.name).toList();
                assertEquals(1, tracked.openStatements());
            }
            assertEquals(0, tracked.openStatements());
            assertEquals(List.of("Hero 1", "Hero 2", "Hero 3"), firstThree);

            // the rows the stream passed, unchanged, were evicted: reading one again is a query
            tracked.reset();
            Hero third = s.get(Hero.class, ids.get(2)).orElseThrow();
            assertEquals(1, tracked.executed("SELECT").size());
            assertEquals("Hero 3", third.name);

            // a stream read to its end closes its cursor by itself
            Stream<Hero> all = byAge(s).stream();
            assertEquals(50, all.count());
            assertEquals(0, tracked.openStatements());
            all.close();
            assertEquals(0, tracked.openStatements());
            try (Stream<Integer> ages = s.exec(select(Hero_.age).where(Hero_.age.gt(48))).stream()) {
                assertEquals(List.of(49, 50), ages.sorted().toList());
            }
            assertEquals(0, tracked.openStatements());
        }
    }

    @DbTest
    void streamedInstancesAreTheSessionsInstances(Db db) {
        List<Long> ids = createHeroes(db, 5);
        Session s = session(db);
        Hero second = s.get(Hero.class, ids.get(1)).orElseThrow();
        second.age = 100; // flushed before the query runs
        try (Stream<Hero> heroes = s.exec(select(Hero.class).where(Hero_.age.ge(100))).stream()) {
            assertSame(second, heroes.findFirst().orElseThrow());
        }
    }

    @DbTest
    void aClosedSessionCannotBeUsed(Db db) {
        createHeroes(db, 2);
        Session s = engine(db).session();
        Results<Hero> pending = byAge(s);
        Hero h = byAge(s).first().orElseThrow();
        s.close();
        s.close(); // closing twice is harmless
        assertThrows(IllegalStateException.class, pending::all);
        assertThrows(IllegalStateException.class, () -> byAge(s));
        assertThrows(IllegalStateException.class, () -> s.get(Hero.class, h.id));
        assertThrows(IllegalStateException.class, () -> s.add(new Hero("Late", null, null)));
        assertThrows(IllegalStateException.class, s::commit);
        assertThrows(IllegalStateException.class, s::flush);
        assertThrows(IllegalStateException.class, s::begin);
        assertThrows(IllegalStateException.class, () -> s.contains(h));
    }
}
