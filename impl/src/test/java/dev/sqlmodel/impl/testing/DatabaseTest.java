package dev.sqlmodel.impl.testing;

import dev.sqlmodel.Engine;
import dev.sqlmodel.Session;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the database-matrix tests. A subclass names its models; {@link #fresh(Db)} gives an
 * engine on the class's own database with empty tables. Sessions opened through
 * {@link #session(Db)} are closed after each test; the databases are dropped after the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseTest {
    private final Map<Db, Engine> engines = new EnumMap<>(Db.class);
    private final Map<Db, String> urls = new EnumMap<>(Db.class);
    private final List<Engine> extra = new ArrayList<>();
    private final List<Session> sessions = new ArrayList<>();

    /** The models whose tables this class uses. */
    protected abstract Class<?>[] models();

    /** Changes engine options (pool, echo) before the engine is built. */
    protected void configure(Engine.Builder builder) {
    }

    /** The engine of this class on {@code db}, created on first use. */
    protected Engine engine(Db db) {
        return engines.computeIfAbsent(db, d -> {
            String url = d.prepare(Db.isolationName(getClass()));
            urls.put(d, url);
            return d.engine(url, this::configure, models());
        });
    }

    /** The JDBC URL of this class's database on {@code db} (created with the class's engine). */
    protected String url(Db db) {
        engine(db);
        return urls.get(db);
    }

    /**
     * An engine on this class's database that runs through {@code counter}'s DataSource, so a
     * test can count statements at the JDBC level. Closed with the class.
     */
    protected Engine countingEngine(Db db, java.util.function.Function<javax.sql.DataSource, CountingDataSource> counter) {
        engine(db);
        String url = urls.get(db);
        Engine e = Engine.of(counter.apply(db.dataSource(url)), models());
        extra.add(e);
        return e;
    }

    /**
     * A second engine on this class's database, its URL changed by {@code url} (to add driver
     * options) and its builder by {@code extra}. Closed with the class.
     */
    protected Engine otherEngine(Db db, java.util.function.UnaryOperator<String> url,
            java.util.function.Consumer<Engine.Builder> extra) {
        engine(db);
        Engine e = db.engine(url.apply(urls.get(db)), extra, models());
        this.extra.add(e);
        return e;
    }

    /** The engine with every table dropped and created again, empty. */
    protected Engine fresh(Db db) {
        Engine e = engine(db);
        e.dropAll();
        e.createAll();
        return e;
    }

    /** A session closed after the test. */
    protected Session session(Db db) {
        Session s = engine(db).session();
        sessions.add(s);
        return s;
    }

    @AfterEach
    void closeSessions() {
        for (Session s : sessions) {
            s.close();
        }
        sessions.clear();
    }

    @AfterAll
    void dropDatabases() {
        for (Engine e : extra) {
            e.close();
        }
        extra.clear();
        for (Map.Entry<Db, Engine> e : engines.entrySet()) {
            e.getValue().close();
            e.getKey().drop(Db.isolationName(getClass()));
        }
        engines.clear();
    }
}
