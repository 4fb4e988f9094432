package dev.sqlmodel.impl.stateless;

import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Engine;
import dev.sqlmodel.Expr;
import dev.sqlmodel.Session;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.impl.model.Hero;
import dev.sqlmodel.impl.model.Hero_;
import dev.sqlmodel.impl.model.Team;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** Results.stream() and iterator() through a cursor: released when closed, exhausted or failed. */
class StreamingTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Team.class, Hero.class};
    }

    private Engine heroes(Db db, int n) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            List<Hero> all = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                all.add(new Hero("Hero " + i, "Secret " + i, i));
            }
            s.insertAll(all);
        }
        return engine;
    }

    @DbTest
    void closingAStreamEarlyReleasesCursorAndConnection(Db db) {
        Engine engine = heroes(db, 2000);
        try (StatelessSession s = engine.stateless()) {
            try (Stream<Hero> all = s.exec(select(Hero.class).orderBy(Hero_.age.asc())).stream()) {
                Iterator<Hero> it = all.iterator();
                assertEquals("Hero 1", it.next().name);
                assertEquals("Hero 2", it.next().name);
                assertEquals(1, engine.stats().active(), "the open cursor holds a connection");
            }
            assertEquals(0, engine.stats().active());
            assertEquals(2000L, s.exec(select(Hero.class)).stream().count(), "a stream read to its end closes itself");
            assertEquals(0, engine.stats().active());
        }
    }

    @DbTest
    void aFailingConsumerLeavesNoCursorOpen(Db db) {
        Engine engine = heroes(db, 1000);
        try (StatelessSession s = engine.stateless()) {
            AtomicInteger seen = new AtomicInteger();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> s.exec(select(Hero.class)).stream().forEach(h -> {
                        if (seen.incrementAndGet() == 500) {
                            throw new IllegalStateException("consumer failed");
                        }
                    }));
            assertEquals("consumer failed", e.getMessage());
            assertEquals(500, seen.get());
            assertEquals(0, engine.stats().active(), "no stream was closed, yet nothing is left open");
        }
        try (Session s = engine.session()) {
            assertThrows(IllegalStateException.class, () -> s.exec(select(Hero.class)).stream().forEach(h -> {
                throw new IllegalStateException("consumer failed");
            }));
            assertEquals(0, engine.stats().active(), "a session without a transaction streams on a connection of its own");
        }
    }

    @DbTest
    void anIteratorReadsThroughTheCursorAndTheSessionClosesWhatItLeft(Db db) {
        Engine engine = heroes(db, 600);
        StatelessSession s = engine.stateless();
        int n = 0;
        for (Hero h : s.exec(select(Hero.class))) {
            if (++n == 10) {
                break;
            }
        }
        assertEquals(1, engine.stats().active(), "an abandoned iteration keeps its cursor until the session closes");
        s.close();
        assertEquals(0, engine.stats().active());
        try (Session session = engine.session()) {
            int count = 0;
            for (Hero h : session.exec(select(Hero.class))) {
                count++;
            }
            assertEquals(600, count);
            assertEquals(0, engine.stats().active(), "an iteration read to its end releases the cursor");
        }
    }

    @DbTest
    void aTrackedSessionsStreamEvictsTheRowsItHasPassedUnlessChanged(Db db) {
        Engine engine = heroes(db, 300);
        try (Session s = engine.session()) {
            Hero kept = s.get(Hero.class, s.exec(select(Hero_.id).where(Hero_.age.eq(7))).one()).orElseThrow();
            List<Hero> passed = new ArrayList<>();
            try (Stream<Hero> all = s.exec(select(Hero.class).orderBy(Hero_.age.asc())).stream()) {
                all.forEach(h -> {
                    if (h.age == 50) {
                        h.secretName = "changed";
                    }
                    passed.add(h);
                });
            }
            assertEquals(300, passed.size());
            assertTrue(passed.get(6) == kept, "a row already attached is the attached instance");
            assertTrue(s.contains(kept), "and stays attached");
            assertFalse(s.contains(passed.get(0)), "clean rows are evicted once passed");
            assertFalse(s.contains(passed.get(299)));
            assertTrue(s.contains(passed.get(49)), "a changed row stays and is flushed");
            s.commit();
        }
        try (StatelessSession s = engine.stateless()) {
            assertEquals("changed", s.exec(select(Hero_.secretName).where(Hero_.age.eq(50))).one());
        }
    }

    @DbTest
    void aStreamInsideATransactionSeesItsWrites(Db db) {
        Engine engine = heroes(db, 10);
        try (StatelessSession s = engine.stateless()) {
            long n = s.transaction(() -> {
                s.insert(new Hero("Uncommitted", null, 99));
                try (Stream<Hero> all = s.exec(select(Hero.class)).stream()) {
                    return all.count();
                }
            });
            assertEquals(11L, n);
        }
        try (Session s = engine.session()) {
            s.add(new Hero("Pending", null, 100));
            assertEquals(12L, s.exec(select(Hero.class)).stream().count(), "exec flushes before the stream opens");
            s.rollback();
            assertEquals(11L, s.exec(select(Hero.class)).stream().count());
        }
        assertEquals(0, engine.stats().active());
    }

    @DbTest
    void callsMadeWhileAStreamIsOpenStillCommitByThemselves(Db db) {
        Engine engine = heroes(db, 300);
        try (StatelessSession s = engine.stateless()) {
            s.connection(); // kept by the session: the stream still reads on a connection of its own
            try (Stream<Hero> all = s.exec(select(Hero.class)).stream()) {
                Iterator<Hero> it = all.iterator();
                it.next();
                s.insert(new Hero("Written meanwhile", null, 1));
                try (StatelessSession other = engine.stateless()) {
                    assertEquals(1L, other.exec(select(Expr.count()).from(Hero.class)
                            .where(Hero_.name.eq("Written meanwhile"))).one(), "the insert is committed already");
                }
                it.next();
            }
        }
    }
}
