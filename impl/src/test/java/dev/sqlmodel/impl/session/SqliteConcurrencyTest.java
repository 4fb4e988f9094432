package dev.sqlmodel.impl.session;

import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Engine;
import dev.sqlmodel.Session;
import dev.sqlmodel.impl.model.Hero;
import dev.sqlmodel.impl.model.Hero_;
import dev.sqlmodel.impl.model.Team;
import dev.sqlmodel.impl.testing.Db;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sessions on one SQLite file read side by side: reads run in auto-commit and never take the
 * write lock, writes begin IMMEDIATE and queue on the busy timeout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqliteConcurrencyTest {
    private final String name = Db.isolationName(getClass());
    private Engine engine;

    @BeforeAll
    void open() {
        String url = Db.SQLITE.prepare(name);
        assertTrue(url.startsWith("jdbc:sqlite:/"), "a file database: " + url);
        engine = Db.SQLITE.engine(url, b -> b.pool(p -> p.maxSize(10)), Team.class, Hero.class);
    }

    @BeforeEach
    void fill() {
        engine.dropAll();
        engine.createAll();
        try (Session s = engine.session()) {
            for (int i = 0; i < 20; i++) {
                s.add(new Hero("Hero " + i, "Secret " + i, i));
            }
            s.commit();
        }
    }

    @AfterAll
    void close() {
        engine.close();
        Db.SQLITE.drop(name);
    }

    @Test
    void twoSessionsHoldConnectionsAndReadAtTheSameTime() {
        try (Session a = engine.session(); Session b = engine.session()) {
            Connection ca = a.connection();
            Connection cb = b.connection();
            assertTrue(ca != cb);
            try (Stream<Hero> sa = a.exec(select(Hero.class).orderBy(Hero_.id.asc())).stream();
                    Stream<Hero> sb = b.exec(select(Hero.class).orderBy(Hero_.id.asc())).stream()) {
                Iterator<Hero> ia = sa.iterator();
                Iterator<Hero> ib = sb.iterator();
                int rows = 0;
                while (ia.hasNext() && ib.hasNext()) { // both cursors open, stepping in turn
                    assertEquals(ia.next().name, ib.next().name);
                    rows++;
                }
                assertEquals(20, rows);
            }
            assertEquals(20, a.exec(select(Hero.class)).all().size());
            assertEquals(20, b.exec(select(Hero.class)).all().size());
        }
    }

    @Test
    void aReaderNeverBlocksAWriter() {
        try (Session reader = engine.session()) {
            try (Stream<Hero> heroes = reader.exec(select(Hero.class).orderBy(Hero_.id.asc())).stream()) {
                Iterator<Hero> it = heroes.iterator();
                assertEquals("Hero 0", it.next().name); // the reader is inside its statement
                long start = System.nanoTime();
                try (Session writer = engine.session()) {
                    writer.add(new Hero("Writer", null, 1));
                    writer.commit();
                }
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(ms < 2000, "the writer waited " + ms + " ms for a reader");
                int rest = 0;
                while (it.hasNext()) {
                    it.next();
                    rest++;
                }
                assertEquals(19, rest, "the open read keeps its snapshot");
            }
            assertEquals(21, reader.exec(select(Hero.class)).all().size());
        }
    }

    @Test
    void requestStyleSessionsOnEightThreadsNeverSeeBusy() throws Exception {
        int threads = 8;
        int perThread = 100; // nine reads to one write
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        try (Session s = engine.session()) {
                            if (i % 10 == 9) {
                                String n = "T" + thread + "-" + i;
                                s.begin(); // read-modify-write: the read belongs in the transaction
                                Hero h = s.get(Hero.class, 1L).orElseThrow();
                                h.age = h.age + 1;
                                s.add(new Hero(n, null, thread));
                                s.commit();
                                written.add(n);
                            } else {
                                s.exec(select(Hero.class).where(Hero_.age.ge(thread))).all();
                                s.get(Hero.class, (long) (1 + i % 20)).orElseThrow();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES); // rethrows any SQLITE_BUSY
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * perThread / 10, written.size());
        try (Session s = engine.session()) {
            List<String> names = s.exec(select(Hero_.name).where(Hero_.name.startsWith("T"))).all();
            assertEquals(new java.util.HashSet<>(written), new java.util.HashSet<>(names));
            assertEquals(threads * perThread / 10, s.get(Hero.class, 1L).orElseThrow().age, "every increment kept");
        }
    }
}
