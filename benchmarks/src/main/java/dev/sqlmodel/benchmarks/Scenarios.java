package dev.sqlmodel.benchmarks;

import dev.sqlmodel.benchmarks.model.Hero;
import dev.sqlmodel.benchmarks.orm.HeroEntity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The eight scenarios, for every library and database. Each trial starts from freshly loaded
 * base data and checks, before measuring, that the library returns the right rows (and, for
 * this library, that (g) takes exactly two queries). Writes keep the table size stable: (d)
 * deletes its rows after each iteration, (e) after each call (outside the measured time),
 * (f) flips one bit of an age in place, and (h) rewrites existing rows with their own values;
 * on PostgreSQL the dead row versions they leave are vacuumed away at the same points (after
 * every iteration, and after every call of (e)), on a connection of the benchmark's own.
 *
 * <p>Warm-up is twelve seconds: on PostgreSQL a call takes 0.1 to 12 ms, so code run once per
 * call reaches the JIT's last tier only after thousands of calls, and a library with more code
 * of its own was still compiling after six seconds, its compiler thread taking CPU from the
 * server on a two-core machine. (e) warms up for 24 seconds: a call and its clean-up take about
 * 2.5 ms on SQLite, so code run once per call passes the JIT's threshold for its last tier (5,000
 * calls) only after about twelve seconds, and with twelve seconds of warm-up the libraries'
 * first measured iterations still shared the benchmark's CPU with the compiler (this library's
 * stateless insert 8 % slower in them than in the last ones; raw JDBC, with little code of its
 * own, was flat).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
public class Scenarios {
    /** The library under test. */
    @Param({"jdbc", "sqlmodel", "stateless", "repository", "hibernate", "jooq", "jdbi"})
    public String library;

    /** The database. */
    @Param({"sqlite", "postgresql"})
    public String database;

    private Database db;
    private Library lib;
    private java.sql.Connection maintenance;
    private int next;
    private int inserted;
    private List<HeroRow> thousand;
    private List<HeroRow> upserts;

    /** Opens {@code name} on {@code db}. */
    public static Library open(String name, Database db) throws Exception {
        return switch (name) {
            case "jdbc" -> new JdbcLibrary(db);
            case "sqlmodel" -> new SqlModelLibrary(db, false);
            case "stateless" -> new StatelessLibrary(db);
            case "repository" -> new RepositoryLibrary(db);
            case "hibernate" -> new HibernateLibrary(db);
            case "jooq" -> new JooqLibrary(db);
            case "jdbi" -> new JdbiLibrary(db);
            default -> throw new IllegalArgumentException("unknown library " + name);
        };
    }

    /** Loads the base data, opens the library and checks its answers. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        db = Database.of(database);
        db.reset();
        maintenance = db == Database.POSTGRESQL ? db.connect() : null; // see Database.vacuum
        lib = open(library, db);
        thousand = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            thousand.add(Database.newHero(i));
        }
        upserts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            upserts.add(Database.upsertHero(i));
        }
        check(lib, db);
        if (library.equals("sqlmodel")) {
            checkTwoQueries(db);
        }
    }

    /** Closes the library and drops the tables. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        lib.close();
        if (maintenance != null) {
            maintenance.close();
        }
        db.drop();
    }

    /** Removes what (d) inserted, so that every iteration starts from the same table. */
    @TearDown(Level.Iteration)
    public void afterIteration() throws Exception {
        if (inserted > 0) {
            lib.deleteAdded();
            inserted = 0;
        }
        db.vacuum(maintenance);
    }

    /** Removes what (e) inserted; not part of the measured time. */
    @State(Scope.Benchmark)
    public static class Cleanup {
        /** Deletes the heroes the last call added. */
        @TearDown(Level.Invocation)
        public void afterCall(Scenarios s) throws Exception {
            s.lib.deleteAdded();
            s.db.vacuum(s.maintenance);
        }
    }

    private long nextId() {
        next = next % Database.HEROES + 1;
        return next;
    }

    /** (a) Find one row by primary key. */
    @Benchmark
    public Object a_findById() {
        return lib.findById(nextId());
    }

    /** (b) 100 rows with a filter and an order, mapped to objects. */
    @Benchmark
    public List<?> b_select100() {
        return lib.select100();
    }

    /** (c) 1,000 rows mapped to objects. */
    @Benchmark
    public List<?> c_select1000() {
        return lib.select1000();
    }

