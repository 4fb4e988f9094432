package dev.sqlmodel.impl.faults;

import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Engine;
import dev.sqlmodel.Expr;
import dev.sqlmodel.PoolExhaustedException;
import dev.sqlmodel.PoolStats;
import dev.sqlmodel.Session;
import dev.sqlmodel.impl.model.Account;
import dev.sqlmodel.impl.model.Account_;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many threads share one engine with a small pool: 32 threads, a pool of 4, each thread running
 * a fixed number of sessions that mix writes (insert and commit, update a row it wrote) with
 * reads (get by key, count, a filtered select). The only failure allowed is
 * {@link PoolExhaustedException} (none is expected with this acquire timeout); every committed
 * row must be there afterwards, and the pool must be back at rest with consistent counters.
 */
class SharedEngineLoadTest extends DatabaseTest {
    private static final int THREADS = 32;
    private static final int SESSIONS_PER_THREAD = 15;
    private static final int POOL = 4;

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Account.class};
    }

    @Override
    protected void configure(Engine.Builder builder) {
        builder.pool(p -> p.minSize(0).maxSize(POOL).acquireTimeout(Duration.ofSeconds(10)));
    }

    @DbTest
    void thirtyTwoThreadsOnAPoolOfFourLoseNothing(Db db) throws Exception {
        Engine engine = fresh(db);
        PoolStats before = engine.stats();
        ConcurrentLinkedQueue<Long> committed = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicLong exhausted = new AtomicLong();
        AtomicLong increments = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        long began = System.nanoTime();
        try {
            for (int t = 0; t < THREADS; t++) {
                String owner = "t" + t;
                threads.submit(() -> {
                    start.await();
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < SESSIONS_PER_THREAD; i++) {
                        try {
                            increments.addAndGet(oneSession(engine, owner, i, mine, committed));
                        } catch (PoolExhaustedException e) {
                            exhausted.incrementAndGet();
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                    return null;
                });
            }
            start.countDown();
            threads.shutdown();
            assertTrue(threads.awaitTermination(2, TimeUnit.MINUTES), "the load finished");
        } finally {
            threads.shutdownNow();
        }
        long millis = (System.nanoTime() - began) / 1_000_000;
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first: " + failures.peek());

        Set<Long> expected = new HashSet<>(committed);
        assertEquals(committed.size(), expected.size(), "every committed row has its own key");
        try (Session s = engine.session()) {
            Set<Long> present = new HashSet<>(s.exec(select(Account_.id)).all());
            assertEquals(expected, present, "every committed row is there, and nothing else");
            long updates = s.exec(select(Expr.sum(Account_.balance)).from(Account.class)).one();
            assertEquals(expected.size() * 10L + increments.get(), updates, "every committed increment is there");
        }

        PoolStats after = engine.stats();
        // PoolStats counts checkouts but not returns: active 0 is what says every one was returned.
        assertEquals(0, after.active(), () -> "no connection left checked out (acquired = returned): " + after);
        assertEquals(0, after.awaiting(), () -> "nobody waiting: " + after);
        assertTrue(after.maxUsed() <= POOL, () -> "never more than the pool's size: " + after);
        assertEquals(after.created() - after.destroyed(), after.idle(), () -> "open connections are all idle: " + after);
        assertEquals(exhausted.get(), after.timeouts() - before.timeouts(), () -> "each timeout was seen: " + after);
        assertTrue(after.acquired() - before.acquired() >= (long) THREADS * SESSIONS_PER_THREAD - exhausted.get(),
                () -> "each session checked a connection out: " + after);
        System.out.printf("%s: %d threads x %d sessions on a pool of %d in %d ms, %d timeouts, %s%n", db, THREADS,
                SESSIONS_PER_THREAD, POOL, millis, exhausted.get(), after);
    }

    /**
     * One unit of work: every session inserts a row and commits; every third one also reads its
     * previous row back and adds 1 to it; every fifth one only counts and filters. Returns the
     * increments it committed.
     */
    private static int oneSession(Engine engine, String owner, int i, List<Long> mine,
            ConcurrentLinkedQueue<Long> committed) {
        try (Session s = engine.session()) {
            if (i % 5 == 4) {
                long n = s.exec(select(Expr.count()).from(Account.class).where(Account_.owner.eq(owner))).one();
                assertEquals(mine.size(), n, owner + " sees each of its committed rows");
                s.exec(select(Account.class).where(Account_.owner.startsWith(owner)).limit(5)).all();
                return 0;
            }
            int increments = 0;
            if (i % 3 == 2 && !mine.isEmpty()) {
                Optional<Account> last = s.get(Account.class, mine.get(mine.size() - 1));
                last.orElseThrow(() -> new AssertionError(owner + " lost its row")).balance += 1;
                increments = 1;
            }
            Account a = s.add(new Account(owner, 10));
            s.commit();
            mine.add(a.id);
            committed.add(a.id);
            return increments;
        }
    }

}
