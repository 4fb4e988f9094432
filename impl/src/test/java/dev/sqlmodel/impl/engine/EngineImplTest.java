package dev.sqlmodel.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.Engine;
import dev.sqlmodel.Field;
import dev.sqlmodel.MappingException;
import dev.sqlmodel.PoolExhaustedException;
import dev.sqlmodel.PoolStats;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EngineImplTest {
    private static final String FILE = "eng-engine";

    @Table(name = "eng_pool_item")
    static class Item {
        @Field(primaryKey = true) Long id;
        String label;
    }

    static class NotATable {
        Long id;
    }

    private static Engine.Builder builder(Dialect dialect) {
        return TestDatabases.builder(dialect, FILE).models(Item.class);
    }

    @AfterAll
    static void dropTables() {
        for (Dialect dialect : Dialect.values()) {
            try (EngineImpl engine = EngineImpl.create(builder(dialect))) {
                engine.dropAll();
            }
        }
    }

    private static int queryInt(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getInt(1);
        }
    }

    private static String queryString(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.sqlmodel.impl.engine.TestDatabases#dialects")
    void engineKnowsItsDialectModelsAndServer(Dialect dialect) {
        try (EngineImpl engine = EngineImpl.create(builder(dialect))) {
            assertEquals(dialect, engine.dialect());
            assertEquals(dialect, engine.sqlDialect().kind());
            assertEquals(List.of("eng_pool_item"), engine.models().stream().map(m -> m.tableName()).toList());
            assertTrue(engine.knows(Item.class));
            assertFalse(engine.knows(NotATable.class));
            assertTrue(engine.databaseMajorVersion() >= 3, engine.server().toString());
            if (dialect == Dialect.MYSQL) {
                assertEquals(engine.server().productVersion().toLowerCase().contains("mariadb"), engine.isMariaDb());
            } else {
                assertFalse(engine.isMariaDb());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.sqlmodel.impl.engine.TestDatabases#dialects")
    void statsCountCheckoutsAndReturns(Dialect dialect) throws SQLException {
        try (EngineImpl engine = EngineImpl.create(builder(dialect).pool(p -> p.minSize(0).maxSize(3)))) {
            PoolStats before = engine.stats();
            Connection a = engine.acquire();
            Connection b = engine.acquire();
            assertEquals(1, queryInt(a, "SELECT 1"));
            PoolStats during = engine.stats();
            assertEquals(2, during.active());
            assertEquals(before.acquired() + 2, during.acquired());
            assertTrue(during.created() >= 2, during.toString());
            engine.release(a);
            engine.release(b);
            PoolStats after = engine.stats();
            assertEquals(0, after.active());
            assertTrue(after.idle() >= 2, after.toString());
            assertTrue(after.maxUsed() >= 2, after.toString());
            assertEquals(0, after.timeouts());
            assertTrue(a.isClosed());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.sqlmodel.impl.engine.TestDatabases#dialects")
    void idleConnectionsAboveMinSizeAndOldConnectionsAreRetired(Dialect dialect) throws Exception {
        try (EngineImpl idle = EngineImpl.create(builder(dialect).pool(p -> p.minSize(0).maxSize(3)
                .idleTimeout(Duration.ofMillis(300))))) {
            Connection a = idle.acquire();
            Connection b = idle.acquire();
            idle.release(a);
            idle.release(b);
            assertTrue(waitFor(() -> idle.stats().destroyed() >= 2), idle.stats().toString());
            assertEquals(0, idle.stats().idle());
        }
        try (EngineImpl aging = EngineImpl.create(builder(dialect).pool(p -> p.minSize(1).maxSize(2)
                .maxLifetime(Duration.ofMillis(400))))) {
            long created = aging.stats().created();
            assertTrue(waitFor(() -> aging.stats().destroyed() >= 1 && aging.stats().created() > created),
                    aging.stats().toString());
            Connection c = aging.acquire(); // the replacement works
            assertEquals(1, queryInt(c, "SELECT 1"));
            aging.release(c);
        }
    }

    @org.junit.jupiter.api.Test
    void aPoolOfFixedSizeReapsNothingSoItKeepsNoIdleTimes() {
        Engine.Builder fixed = Engine.builder().url("jdbc:sqlite:fixed.db").pool(p -> p.minSize(2).maxSize(2));
        assertEquals(Duration.ZERO, AgroalSource.configuration(fixed, Dialect.SQLITE).get()
                .connectionPoolConfiguration().reapTimeout());
        Engine.Builder growing = Engine.builder().url("jdbc:sqlite:growing.db").pool(p -> p.minSize(1).maxSize(2)
                .idleTimeout(Duration.ofMinutes(3)));
        assertEquals(Duration.ofMinutes(3), AgroalSource.configuration(growing, Dialect.SQLITE).get()
                .connectionPoolConfiguration().reapTimeout());
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    @ParameterizedTest
    @MethodSource("dev.sqlmodel.impl.engine.TestDatabases#dialects")
    void exhaustedPoolThrowsWithinTheAcquireTimeout(Dialect dialect) {
        Duration timeout = Duration.ofMillis(300);
        try (EngineImpl engine = EngineImpl.create(builder(dialect).pool(p -> p.maxSize(1).acquireTimeout(timeout)))) {
            Connection held = engine.acquire();
            try {
                long start = System.nanoTime();
                PoolExhaustedException e = assertThrows(PoolExhaustedException.class, engine::acquire);
                long elapsedMs = (System.nanoTime() - start) / 1_000_000;
                assertTrue(elapsedMs >= 250 && elapsedMs < 5_000, "waited " + elapsedMs + " ms");
                assertTrue(e.getMessage().contains("maxSize 1"), e.getMessage());
                assertTrue(e.getMessage().contains("PT0.3S"), e.getMessage());
                assertEquals(1, engine.stats().timeouts());
            } finally {
                engine.release(held);
            }
            Connection again = engine.acquire(); // the pool recovers once the holder returns
            engine.release(again);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.sqlmodel.impl.engine.TestDatabases#dialects")
    void validateOnCheckoutReplacesAConnectionTheServerKilled(Dialect dialect) throws Exception {
        try (EngineImpl engine = EngineImpl.create(builder(dialect).pool(p -> p.maxSize(1).validateOnCheckout(true)
                .idleTimeout(Duration.ofSeconds(1)).maxLifetime(Duration.ofMinutes(1))))) {
            Connection first = engine.acquire();
            String killSql = switch (dialect) {
                case POSTGRESQL -> "SELECT pg_terminate_backend(" + queryInt(first, "SELECT pg_backend_pid()") + ")";
                case MYSQL -> "KILL " + queryInt(first, "SELECT CONNECTION_ID()");
                case SQLITE -> null;
            };
            engine.release(first);
            if (killSql != null) {
                try (Connection admin = TestDatabases.connect(dialect, FILE); Statement st = admin.createStatement()) {
                    st.execute(killSql);
                }
            }
            long destroyedBefore = engine.stats().destroyed();
            try (Connection c = engine.acquire()) {
                assertEquals(1, queryInt(c, "SELECT 1"));
            }
            if (killSql != null) {
                // The pool replaces the dead connection at once and may count its destruction a moment later.
                assertTrue(waitFor(() -> engine.stats().destroyed() > destroyedBefore), engine.stats().toString());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.sqlmodel.impl.engine.TestDatabases#dialects")
    void dataSourceEngineDetectsTheDialect(Dialect dialect) throws SQLException {
        try (EngineImpl engine = EngineImpl.create(TestDatabases.dataSource(dialect, FILE), List.of(Item.class))) {
            assertEquals(dialect, engine.dialect());
            engine.createAll();
            Connection c = engine.acquire();
            try {
                assertEquals(1, queryInt(c, "SELECT 1"));
                if (dialect == Dialect.SQLITE) {
                    assertEquals(1, queryInt(c, "PRAGMA foreign_keys"));
                }
                assertEquals(1, engine.stats().active());
            } finally {
                engine.release(c);
            }
            assertTrue(c.isClosed());
            engine.dropAll();
            assertEquals(0, engine.stats().active());
            assertTrue(engine.stats().acquired() >= 3);
        }
    }

    @Test
    void sqliteFileConnectionsRunWithWalForeignKeysAndBusyTimeout() throws SQLException {
        try (EngineImpl engine = EngineImpl.create(builder(Dialect.SQLITE)); Connection c = engine.acquire()) {
            assertEquals(1, queryInt(c, "PRAGMA foreign_keys"));
            assertEquals("wal", queryString(c, "PRAGMA journal_mode").toLowerCase());
            assertEquals(5000, queryInt(c, "PRAGMA busy_timeout"));
            assertEquals(1, queryInt(c, "PRAGMA synchronous"), "NORMAL");
        }
    }

    @Test
    void sqliteUrlSettingsWinOverTheDefaults() throws SQLException {
        String url = "jdbc:sqlite:" + TestDatabases.sqliteFile("eng-engine-url") + "?busy_timeout=1234";
        try (EngineImpl engine = EngineImpl.create(Engine.builder().url(url).models(Item.class));
                Connection c = engine.acquire()) {
            assertEquals(1234, queryInt(c, "PRAGMA busy_timeout"));
            assertEquals(1, queryInt(c, "PRAGMA foreign_keys"));
        }
    }

    @Test
    void sqliteInMemoryDatabaseIsOneConnectionThatKeepsItsTables() throws SQLException {
        try (EngineImpl engine = EngineImpl.create(Engine.builder().url("jdbc:sqlite::memory:").models(Item.class)
                .pool(p -> p.minSize(0).maxSize(8).acquireTimeout(Duration.ofMillis(200))))) {
            engine.createAll();
            Connection c = engine.acquire();
            try {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO \"eng_pool_item\" (\"label\") VALUES ('kept')");
                }
                assertThrows(PoolExhaustedException.class, engine::acquire);
            } finally {
                engine.release(c);
            }
            try (Connection again = engine.acquire()) {
                assertEquals("kept", queryString(again, "SELECT \"label\" FROM \"eng_pool_item\""));
            }
        }
    }

    @Test
    void mariadbUrlIsServedByConnectorJ() throws SQLException {
        try (EngineImpl engine = EngineImpl.create(Engine.builder().url("jdbc:mariadb://127.0.0.1:3306/test")
                .user("root").password("").models(Item.class)); Connection c = engine.acquire()) {
            assertEquals(Dialect.MYSQL, engine.dialect());
            assertEquals(1, queryInt(c, "SELECT 1"));
        }
    }

    @Test
    void mysqlDriverSettingsAreAddedUnlessTheUrlSetsThem() {
        DriverSettings s = DriverSettings.of("jdbc:mariadb://h/db?rewriteBatchedStatements=false", Dialect.MYSQL);
        assertEquals("jdbc:mysql://h/db?rewriteBatchedStatements=false", s.url());
        assertFalse(s.properties().containsKey("rewriteBatchedStatements"));
        assertEquals("true", s.properties().get("cachePrepStmts"));
        assertEquals("false", s.properties().get("useServerPrepStmts"));
        assertTrue(DriverSettings.isInMemory("jdbc:sqlite::memory:"));
        assertTrue(DriverSettings.isInMemory("jdbc:sqlite:file:x?mode=memory&cache=shared"));
        assertFalse(DriverSettings.isInMemory("jdbc:sqlite:target/x.db"));
    }

    @Test
    void echoLogsStatementsWithParametersAndSlowOnesAsWarnings() {
        Logger logger = Logger.getLogger(SqlLog.LOGGER);
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level oldLevel = logger.getLevel();
        logger.addHandler(handler);
        logger.setLevel(Level.ALL);
        try (EngineImpl engine = EngineImpl.create(builder(Dialect.SQLITE).echo(true))) {
            engine.createAll();
            assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.INFO
                    && r.getMessage().startsWith("CREATE TABLE IF NOT EXISTS \"eng_pool_item\"")), records.toString());
            records.clear();
            engine.log().statement("SELECT * FROM t WHERE a = ? AND b = ?", List.of(42, "x"), 1_500_000);
            assertEquals("SELECT * FROM t WHERE a = ? AND b = ? -- params: [42, 'x'] (1.500 ms)",
                    records.get(0).getMessage());
            engine.log().batch("INSERT INTO t VALUES (?)", 3, 2_000_000);
            assertEquals("INSERT INTO t VALUES (?) -- batch of 3 rows (2.000 ms)", records.get(1).getMessage());

            records.clear();
            SqlLog quiet = new SqlLog(false, Duration.ofMillis(10));
            assertTrue(quiet.enabled());
            quiet.statement("SELECT fast", List.of(), 1_000_000);
            assertTrue(records.isEmpty(), records.toString());
            quiet.statement("SELECT slow", List.of(1), 20_000_000);
            assertEquals(1, records.size());
            assertEquals(Level.WARNING, records.get(0).getLevel());
            assertTrue(records.get(0).getMessage().startsWith("SELECT slow -- params: [1]"));
            assertFalse(new SqlLog(false, null).enabled());
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(oldLevel);
        }
    }

    @Test
    void unsupportedUrlIsAClearError() {
        SqlModelException e = assertThrows(SqlModelException.class,
                () -> EngineImpl.create(Engine.builder().url("jdbc:oracle:thin:@localhost:1521:x")));
        assertTrue(e.getMessage().contains("unsupported JDBC URL 'jdbc:oracle:thin:@localhost:1521:x'"), e.getMessage());
    }

    @Test
    void unreachableServerFailsFastWithSqlModelException() {
        for (String url : List.of("jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2",
                "jdbc:mysql://127.0.0.1:1/test?connectTimeout=2000")) {
            long start = System.nanoTime();
            SqlModelException e = assertThrows(SqlModelException.class, () -> EngineImpl.create(Engine.builder()
                    .url(url).user("x").pool(p -> p.acquireTimeout(Duration.ofSeconds(10)))));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertFalse(e instanceof PoolExhaustedException, e.toString());
            assertTrue(e.getMessage().startsWith("cannot connect to the database: "), e.getMessage());
            assertTrue(elapsedMs < 8_000, "took " + elapsedMs + " ms");
        }
    }

    @Test
    void unreachableDataSourceFailsWithSqlModelException() {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setUrl("jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2");
        SqlModelException e = assertThrows(SqlModelException.class, () -> EngineImpl.create(ds, List.of(Item.class)));
        assertEquals("08001", e.sqlState());
        assertTrue(e.getMessage().startsWith("cannot connect to the database: "), e.getMessage());
    }

    @Test
    void invalidModelFailsAtBuild() {
        assertThrows(MappingException.class,
                () -> EngineImpl.create(Engine.builder().url("jdbc:sqlite::memory:").models(NotATable.class)));
    }

    @Test
    void closedEngineRefusesWorkAndClosesItsPool() {
        EngineImpl engine = EngineImpl.create(builder(Dialect.SQLITE));
        engine.close();
        engine.close();
        assertThrows(SqlModelException.class, engine::acquire);
        assertThrows(SqlModelException.class, engine::createAll);
    }

    @Test
    void translateKeepsSqlStateAndFindsTheSpecificChainedError() {
        SQLException top = new SQLException("Batch entry 0 was aborted", "25P02");
        top.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));
        SqlModelException e = SqlErrors.translate(top, "INSERT INTO t VALUES (?)", Dialect.POSTGRESQL);
        assertInstanceOf(dev.sqlmodel.IntegrityException.class, e);
        assertEquals("23505", e.sqlState());
        assertTrue(e.getMessage().startsWith("unique constraint violated: duplicate key"), e.getMessage());
        assertTrue(e.getMessage().endsWith("[SQL: INSERT INTO t VALUES (?)]"), e.getMessage());

        SqlModelException other = SqlErrors.translate(new SQLException("syntax error", "42601"), "SELEC 1",
                Dialect.POSTGRESQL);
        assertFalse(other instanceof dev.sqlmodel.IntegrityException);
        assertEquals("42601", other.sqlState());
        assertEquals("SELEC 1", other.sql());
    }
}
