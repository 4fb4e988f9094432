package dev.sqlmodel.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.Field;
import dev.sqlmodel.IntegrityException;
import dev.sqlmodel.ReferentialAction;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.Table;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.meta.ModelRegistry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaGeneratorTest {
    private static final String FILE = "eng-schema";

    @Table(name = "eng_team")
    static class Team {
        @Field(primaryKey = true) Long id;
        @Field(unique = true, maxLength = 50, nullable = false) String name;
        @Field(index = true) String headquarters;
    }

    @Table(name = "eng_hero")
    static class Hero {
        @Field(primaryKey = true) Long id;
        @Field(index = true, maxLength = 100) String name;
        Integer age;
        @Field(computed = true, sqlDefault = "age + 1") Integer nextAge;
        @Field(foreignKey = "eng_team.id", onDelete = ReferentialAction.SET_NULL) Long teamId;
        @Field(maxDigits = 10, decimalPlaces = 2) BigDecimal salary;
        @Field(maxLength = 40, sqlDefault = "'unknown'") String status;
        @Field(sqlType = "VARCHAR(7)") String code;
    }

    @Table(name = "eng_mission")
    static class Mission {
        @Field(primaryKey = true, foreignKey = "eng_hero.id", onDelete = ReferentialAction.CASCADE) long heroId;
        @Field(primaryKey = true) int seq;
        String title;
    }

    @Table(name = "eng_cy_a")
    static class CycleA {
        @Field(primaryKey = true) Long id;
        @Field(foreignKey = "eng_cy_b.id") Long bId;
    }

    @Table(name = "eng_cy_b")
    static class CycleB {
        @Field(primaryKey = true) Long id;
        @Field(foreignKey = "eng_cy_a.id") Long aId;
    }

    /** Children first on purpose: the generator must put parents first. */
    private static List<Class<?>> heroModels() {
        return List.of(Mission.class, Hero.class, Team.class);
    }

    private static List<ModelMeta<?>> metas(Class<?>... types) {
        List<ModelMeta<?>> out = new ArrayList<>();
        for (Class<?> t : types) {
            out.add(ModelRegistry.of(t));
        }
        return out;
    }

    /** Every model of this class, so that a test's leftovers never block another's dropAll. */
    @AfterAll
    static void dropEverything() {
        for (Dialect dialect : Dialect.values()) {
            try (EngineImpl engine = engine(dialect, List.of(Mission.class, Hero.class, Team.class, CycleA.class,
                    CycleB.class, Broken.class))) {
                engine.dropAll();
            }
        }
    }

    @BeforeAll
    static void startClean() {
        dropEverything();
    }

    private static EngineImpl engine(Dialect dialect, List<Class<?>> models) {
        return EngineImpl.create(TestDatabases.builder(dialect, FILE).models(models.toArray(new Class<?>[0])));
    }

    @Test
    void sqliteStatementsInlineTheRowidKeyAndCreateIndexesSeparately() {
        List<String> sql = new SchemaGenerator(Dialect.SQLITE).createStatements(metas(Hero.class, Team.class));
        assertEquals(List.of(
                "CREATE TABLE IF NOT EXISTS \"eng_team\" (\"id\" INTEGER NOT NULL PRIMARY KEY, "
                        + "\"name\" VARCHAR(50) NOT NULL, \"headquarters\" TEXT, "
                        + "CONSTRAINT \"uq_eng_team_name\" UNIQUE (\"name\"))",
                "CREATE INDEX IF NOT EXISTS \"ix_eng_team_headquarters\" ON \"eng_team\" (\"headquarters\")",
                "CREATE TABLE IF NOT EXISTS \"eng_hero\" (\"id\" INTEGER NOT NULL PRIMARY KEY, "
                        + "\"name\" VARCHAR(100), \"age\" INTEGER, "
                        + "\"next_age\" INTEGER GENERATED ALWAYS AS (age + 1) STORED, \"team_id\" INTEGER, "
                        + "\"salary\" DECIMAL(10,2), \"status\" VARCHAR(40) DEFAULT 'unknown', \"code\" VARCHAR(7), "
                        + "CONSTRAINT \"fk_eng_hero_team_id_eng_team\" FOREIGN KEY (\"team_id\") "
                        + "REFERENCES \"eng_team\" (\"id\") ON DELETE SET NULL)",
                "CREATE INDEX IF NOT EXISTS \"ix_eng_hero_name\" ON \"eng_hero\" (\"name\")"), sql);
    }

    @Test
    void postgresStatementsUseIdentityAndSeparatePrimaryKey() {
        List<String> sql = new SchemaGenerator(Dialect.POSTGRESQL).createStatements(metas(Team.class));
        assertEquals("CREATE TABLE IF NOT EXISTS \"eng_team\" (\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY, "
                + "\"name\" VARCHAR(50) NOT NULL, \"headquarters\" TEXT, PRIMARY KEY (\"id\"), "
                + "CONSTRAINT \"uq_eng_team_name\" UNIQUE (\"name\"))", sql.get(0));
        assertEquals("CREATE INDEX IF NOT EXISTS \"ix_eng_team_headquarters\" ON \"eng_team\" (\"headquarters\")",
                sql.get(1));
    }

    @Test
    void mysqlStatementsDeclareIndexesInlineWithTableOptions() {
        List<String> sql = new SchemaGenerator(Dialect.MYSQL).createStatements(metas(Team.class));
        assertEquals(List.of("CREATE TABLE IF NOT EXISTS `eng_team` (`id` BIGINT NOT NULL AUTO_INCREMENT, "
                + "`name` VARCHAR(50) NOT NULL, `headquarters` VARCHAR(255), PRIMARY KEY (`id`), "
                + "CONSTRAINT `uq_eng_team_name` UNIQUE (`name`), "
                + "INDEX `ix_eng_team_headquarters` (`headquarters`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"), sql);
    }

    @Table(name = "eng_profile", schema = "audit")
    static class Profile {
        @Field(primaryKey = true, autoIncrement = false) int id;
        @Field(sqlType = "TEXT", unique = true) String bio;
        @Field(index = true, maxLength = 20) String handle;
    }

    @Test
    void schemaQualifiedTablesAndMysqlTextKeyPrefixes() {
        List<String> pg = new SchemaGenerator(Dialect.POSTGRESQL).createStatements(metas(Profile.class));
        assertEquals(List.of("CREATE TABLE IF NOT EXISTS \"audit\".\"eng_profile\" (\"id\" INTEGER NOT NULL, "
                + "\"bio\" TEXT, \"handle\" VARCHAR(20), PRIMARY KEY (\"id\"), "
                + "CONSTRAINT \"uq_eng_profile_bio\" UNIQUE (\"bio\"))",
                "CREATE INDEX IF NOT EXISTS \"ix_eng_profile_handle\" ON \"audit\".\"eng_profile\" (\"handle\")"), pg);
        List<String> sqlite = new SchemaGenerator(Dialect.SQLITE).createStatements(metas(Profile.class));
        assertEquals("CREATE INDEX IF NOT EXISTS \"audit\".\"ix_eng_profile_handle\" ON \"eng_profile\" (\"handle\")",
                sqlite.get(1));
        String mysql = new SchemaGenerator(Dialect.MYSQL).createStatements(metas(Profile.class)).get(0);
        assertTrue(mysql.contains("CONSTRAINT `uq_eng_profile_bio` UNIQUE (`bio`(255))"), mysql);
        assertTrue(mysql.contains("INDEX `ix_eng_profile_handle` (`handle`)"), mysql);
        assertEquals(List.of("DROP TABLE IF EXISTS `audit`.`eng_profile`"),
                new SchemaGenerator(Dialect.MYSQL).dropStatements(metas(Profile.class)));
    }

    @Test
    void tablesAreOrderedParentsFirstAndDroppedChildrenFirst() {
        SchemaGenerator g = new SchemaGenerator(Dialect.POSTGRESQL);
        List<ModelMeta<?>> order = g.createOrder(metas(Mission.class, Hero.class, Team.class));
        assertEquals(List.of("eng_team", "eng_hero", "eng_mission"), order.stream().map(ModelMeta::tableName).toList());
        assertEquals(List.of("DROP TABLE IF EXISTS \"eng_mission\"", "DROP TABLE IF EXISTS \"eng_hero\"",
                "DROP TABLE IF EXISTS \"eng_team\""), g.dropStatements(metas(Team.class, Mission.class, Hero.class)));
    }

    @Test
    void aForeignKeyCycleIsClosedWithAlterTableOnPostgres() {
        List<String> sql = new SchemaGenerator(Dialect.POSTGRESQL).createStatements(metas(CycleA.class, CycleB.class));
        assertEquals(3, sql.size());
        assertTrue(sql.get(0).startsWith("CREATE TABLE IF NOT EXISTS \"eng_cy_b\""), sql.get(0));
        assertTrue(sql.get(1).contains("REFERENCES \"eng_cy_b\""), sql.get(1));
        assertEquals("ALTER TABLE \"eng_cy_b\" ADD CONSTRAINT \"fk_eng_cy_b_a_id_eng_cy_a\" FOREIGN KEY (\"a_id\") "
                + "REFERENCES \"eng_cy_a\" (\"id\")", sql.get(2));
    }

    @ParameterizedTest
    @MethodSource("dev.sqlmodel.impl.engine.TestDatabases#dialects")
    void createAllCreatesTablesKeysAndIndexes(Dialect dialect) throws SQLException {
        try (EngineImpl engine = engine(dialect, heroModels())) {
            engine.dropAll();
            engine.createAll();
            engine.createAll(); // a second run changes nothing and does not fail
            try (Connection c = engine.acquire()) {
                DatabaseMetaData md = c.getMetaData();
                String cat = TestDatabases.catalog(dialect);
                String sch = TestDatabases.schema(dialect);
                for (String t : List.of("eng_team", "eng_hero", "eng_mission")) {
                    try (ResultSet rs = md.getTables(cat, sch, t, null)) {
                        assertTrue(rs.next(), t + " exists on " + dialect);
                    }
                }
                assertEquals(List.of("hero_id", "seq"), primaryKey(md, cat, sch, "eng_mission"));
                assertEquals(List.of("id"), primaryKey(md, cat, sch, "eng_hero"));

                try (ResultSet rs = md.getImportedKeys(cat, sch, "eng_hero")) {
                    assertTrue(rs.next());
                    assertEquals("eng_team", rs.getString("PKTABLE_NAME"));
                    assertEquals("id", rs.getString("PKCOLUMN_NAME"));
                    assertEquals("team_id", rs.getString("FKCOLUMN_NAME"));
                    assertEquals(DatabaseMetaData.importedKeySetNull, rs.getInt("DELETE_RULE"));
                    assertFalse(rs.next());
                }
                Set<String> heroIndexes = indexedColumns(md, cat, sch, "eng_hero", false);
                assertTrue(heroIndexes.contains("ix_eng_hero_name:name"), heroIndexes.toString());
                Set<String> teamUnique = indexedColumns(md, cat, sch, "eng_team", true);
                assertTrue(teamUnique.stream().anyMatch(s -> s.endsWith(":name")), teamUnique.toString());

                assertEquals(7, columnSize(md, cat, sch, "eng_hero", "code"));
                if (dialect != Dialect.SQLITE) {
                    assertEquals(10, columnSize(md, cat, sch, "eng_hero", "salary"));
                    try (ResultSet rs = md.getColumns(cat, sch, "eng_hero", "salary")) {
                        assertTrue(rs.next());
                        assertEquals(2, rs.getInt("DECIMAL_DIGITS"));
                    }
                }
            } finally {
                engine.dropAll();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.sqlmodel.impl.engine.TestDatabases#dialects")
    void constraintsHoldAndViolationsAreIntegrityExceptions(Dialect dialect) throws SQLException {
        try (EngineImpl engine = engine(dialect, heroModels())) {
            engine.dropAll();
            engine.createAll();
            try (Connection c = engine.acquire()) {
                long teamId = insertTeam(c, "Avengers");
                String dup = "INSERT INTO " + q(engine, "eng_team") + " (" + q(engine, "name") + ") VALUES (?)";
                SQLException unique = assertThrows(SQLException.class, () -> {
                    try (PreparedStatement ps = c.prepareStatement(dup)) {
                        ps.setString(1, "Avengers");
                        ps.executeUpdate();
                    }
                });
                SqlModelException e = engine.translate(unique, dup);
                assertInstanceOf(IntegrityException.class, e);
                assertTrue(e.sqlState().startsWith("23"), e.sqlState());
                assertTrue(e.getMessage().contains("[SQL: " + dup + "]"), e.getMessage());
                assertEquals(dup, e.sql());

                String orphan = "INSERT INTO " + q(engine, "eng_hero") + " (" + q(engine, "name") + ", "
                        + q(engine, "team_id") + ") VALUES ('Nobody', 999)";
                SQLException fk = assertThrows(SQLException.class, () -> {
                    try (Statement st = c.createStatement()) {
                        st.executeUpdate(orphan);
                    }
                });
                assertInstanceOf(IntegrityException.class, engine.translate(fk, orphan));

                String hero = "INSERT INTO " + q(engine, "eng_hero") + " (" + q(engine, "name") + ", "
                        + q(engine, "age") + ", " + q(engine, "team_id") + ", " + q(engine, "salary")
                        + ") VALUES (?, ?, ?, ?)";
                long heroId;
                try (PreparedStatement ps = c.prepareStatement(hero, Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, "Deadpond");
                    ps.setInt(2, 30);
                    ps.setLong(3, teamId);
                    ps.setBigDecimal(4, new BigDecimal("12345678.91"));
                    ps.executeUpdate();
                    heroId = generatedKey(ps);
                }
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO " + q(engine, "eng_mission") + " VALUES (" + heroId + ", 1, 'x')");
                    try (ResultSet rs = st.executeQuery("SELECT " + q(engine, "status") + ", "
                            + q(engine, "next_age") + ", " + q(engine, "salary") + " FROM " + q(engine, "eng_hero"))) {
                        assertTrue(rs.next());
                        assertEquals("unknown", rs.getString(1), "SQL default applies to an omitted column");
                        assertEquals(31, rs.getInt(2), "computed column");
                        assertEquals(0, new BigDecimal("12345678.91").compareTo(rs.getBigDecimal(3)));
                    }
                    st.executeUpdate("DELETE FROM " + q(engine, "eng_team"));
                    try (ResultSet rs = st.executeQuery("SELECT " + q(engine, "team_id") + " FROM "
                            + q(engine, "eng_hero") + " WHERE " + q(engine, "id") + " = " + heroId)) {
                        assertTrue(rs.next());
                        assertNull(rs.getObject(1), "ON DELETE SET NULL");
                    }
                }
            }
            engine.dropAll(); // rows still present: children must go first
            assertNoTables(engine, dialect, "eng_team", "eng_hero", "eng_mission");
            engine.dropAll(); // and again, harmlessly
        }
    }

    @ParameterizedTest
    @MethodSource("dev.sqlmodel.impl.engine.TestDatabases#dialects")
    void batchFailureIsTranslatedToIntegrityException(Dialect dialect) throws SQLException {
        try (EngineImpl engine = engine(dialect, List.of(Team.class))) {
            engine.dropAll();
            engine.createAll();
            String sql = "INSERT INTO " + q(engine, "eng_team") + " (" + q(engine, "name") + ") VALUES (?)";
            try (Connection c = engine.acquire(); PreparedStatement ps = c.prepareStatement(sql)) {
                for (String name : List.of("A", "B", "A")) {
                    ps.setString(1, name);
                    ps.addBatch();
                }
                SQLException e = assertThrows(SQLException.class, ps::executeBatch);
                SqlModelException translated = engine.translate(e, sql);
                assertInstanceOf(IntegrityException.class, translated, translated.getMessage());
                assertTrue(translated.sqlState().startsWith("23"), translated.sqlState());
            } finally {
                engine.dropAll();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.sqlmodel.impl.engine.TestDatabases#dialects")
    void foreignKeyCycleIsCreatedAndDroppedTwice(Dialect dialect) throws SQLException {
        try (EngineImpl engine = engine(dialect, List.of(CycleA.class, CycleB.class))) {
            engine.dropAll();
            engine.createAll();
            engine.createAll();
            try (Connection c = engine.acquire()) {
                DatabaseMetaData md = c.getMetaData();
                for (String t : List.of("eng_cy_a", "eng_cy_b")) {
                    try (ResultSet rs = md.getImportedKeys(TestDatabases.catalog(dialect), TestDatabases.schema(dialect), t)) {
                        assertTrue(rs.next(), "foreign key on " + t);
                    }
                }
            }
            engine.dropAll();
            engine.dropAll();
            assertNoTables(engine, dialect, "eng_cy_a", "eng_cy_b");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.sqlmodel.impl.engine.TestDatabases#dialects")
    void failingDdlNamesTheStatementAndLeavesNothingBehindWhereDdlIsTransactional(Dialect dialect) {
        try (EngineImpl engine = engine(dialect, List.of(Team.class, Broken.class))) {
            engine.dropAll();
            SqlModelException e = assertThrows(SqlModelException.class, engine::createAll);
            assertNotNull(e.sql());
            assertTrue(e.sql().contains("eng_broken"), e.sql());
            if (dialect != Dialect.MYSQL) {
                assertNoTables(engine, dialect, "eng_team");
            }
            engine.dropAll();
        }
    }

    @Table(name = "eng_broken")
    static class Broken {
        @Field(primaryKey = true) Long id;
        @Field(sqlType = "NO_SUCH_TYPE(((") String bad;
    }

    private static void assertNoTables(EngineImpl engine, Dialect dialect, String... tables) {
        try (Connection c = engine.acquire()) {
            for (String t : tables) {
                try (ResultSet rs = c.getMetaData().getTables(TestDatabases.catalog(dialect), TestDatabases.schema(dialect), t,
                        null)) {
                    assertFalse(rs.next(), t + " should not exist on " + dialect);
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static long insertTeam(Connection c, String name) throws SQLException {
        String quote = c.getMetaData().getIdentifierQuoteString();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + quote + "eng_team" + quote + " (" + quote
                + "name" + quote + ") VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.executeUpdate();
            return generatedKey(ps);
        }
    }

    private static long generatedKey(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            assertTrue(keys.next());
            long id = keys.getLong(1);
            assertTrue(id > 0);
            return id;
        }
    }

    private static String q(EngineImpl engine, String name) {
        return engine.sqlDialect().quote(name);
    }

    private static List<String> primaryKey(DatabaseMetaData md, String cat, String sch, String table)
            throws SQLException {
        List<String[]> cols = new ArrayList<>();
        try (ResultSet rs = md.getPrimaryKeys(cat, sch, table)) {
            while (rs.next()) {
                cols.add(new String[] {String.valueOf(rs.getInt("KEY_SEQ")), rs.getString("COLUMN_NAME")});
            }
        }
        cols.sort((a, b) -> Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0])));
        return cols.stream().map(a -> a[1]).toList();
    }

    private static Set<String> indexedColumns(DatabaseMetaData md, String cat, String sch, String table,
            boolean unique) throws SQLException {
        Set<String> out = new HashSet<>();
        try (ResultSet rs = md.getIndexInfo(cat, sch, table, unique, false)) {
            while (rs.next()) {
                if (rs.getString("COLUMN_NAME") != null) {
                    out.add(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT) + ":" + rs.getString("COLUMN_NAME"));
                }
            }
        }
        return out;
    }

    private static int columnSize(DatabaseMetaData md, String cat, String sch, String table, String column)
            throws SQLException {
        try (ResultSet rs = md.getColumns(cat, sch, table, column)) {
            assertTrue(rs.next(), table + "." + column);
            return rs.getInt("COLUMN_SIZE");
        }
    }
}
