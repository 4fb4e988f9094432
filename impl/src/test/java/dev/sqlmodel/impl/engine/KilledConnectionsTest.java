package dev.sqlmodel.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Engine;
import dev.sqlmodel.Field;
import dev.sqlmodel.PoolStats;
import dev.sqlmodel.Session;
import dev.sqlmodel.Table;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Connections the server killed while they sat idle in the pool (what a restart, a failover or
 * an idle-killing proxy does) are found out before checkout and replaced: the next sessions see
 * nothing of it. Only this class's own connections are killed (found by application name on
 * PostgreSQL, by its own database on MariaDB).
 */
class KilledConnectionsTest extends DatabaseTest {
    private static final int POOL = 4;
    private static final String APPLICATION = "sm-killed-" + ProcessHandle.current().pid();

    @Table(name = "killed_item")
    static class Item {
        @Field(primaryKey = true) Long id;
        String label;
    }

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Item.class};
    }

    @Override
    protected void configure(Engine.Builder builder) {
        if (builder.url().startsWith("jdbc:postgresql:")) {
            builder.url(builder.url() + "&ApplicationName=" + APPLICATION);
        }
        builder.pool(p -> p.maxSize(POOL));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Db.class, names = {"POSTGRESQL", "MARIADB"})
    void idleConnectionsKilledByTheServerAreNeverHandedOut(Db db) throws Exception {
        Engine engine = fresh(db);
        // Fill the pool: POOL sessions holding a connection each at once.
        List<Session> open = new ArrayList<>();
        for (int i = 0; i < POOL; i++) {
            Session s = engine.session();
            s.connection();
            open.add(s);
        }
        open.forEach(Session::close);
        long idleSince = System.nanoTime();
        PoolStats before = engine.stats();
        assertEquals(POOL, before.idle(), before.toString());

        assertEquals(POOL, killIdleConnections(db), "every pooled connection killed");
        // The pool notices only at checkout; a connection used within the last second is not checked.
        long idleFor = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - idleSince);
        Thread.sleep(Math.max(0, AgroalSource.IDLE_VALIDATION.toMillis() + 200 - idleFor));

        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(POOL);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < POOL; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        try (Session s = engine.session()) {
                            Item item = new Item();
                            item.label = "t" + thread + "-" + i;
                            s.add(item);
                            s.commit();
                            s.get(Item.class, item.id).orElseThrow();
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            for (Future<?> f : runs) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(failures.isEmpty(), failures.size() + " of 100 sessions failed, first: " + failures.peek());
        try (Session s = engine.session()) {
            assertEquals(100, s.exec(dev.sqlmodel.Sql.select(Item.class)).all().size());
        }
        PoolStats after = engine.stats();
        assertEquals(0, after.active(), after.toString());
        assertTrue(after.destroyed() - before.destroyed() >= POOL, "the killed connections were destroyed: " + after);
    }

    /** Kills this class's idle pooled connections from a second connection; returns how many, once they are gone. */
    private int killIdleConnections(Db db) throws SQLException, InterruptedException {
        String name = Db.isolationName(getClass());
        boolean pg = db == Db.POSTGRESQL;
        String admin = pg ? "jdbc:postgresql://127.0.0.1:5432/test" : "jdbc:mysql://127.0.0.1:3306/";
        String list = pg
                ? "SELECT pid FROM pg_stat_activity WHERE application_name = ? AND state = 'idle' AND pid <> pg_backend_pid()"
                : "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND COMMAND = 'Sleep' AND ID <> CONNECTION_ID()";
        try (Connection c = DriverManager.getConnection(admin, db.user(), "")) {
            List<Long> ids = ids(c, list, pg ? APPLICATION : name);
            try (Statement s = c.createStatement()) {
                for (long id : ids) {
                    s.execute(pg ? "SELECT pg_terminate_backend(" + id + ")" : "KILL " + id);
                }
            }
            String remaining = pg
                    ? "SELECT pid FROM pg_stat_activity WHERE application_name = ? AND pid <> pg_backend_pid()"
                    : "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!ids(c, remaining, pg ? APPLICATION : name).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return ids.size();
        }
    }

    private static List<Long> ids(Connection c, String sql, String key) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
