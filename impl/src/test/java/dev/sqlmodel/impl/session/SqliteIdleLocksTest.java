package dev.sqlmodel.impl.session;

import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Engine;
import dev.sqlmodel.Session;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.impl.model.Hero;
import dev.sqlmodel.impl.model.Team;
import dev.sqlmodel.impl.testing.Db;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A connection that goes back to the pool after a write holds no lock on the SQLite file: the
 * other engine's next write goes through at once instead of waiting out the busy timeout.
 * Statements are kept prepared per connection, so one left stepping (an {@code INSERT ...
 * RETURNING} whose rows were not read to the end) would keep its write transaction open.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqliteIdleLocksTest {
    private final String name = Db.isolationName(getClass());
    private Engine first;
    private Engine second;

    @BeforeAll
    void open() {
        String url = Db.SQLITE.prepare(name);
        first = Db.SQLITE.engine(url, b -> b.pool(p -> p.maxSize(1)), Team.class, Hero.class);
        second = Db.SQLITE.engine(url, b -> b.pool(p -> p.maxSize(1)), Team.class, Hero.class);
    }

    @BeforeEach
    void fill() {
        first.dropAll();
        first.createAll();
    }

    @AfterAll
    void close() {
        first.close();
        second.close();
        Db.SQLITE.drop(name);
    }

    private void afterWriteOfFirstTheSecondWritesAtOnce(Consumer<Engine> write) {
        write.accept(first);
        long start = System.nanoTime();
        try (StatelessSession s = second.stateless()) {
            s.insert(new Hero("Second", "Writer", 1));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1000, "the second engine waited " + millis + " ms for the write lock");
        long start2 = System.nanoTime();
        try (StatelessSession s = first.stateless()) {
            assertTrue(s.exec(select(Hero.class)).all().size() >= 2);
            s.insert(new Hero("First again", "Writer", 2));
        }
        assertTrue((System.nanoTime() - start2) / 1_000_000 < 1000, "the first engine waited for the second");
    }

    @Test
    void statelessInsert() {
        afterWriteOfFirstTheSecondWritesAtOnce(e -> {
            try (StatelessSession s = e.stateless()) {
                s.insert(new Hero("One", "Insert", 30));
            }
        });
    }

    @Test
    void statelessInsertAllAndUpsert() {
        afterWriteOfFirstTheSecondWritesAtOnce(e -> {
            try (StatelessSession s = e.stateless()) {
                List<Hero> heroes = s.insertAll(List.of(new Hero("A", "a", 1), new Hero("B", "b", 2)));
                heroes.get(0).age = 5;
                s.upsert(heroes.get(0));
                s.update(heroes.get(1));
            }
        });
    }

    @Test
    void sessionCommit() {
        afterWriteOfFirstTheSecondWritesAtOnce(e -> {
            try (Session s = e.session()) {
                s.add(new Hero("Tracked", "Insert", 40));
                s.commit();
            }
        });
    }

    @Test
    void dropAllAfterTheOtherEngineWrote() {
        try (StatelessSession s = second.stateless()) {
            s.insert(new Hero("Second", "Writer", 1));
        }
        long start = System.nanoTime();
        first.dropAll();
        first.createAll();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1000, "dropAll waited " + millis + " ms");
        try (StatelessSession s = first.stateless()) {
            assertEquals(0, s.exec(select(Hero.class)).all().size());
        }
    }
}
