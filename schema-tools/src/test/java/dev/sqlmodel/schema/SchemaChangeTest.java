package dev.sqlmodel.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.ReferentialAction;
import dev.sqlmodel.schema.internal.Defaults;
import dev.sqlmodel.schema.internal.TypeNames;
import dev.sqlmodel.schema.models.MigPort;
import dev.sqlmodel.schema.models.MigShip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaChangeTest {
    @TempDir
    Path dir;

    @Test
    void catalogTypesReadAsTheModelsSpellThem() {
        assertEquals("VARCHAR(50)", TypeNames.normalize(Dialect.POSTGRESQL, "character varying(50)"));
        assertEquals("INTEGER", TypeNames.normalize(Dialect.POSTGRESQL, "int4"));
        assertEquals("BIGINT", TypeNames.normalize(Dialect.POSTGRESQL, "int8"));
        assertEquals("DECIMAL(10,2)", TypeNames.normalize(Dialect.POSTGRESQL, "numeric(10, 2)"));
        assertEquals("TIMESTAMP", TypeNames.normalize(Dialect.POSTGRESQL, "timestamp without time zone"));
        assertEquals("TIMESTAMP WITH TIME ZONE", TypeNames.normalize(Dialect.POSTGRESQL, "timestamptz"));
        assertEquals("DOUBLE PRECISION", TypeNames.normalize(Dialect.POSTGRESQL, "float8"));
        assertEquals("BOOLEAN", TypeNames.normalize(Dialect.MYSQL, "tinyint(1)"));
        assertEquals("INTEGER", TypeNames.normalize(Dialect.MYSQL, "int(11)"));
        assertEquals("BIGINT UNSIGNED", TypeNames.normalize(Dialect.MYSQL, "bigint(20) unsigned"));
        assertEquals("DATETIME(6)", TypeNames.normalize(Dialect.MYSQL, "datetime(6)"));
    }

    @Test
    void defaultsLoseCastsAndCompareNumbersByValue() {
        assertEquals("'x'", Defaults.normalize(Dialect.POSTGRESQL, "'x'::character varying"));
        assertEquals("'x'", Defaults.normalize(Dialect.POSTGRESQL, "('x'::text)"));
        assertEquals("-1", Defaults.normalize(Dialect.POSTGRESQL, "'-1'::integer").replace("'", ""));
        assertEquals("CURRENT_TIMESTAMP", Defaults.normalize(Dialect.MYSQL, "current_timestamp()"));
        assertEquals("1", Defaults.normalize(Dialect.MYSQL, "TRUE"));
        assertEquals(null, Defaults.normalize(Dialect.MYSQL, "NULL"));
        assertTrue(Defaults.same("0.00", "0"));
        assertFalse(Defaults.same("'a'", "'b'"));
    }

    @Test
    void narrowingTypeChangesAreDestructive() {
        ColumnSchema wide = new ColumnSchema("name", "VARCHAR(100)", true, null, false);
        ColumnSchema narrow = new ColumnSchema("name", "VARCHAR(20)", true, null, false);
        assertTrue(new AlterColumn("t", wide, narrow, null).isDestructive());
        assertFalse(new AlterColumn("t", narrow, wide, null).isDestructive());
        assertFalse(TypeNames.isNarrowing("INTEGER", "BIGINT"));
        assertTrue(TypeNames.isNarrowing("BIGINT", "INTEGER"));
        assertFalse(TypeNames.isNarrowing("VARCHAR(10)", "TEXT"));
        assertTrue(TypeNames.isNarrowing("DECIMAL(10,2)", "DECIMAL(10,1)"));
        assertTrue(TypeNames.isNarrowing("TEXT", "INTEGER"));
        assertTrue(new DropTable(table()).isDestructive());
        assertFalse(new AddIndex("t", new IndexSchema("ix", List.of("a"), false)).isDestructive());
    }

    @Test
    void inverseUndoesEachChange() {
        TableSchema t = table();
        ColumnSchema extra = new ColumnSchema("extra", "INTEGER", true, null, false);
        AddColumn add = new AddColumn("mig_port", extra, t);
        DropColumn drop = (DropColumn) add.inverse();
        assertEquals("extra", drop.column());
        assertEquals(3, drop.before().columns().size(), "the inverse starts from the table after the change");
        assertEquals(add, drop.inverse());
        assertEquals(new CreateTable(t), new DropTable(t).inverse());
        ForeignKeySchema fk = new ForeignKeySchema("fk", List.of("a"), "p", List.of("id"), ReferentialAction.CASCADE,
                ReferentialAction.NO_ACTION);
        assertEquals(new DropForeignKey("t", fk, null), new AddForeignKey("t", fk, null).inverse());
    }

    @Test
    void sqlPerDialect() {
        ColumnSchema age = new ColumnSchema("age", "INTEGER", true, "0", false);
        assertEquals(List.of("ALTER TABLE \"mig_port\" ADD COLUMN \"age\" INTEGER DEFAULT 0"),
                new AddColumn("mig_port", age, table()).sql(Dialect.POSTGRESQL));
        assertEquals(List.of("ALTER TABLE `mig_port` DROP INDEX `uq`"),
                new DropUnique("mig_port", new UniqueSchema("uq", List.of("name")), table()).sql(Dialect.MYSQL));
        List<String> rebuild = new DropColumn("mig_port", table().columns().get(1), table()).sql(Dialect.SQLITE);
        assertEquals("PRAGMA foreign_keys=OFF", rebuild.get(0));
        assertTrue(rebuild.contains("INSERT INTO \"_sqlmodel_new_mig_port\" (\"id\") SELECT \"id\" FROM \"mig_port\""),
                rebuild.toString());
        assertEquals("PRAGMA foreign_key_check", rebuild.get(rebuild.size() - 2));
        ColumnSchema from = new ColumnSchema("age", "INTEGER", true, null, false);
        ColumnSchema to = new ColumnSchema("age", "BIGINT", false, "1", false);
        assertEquals(List.of("ALTER TABLE \"t\" ALTER COLUMN \"age\" TYPE BIGINT USING \"age\"::BIGINT",
                "ALTER TABLE \"t\" ALTER COLUMN \"age\" SET NOT NULL", "ALTER TABLE \"t\" ALTER COLUMN \"age\" SET DEFAULT 1"),
                new AlterColumn("t", from, to, null).sql(Dialect.POSTGRESQL));
    }

    @Test
    void diffOfModelsAgainstAnEmptyDatabaseCreatesParentsFirstAndIgnoresHistory() {
        DatabaseSchema want = SchemaInspector.fromModels(Dialect.POSTGRESQL, MigShip.class, MigPort.class);
        TableSchema history = new TableSchema("sqlmodel_migrations", List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
        List<SchemaChange> changes = SchemaDiff.between(new DatabaseSchema(Dialect.POSTGRESQL, List.of(history)), want);
        assertEquals(List.of("mig_port", "mig_ship"), changes.stream().map(SchemaChange::table).toList());
        assertTrue(SchemaDiff.between(want, want).isEmpty());
        TableSchema stray = new TableSchema("stray", List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        DatabaseSchema live = new DatabaseSchema(Dialect.POSTGRESQL, List.of(want.tables().get(0),
                want.tables().get(1), stray));
        assertEquals(List.of("drop table stray"), SchemaDiffDatabaseTest.describe(SchemaDiff.between(live, want)));
        assertTrue(SchemaDiff.between(live, want, java.util.Set.of("STRAY")).isEmpty());
    }

    @Test
    void writerNumbersAfterTheHighestFileAndCommentsTheDownMigration() throws Exception {
        Files.writeString(dir.resolve("V7__older.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("V10__newer.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("notes.txt"), "not a migration");
        ColumnSchema age = new ColumnSchema("age", "INTEGER", true, null, false);
        ColumnSchema legacy = new ColumnSchema("legacy", "TEXT", true, null, false);
        Path file = MigrationWriter.to(dir).write("Add hero age!", List.of(new AddColumn("hero", age, null),
                new DropColumn("hero", legacy, null)), Dialect.POSTGRESQL);
        assertEquals("V11__add_hero_age.sql", file.getFileName().toString());
        String text = Files.readString(file);
        assertTrue(text.contains("\nALTER TABLE \"hero\" ADD COLUMN \"age\" INTEGER;\n"), text);
        assertTrue(text.contains("--   drop column hero.legacy"), text);
        assertFalse(text.contains("\nALTER TABLE \"hero\" DROP COLUMN"), "destructive change left out:\n" + text);
        assertTrue(text.contains("-- ALTER TABLE \"hero\" DROP COLUMN \"age\";"), "down migration:\n" + text);
    }

    private static TableSchema table() {
        return new TableSchema("mig_port", List.of(new ColumnSchema("id", "INTEGER", false, null, true),
                new ColumnSchema("name", "VARCHAR(40)", false, null, false)), List.of("id"), List.of(), List.of(),
                List.of(), List.of());
    }
}
