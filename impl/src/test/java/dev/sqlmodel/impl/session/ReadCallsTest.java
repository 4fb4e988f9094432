package dev.sqlmodel.impl.session;

import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.Engine;
import dev.sqlmodel.Session;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.impl.engine.AgroalSource;
import dev.sqlmodel.impl.engine.EngineImpl;
import dev.sqlmodel.impl.engine.SqlLog;
import dev.sqlmodel.impl.rel.Hero;
import dev.sqlmodel.impl.rel.HeroTeamLink;
import dev.sqlmodel.impl.rel.Hero_;
import dev.sqlmodel.impl.rel.Power;
import dev.sqlmodel.impl.rel.Team;
import dev.sqlmodel.impl.rel.Team_;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What a read outside a transaction asks of the driver, counted on the connections of the
 * engine's own pool (the path with kept statements): one checkout, one execution of a statement
 * prepared before, and nothing else of the library's beyond finding its kept statement: no
 * transaction calls, no fetch size, no row limit unless the read has one.
 */
class ReadCallsTest extends DatabaseTest {
    /** Driver calls by interface and method while counting is on (every connection of the test engines). */
    private static final Map<String, Integer> CALLS = new TreeMap<>();
    private static volatile boolean counting;

    /** What every read costs besides binding its parameters and reading its rows, once per statement. */
    private static final Map<String, Integer> ONE_STATEMENT = Map.of(
            "Connection.unwrap", 1, // the driver's connection behind the pool's handle, whose kept statements serve the read
            "Connection.getWarnings", 1, // the pool's check when the connection comes back
            "PreparedStatement.isClosed", 1, // the kept statement is still usable
            "PreparedStatement.executeQuery", 1);

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Team.class, Hero.class, HeroTeamLink.class, Power.class};
    }

    /** A driver that hands out connections whose calls (and those of their statements and results) are counted. */
    public static final class CountingDriver implements Driver {
        /** For the pool, which creates its connection provider itself. */
        public CountingDriver() {
        }

        private static Driver real(String url) throws SQLException {
            return DriverManager.getDriver(url);
        }

        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            Connection c = real(url).connect(url, info);
            return c == null ? null : (Connection) counted(c, Connection.class);
        }

        @Override
        public boolean acceptsURL(String url) throws SQLException {
            return real(url).acceptsURL(url);
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
            return real(url).getPropertyInfo(url, info);
        }

        @Override
        public int getMajorVersion() {
            return 1;
        }

        @Override
        public int getMinorVersion() {
            return 0;
        }

        @Override
        public boolean jdbcCompliant() {
            return false;
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }
    }

    private static Object counted(Object target, Class<?> iface) {
        return Proxy.newProxyInstance(ReadCallsTest.class.getClassLoader(), new Class<?>[] {iface}, (proxy, m, args) -> {
            if (counting) {
                synchronized (CALLS) {
                    CALLS.merge(iface.getSimpleName() + "." + m.getName(), 1, Integer::sum);
                }
            }
            if (m.getName().equals("unwrap") && args[0] instanceof Class<?> c && c.isInstance(proxy)) {
                return proxy; // statements prepared on "the driver's connection" are counted too
            }
            Object result;
            try {
                result = m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof PreparedStatement ps && !(result instanceof java.sql.CallableStatement)) {
                return counted(ps, PreparedStatement.class);
            }
            if (result instanceof Statement st && !(result instanceof PreparedStatement)) {
                return counted(st, Statement.class);
            }
            if (result instanceof ResultSet rs) {
                return counted(rs, ResultSet.class);
            }
            return result;
        });
    }

    /** An engine like {@code Engine.builder()} builds (its own Agroal pool), on counted connections. */
    private Engine countingEngine(Db db) {
        Engine.Builder b = Engine.builder().url(url(db)).models(models()).pool(p -> p.minSize(1).maxSize(2));
        if (db.user() != null) {
            b.user(db.user()).password("");
        }
        Dialect dialect = Dialect.fromUrl(url(db));
        AgroalSource source = new AgroalSource(AgroalSource.configuration(b, dialect).connectionPoolConfiguration(
                pool -> pool.connectionFactoryConfiguration(f -> f.connectionProviderClass(CountingDriver.class))),
                dialect);
        return EngineImpl.create(source, List.of(models()), new SqlLog(false, null));
    }

    /**
     * The driver calls of {@code read}, run once to prepare its statements and once counted,
     * leaving out parameter binding and row reading (which raw JDBC does the same way) and the
     * pool's validation of a connection that sat idle for a second.
     */
    private static Map<String, Integer> callsOf(Supplier<?> read) {
        read.get();
        synchronized (CALLS) {
            CALLS.clear();
        }
        counting = true;
        try {
            read.get();
        } finally {
            counting = false;
        }
        Map<String, Integer> out = new TreeMap<>();
        synchronized (CALLS) {
            CALLS.forEach((call, n) -> {
                boolean binds = call.startsWith("PreparedStatement.set") && !call.equals("PreparedStatement.setMaxRows")
                        && !call.equals("PreparedStatement.setFetchSize");
                if (!binds && !call.startsWith("ResultSet.") && !call.equals("Connection.isValid")) {
                    out.put(call, n);
                }
            });
        }
        return out;
    }

    private static Map<String, Integer> times(int statements) {
        Map<String, Integer> out = new TreeMap<>();
        ONE_STATEMENT.forEach((call, n) -> out.put(call, n * statements));
        return out;
    }

    private long seed(Db db) {
        fresh(db);
        try (Session s = engine(db).session()) {
            for (int t = 0; t < 3; t++) {
                Team team = s.add(new Team("Team " + t, "HQ " + t));
                for (int h = 0; h < 4; h++) {
                    Hero hero = new Hero("Hero " + t + "." + h, "Secret " + h, 20 + h);
                    hero.team.set(team);
                    s.add(hero);
                }
            }
            s.commit();
        }
        try (Session s = engine(db).session()) {
            return s.exec(select(Hero.class).orderBy(Hero_.id.asc())).first().orElseThrow().id;
        }
    }

    @DbTest
    void findByKeyIsOneKeptStatementAndNothingElse(Db db) {
        long id = seed(db);
        try (Engine e = countingEngine(db)) {
            assertEquals(times(1), callsOf(() -> {
                try (Session s = e.session()) {
                    return s.get(Hero.class, id).orElseThrow();
                }
            }), "tracked session");
            assertEquals(times(1), callsOf(() -> {
                try (StatelessSession s = e.stateless()) {
                    return s.get(Hero.class, id).orElseThrow();
                }
            }), "stateless session");
        }
    }

    @DbTest
    void manyRowsAreOneKeptStatementWithoutRowLimitOrFetchSize(Db db) {
        seed(db);
        try (Engine e = countingEngine(db)) {
            assertEquals(times(1), callsOf(() -> {
                try (Session s = e.session()) {
                    List<Hero> all = s.exec(select(Hero.class).orderBy(Hero_.id.asc())).all();
                    assertEquals(12, all.size());
                    return all;
                }
            }), "tracked session");
            assertEquals(times(1), callsOf(() -> {
                try (StatelessSession s = e.stateless()) {
                    List<Hero> all = s.exec(select(Hero.class).orderBy(Hero_.id.asc())).all();
                    assertEquals(12, all.size());
                    return all;
                }
            }), "stateless session");
        }
    }

    @DbTest
    void teamsWithTheirHeroesAreTwoKeptStatements(Db db) {
        seed(db);
        try (Engine e = countingEngine(db)) {
            assertEquals(times(2), callsOf(() -> {
                try (Session s = e.session()) {
                    List<Team> teams = s.exec(select(Team.class).orderBy(Team_.id.asc())).all();
                    teams.get(0).heroes.get(); // loads the heroes of all three teams
                    for (Team t : teams) {
                        assertEquals(4, t.heroes.size());
                    }
                    return teams;
                }
            }), "tracked session");
            // one call of the stateless session: both statements on one checkout
            Map<String, Integer> oneCheckout = times(2);
            oneCheckout.put("Connection.unwrap", 1);
            oneCheckout.put("Connection.getWarnings", 1);
            assertEquals(oneCheckout, callsOf(() -> {
                try (StatelessSession s = e.stateless()) {
                    List<Team> teams = s.exec(select(Team.class).orderBy(Team_.id.asc()).fetch(Team_.heroes)).all();
                    for (Team t : teams) {
                        assertEquals(4, t.heroes.size());
                    }
                    return teams;
                }
            }), "stateless session");
        }
    }

    @DbTest
    void aKeptStatementGetsItsRowLimitOnlyWhenItChanges(Db db) {
        seed(db);
        try (Engine e = countingEngine(db)) {
            Supplier<Hero> first = () -> {
                try (Session s = e.session()) {
                    return s.exec(select(Hero.class).orderBy(Hero_.id.asc())).first().orElseThrow();
                }
            };
            Supplier<List<Hero>> all = () -> {
                try (Session s = e.session()) {
                    return s.exec(select(Hero.class).orderBy(Hero_.id.asc())).all();
                }
            };
            // first() limits the kept statement to one row, and the next all() lifts the limit
            Map<String, Integer> switching = times(2);
            switching.put("PreparedStatement.setMaxRows", 2);
            assertEquals(switching, callsOf(() -> {
                first.get();
                assertEquals(12, all.get().size());
                return null;
            }));
            assertEquals(times(2), callsOf(() -> {
                first.get();
                return first.get();
            }), "a statement limited already");
            assertEquals(times(2), callsOf(() -> {
                all.get();
                return all.get();
            }), "a statement without limit");
            try (StatelessSession s = e.stateless()) {
                assertTrue(s.exec(select(Hero.class).orderBy(Hero_.id.asc())).first().isPresent());
                assertEquals(12, s.exec(select(Hero.class).orderBy(Hero_.id.asc())).all().size());
            }
        }
    }
}
