package dev.sqlmodel.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Engine;
import dev.sqlmodel.Field;
import dev.sqlmodel.PoolExhaustedException;
import dev.sqlmodel.PoolStats;
import dev.sqlmodel.Session;
import dev.sqlmodel.Sql;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.Table;
import dev.sqlmodel.impl.testing.TemporaryServer;
import dev.sqlmodel.impl.testing.TemporaryServer.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database restart under a steady load of sessions, on a server of the test's own: while the
 * server is down every call fails fast with a connection error (never waits out the acquire
 * timeout, never hangs); once it is back the load goes on without a single failure and the pool
 * holds no leaked connection.
 */
class RestartTest {
    private static final int THREADS = 3;
    private static final int POOL = 4;
    private static final Duration ACQUIRE = Duration.ofSeconds(5);

    @Table(name = "restart_tick")
    static class Tick {
        @Field(primaryKey = true) Long id;
        String label;
    }

    /** One session's outcome. */
    private record Call(long start, long end, Throwable failure) {
        long millis() {
            return TimeUnit.NANOSECONDS.toMillis(end - start);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void loadSurvivesADatabaseRestart(Kind kind) throws Exception {
        try (TemporaryServer server = kind == Kind.POSTGRESQL ? TemporaryServer.postgresql(null) : TemporaryServer.mariadb(null);
                Engine engine = Engine.builder().url(server.url("")).user(server.user()).password("").models(Tick.class)
                        .pool(p -> p.maxSize(POOL).acquireTimeout(ACQUIRE)).build()) {
            engine.createAll();
            ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
            List<Thread> load = new ArrayList<>();
            AtomicBoolean running = new AtomicBoolean(true);
            for (int t = 0; t < THREADS; t++) {
                Thread thread = new Thread(() -> {
                    int i = 0;
                    while (running.get()) {
                        calls.add(session(engine, "tick " + i++));
                        pause(10);
                    }
                }, "restart-load-" + t);
                thread.start();
                load.add(thread);
            }
            try {
                awaitCalls(calls, Long.MIN_VALUE, 10);
                long stopping = System.nanoTime();
                server.stop();
                long down = System.nanoTime();
                Thread.sleep(3000);
                long starting = System.nanoTime();
                server.start();
                long up = System.nanoTime();
                awaitCalls(calls, up, 30);
                running.set(false);
                for (Thread thread : load) {
                    thread.join(TimeUnit.SECONDS.toMillis(30));
                    assertFalse(thread.isAlive(), "a session hangs: " + thread.getName());
                }

                List<Call> before = calls.stream().filter(c -> c.end < stopping).toList();
                List<Call> outage = calls.stream().filter(c -> c.start > down && c.end < starting).toList();
                List<Call> after = calls.stream().filter(c -> c.start > up).toList();
                assertTrue(!before.isEmpty() && before.stream().allMatch(c -> c.failure == null), "load before: " + summary(before));

                assertFalse(outage.isEmpty(), "calls while the server is down");
                for (Call c : outage) {
                    assertTrue(c.failure instanceof SqlModelException && !(c.failure instanceof PoolExhaustedException),
                            "a connection error, not " + c.failure);
                    assertTrue(c.failure.getMessage().startsWith("cannot connect to the database: "), c.failure.getMessage());
                    assertFalse(c.failure.getMessage().contains("\n"), "one line: " + c.failure.getMessage());
                }
                long slowest = outage.stream().mapToLong(Call::millis).max().orElse(0);
                assertTrue(slowest < ACQUIRE.toMillis() / 2, "fails fast while the server is down, slowest " + slowest + " ms");

                // Calls the stop or the start overlapped may fail either way, but never hang and never otherwise.
                for (Call c : calls) {
                    assertTrue(c.millis() < ACQUIRE.toMillis(), "a call took " + c.millis() + " ms");
                    assertTrue(c.failure == null || c.failure instanceof SqlModelException, "unexpected " + c.failure);
                }

                assertTrue(after.size() >= 30, "load after the restart: " + summary(after));
                assertTrue(after.stream().allMatch(c -> c.failure == null), "after the restart: " + summary(after));

                PoolStats stats = engine.stats();
                assertEquals(0, stats.active(), "no connection leaked: " + stats);
                assertEquals(0, stats.awaiting(), stats.toString());
                assertTrue(stats.idle() <= POOL, stats.toString());
                long ok = calls.stream().filter(c -> c.failure == null).count();
                try (Session s = engine.session()) {
                    long rows = s.exec(Sql.select(Tick.class)).all().size();
                    // A commit cut by the shutdown may or may not have reached the disk; no acknowledged one is lost.
                    assertTrue(rows >= ok && rows <= calls.size(), rows + " rows for " + ok + " committed sessions");
                }
            } finally {
                running.set(false);
                for (Thread thread : load) {
                    thread.join(TimeUnit.SECONDS.toMillis(30));
                }
            }
        }
    }

    /** Waits (at most 30 s) until {@code count} calls that began after {@code since} succeeded. */
    private static void awaitCalls(ConcurrentLinkedQueue<Call> calls, long since, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (calls.stream().filter(c -> c.start > since && c.failure == null).count() < count
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static Call session(Engine engine, String label) {
        long start = System.nanoTime();
        try (Session s = engine.session()) {
            Tick t = new Tick();
            t.label = label;
            s.add(t);
            s.commit();
            s.get(Tick.class, t.id).orElseThrow();
            return new Call(start, System.nanoTime(), null);
        } catch (RuntimeException e) {
            return new Call(start, System.nanoTime(), e);
        }
    }

    private static String summary(List<Call> calls) {
        return calls.size() + " calls, failures: " + calls.stream().filter(c -> c.failure != null)
                .map(c -> String.valueOf(c.failure.getMessage())).distinct().limit(5).collect(Collectors.joining(" | "));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