    /** (d) Insert one row and read its generated key. */
    @Benchmark
    public long d_insertOne() {
        inserted++;
        return lib.insertOne(thousand.get(next++ % thousand.size()));
    }

    /** (e) Insert 1,000 rows with their generated keys in one transaction. */
    @Benchmark
    @Warmup(iterations = 12, time = 2)
    public long[] e_insert1000(Cleanup cleanup) {
        return lib.insertMany(thousand);
    }

    /** (f) Load one row, change one field, commit. */
    @Benchmark
    public void f_updateOne() {
        lib.updateOne(nextId());
    }

    /** (g) 50 teams and their 20 heroes each, through the relationship. */
    @Benchmark
    public List<?> g_teamsWithHeroes() {
        return lib.teamsWithHeroes();
    }

    /** (h) Upsert 100 rows. */
    @Benchmark
    public void h_upsert100() {
        lib.upsert(upserts);
    }

    // ---- checks ---------------------------------------------------------------------------

    private static String nameOf(Object hero) {
        if (hero instanceof HeroRow h) {
            return h.name();
        }
        if (hero instanceof Hero h) {
            return h.name;
        }
        if (hero instanceof HeroEntity h) {
            return h.name;
        }
        throw new IllegalStateException("not a hero: " + hero);
    }

    private static Integer ageOf(Object hero) {
        if (hero instanceof HeroRow h) {
            return h.age();
        }
        if (hero instanceof Hero h) {
            return h.age;
        }
        return ((HeroEntity) hero).age;
    }

    private static void expect(boolean ok, Library lib, String what) {
        if (!ok) {
            throw new IllegalStateException(lib.name() + ": " + what);
        }
    }

    /** Runs every scenario once and checks the answers; leaves the data as it found it. */
    static void check(Library lib, Database db) throws Exception {
        expect(nameOf(lib.findById(7)).equals("Hero 7"), lib, "(a) found the wrong hero");
        List<?> hundred = lib.select100();
        expect(hundred.size() == 100, lib, "(b) returned " + hundred.size() + " rows");
        for (Object h : hundred) {
            int age = ageOf(h);
            expect(age >= Library.AGE_FROM && age <= Library.AGE_TO, lib, "(b) returned age " + age);
        }
        List<?> all = lib.select1000();
        expect(all.size() == 1000 && nameOf(all.get(999)).equals("Hero 1000"), lib, "(c) returned " + all.size());
        long id = lib.insertOne(Database.newHero(1));
        expect(id > Database.HEROES, lib, "(d) returned key " + id);
        List<HeroRow> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(Database.newHero(i));
        }
        long[] ids = lib.insertMany(rows);
        Set<Long> distinct = new HashSet<>();
        for (long k : ids) {
            expect(k > id, lib, "(e) returned key " + k);
            distinct.add(k);
        }
        expect(distinct.size() == 1000, lib, "(e) returned " + distinct.size() + " distinct keys");
        lib.deleteAdded();
        int before = ageOf(lib.findById(3));
        lib.updateOne(3);
        expect(ageOf(lib.findById(3)) == (before ^ 1), lib, "(f) did not change the age");
        lib.updateOne(3);
        List<?> teams = lib.teamsWithHeroes();
        expect(teams.size() == Database.TEAMS && lib.heroCount(teams) == Database.HEROES, lib,
                "(g) returned " + teams.size() + " teams with " + lib.heroCount(teams) + " heroes");
        List<HeroRow> up = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            up.add(Database.upsertHero(i));
        }
        lib.upsert(up);
        expect(nameOf(lib.findById(950)).equals("Hero 950"), lib, "(h) changed hero 950");
    }

    /** This library must load (g) in exactly two queries: the teams, then all their heroes. */
    static void checkTwoQueries(Database db) {
        Logger log = Logger.getLogger("dev.sqlmodel.sql");
        List<String> selects = new ArrayList<>();
        Handler counter = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getMessage().startsWith("SELECT")) {
                    selects.add(r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        boolean parents = log.getUseParentHandlers();
        log.setUseParentHandlers(false);
        log.addHandler(counter);
        try (SqlModelLibrary echoing = new SqlModelLibrary(db, true)) {
            List<?> teams = echoing.teamsWithHeroes();
            if (selects.size() != 2 || echoing.heroCount(teams) != Database.HEROES) {
                throw new IllegalStateException("sqlmodel: (g) took " + selects.size() + " queries: " + selects);
            }
        } finally {
            log.removeHandler(counter);
            log.setUseParentHandlers(parents);
        }
    }
}
