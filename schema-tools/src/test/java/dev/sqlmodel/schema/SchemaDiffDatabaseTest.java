package dev.sqlmodel.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.Engine;
import dev.sqlmodel.ReferentialAction;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import dev.sqlmodel.schema.models.MigHero;
import dev.sqlmodel.schema.models.MigMembership;
import dev.sqlmodel.schema.models.MigPort;
import dev.sqlmodel.schema.models.MigShip;
import dev.sqlmodel.schema.models.MigTeam;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaDiffDatabaseTest extends SchemaTestBase {
    @TempDir
    Path dir;

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {MigTeam.class, MigHero.class, MigMembership.class, MigPort.class, MigShip.class};
    }

    @DbTest
    void createAllThenInspectThenDiffIsEmpty(Db db) {
        wipe(db);
        Engine engine = engine(db);
        engine.createAll();
        DatabaseSchema live = SchemaInspector.inspect(engine);
        DatabaseSchema want = SchemaInspector.fromModels(engine.dialect(), models());
        List<SchemaChange> changes = SchemaDiff.between(live, want);
        assertEquals(List.of(), describe(changes), "no changes right after createAll()");

        TableSchema hero = live.table("mig_hero").orElseThrow();
        assertEquals("VARCHAR(100)", hero.column("name").orElseThrow().type());
        assertFalse(hero.column("name").orElseThrow().nullable());
        assertTrue(hero.column("id").orElseThrow().autoIncrement());
        assertEquals("DECIMAL(10,2)", hero.column("salary").orElseThrow().type());
        assertEquals("BOOLEAN", hero.column("active").orElseThrow().type());
        assertEquals("'unknown'", hero.column("origin").orElseThrow().defaultValue());
        assertEquals(db == Db.SQLITE ? "INTEGER" : "BIGINT", hero.column("team_id").orElseThrow().type());
        ForeignKeySchema fk = hero.foreignKeys().get(0);
        assertEquals(List.of("team_id"), fk.columns());
        assertEquals("mig_team", fk.refTable());
        assertEquals(ReferentialAction.SET_NULL, fk.onDelete());
        assertEquals(ReferentialAction.CASCADE, fk.onUpdate());
        assertEquals(Set.of("ix_mig_hero_name", "ix_mig_hero_rating"),
                hero.indexes().stream().map(IndexSchema::name).collect(Collectors.toSet()));
        assertEquals(List.of(List.of("code")), hero.uniqueConstraints().stream().map(UniqueSchema::columns).toList());

        TableSchema team = live.table("mig_team").orElseThrow();
        assertEquals(List.of("uq_mig_team_name"), team.uniqueConstraints().stream().map(UniqueSchema::name).toList());
        assertTrue(team.indexes().stream().noneMatch(i -> i.columns().equals(List.of("name"))),
                "a unique constraint is not reported again as an index");
        assertEquals(List.of("hero_id", "team_id"), live.table("mig_membership").orElseThrow().primaryKey());
    }

    @DbTest
    void addColumnIndexForeignKeyAndUniqueThenMigrateThenDiffIsEmpty(Db db) throws Exception {
        wipe(db);
        Engine engine = engine(db);
        Dialect d = engine.dialect();
        DatabaseSchema want = SchemaInspector.fromModels(d, MigPort.class, MigShip.class);
        TableSchema ship = want.table("mig_ship").orElseThrow();
        TableSchema oldShip = new TableSchema("mig_ship",
                ship.columns().stream().filter(c -> !c.name().equals("tonnage")).toList(), ship.primaryKey(), List.of(),
                List.of(), List.of(), List.of());
        create(db, want.table("mig_port").orElseThrow(), oldShip);
        exec(db, "INSERT INTO mig_port (id, name) VALUES (1, 'Tortuga')",
                "INSERT INTO mig_ship (id, name, registry, port_id) VALUES (1, 'Pearl', 'R-1', 1)",
                "INSERT INTO mig_ship (id, name, registry, port_id) VALUES (2, 'Dutchman', 'R-2', 1)");

        List<SchemaChange> changes = SchemaDiff.between(SchemaInspector.inspect(engine), want);
        assertEquals(List.of("add column mig_ship.tonnage INTEGER", "add unique uq_mig_ship_registry on mig_ship [registry]",
                "add index ix_mig_ship_tonnage on mig_ship [tonnage]",
                "add foreign key mig_ship [port_id] -> mig_port [id]"), describe(changes));

        Path file = MigrationWriter.to(dir).write("evolve ships", changes, d);
        assertEquals("V1__evolve_ships.sql", file.getFileName().toString());
        MigrationReport report = MigrationRunner.of(engine, dir).migrate();
        assertEquals(List.of("1"), report.applied());

        assertEquals(List.of(), describe(SchemaDiff.between(SchemaInspector.inspect(engine), want)));
        assertEquals(2, count(db, "SELECT COUNT(*) FROM mig_ship WHERE port_id = 1"), "rows kept");
        assertEquals(1, count(db, "SELECT COUNT(*) FROM mig_ship WHERE name = 'Dutchman' AND registry = 'R-2'"));
        assertThrows(RuntimeException.class, () -> exec(db,
                "INSERT INTO mig_ship (id, name, registry, port_id) VALUES (3, 'Ghost', 'R-1', 1)"), "unique now enforced");
        assertThrows(RuntimeException.class, () -> exec(db,
                "INSERT INTO mig_ship (id, name, registry, port_id) VALUES (4, 'Ghost', 'R-4', 99)"), "key now enforced");
    }

    @DbTest
    void dropColumnOnlyWhenAllowed(Db db) throws Exception {
        wipe(db);
        Engine engine = engine(db);
        Dialect d = engine.dialect();
        DatabaseSchema want = SchemaInspector.fromModels(d, MigPort.class);
        TableSchema port = want.table("mig_port").orElseThrow();
        List<ColumnSchema> columns = new ArrayList<>(port.columns());
        columns.add(new ColumnSchema("legacy", "VARCHAR(10)", true, null, false));
        create(db, new TableSchema("mig_port", columns, port.primaryKey(), List.of(), List.of(), List.of(), List.of()));
        exec(db, "INSERT INTO mig_port (id, name, legacy) VALUES (1, 'Tortuga', 'old')");

        List<SchemaChange> changes = SchemaDiff.between(SchemaInspector.inspect(engine), want);
        assertEquals(1, changes.size());
        DropColumn drop = (DropColumn) changes.get(0);
        assertTrue(drop.isDestructive());
        assertEquals("legacy", drop.column());
        MigrationException refused = assertThrows(MigrationException.class,
                () -> MigrationWriter.to(dir).write("drop legacy", changes, d));
        assertTrue(refused.getMessage().contains("Destructive.ALLOW"), refused.getMessage());
        assertFalse(Files.list(dir).findAny().isPresent(), "nothing written");

        MigrationWriter.to(dir).write("drop legacy", changes, d, Destructive.ALLOW);
        MigrationRunner.of(engine, dir).migrate();
        assertEquals(List.of(), describe(SchemaDiff.between(SchemaInspector.inspect(engine), want)));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM mig_port WHERE name = 'Tortuga'"));
    }

    @Test
    void sqliteRebuildOfAReferencedTableKeepsEveryRow() throws Exception {
        Db db = Db.SQLITE;
        wipe(db);
        Engine engine = engine(db);
        DatabaseSchema want = SchemaInspector.fromModels(Dialect.SQLITE, MigPort.class, MigShip.class);
        TableSchema port = want.table("mig_port").orElseThrow();
        List<ColumnSchema> loose = port.columns().stream().map(c -> c.name().equals("name")
                ? new ColumnSchema("name", "VARCHAR(20)", true, null, false) : c).toList();
        create(db, new TableSchema("mig_port", loose, port.primaryKey(), List.of(), List.of(), List.of(), List.of()),
                want.table("mig_ship").orElseThrow());
        exec(db, "INSERT INTO mig_port (id, name) VALUES (1, 'Tortuga')",
                "INSERT INTO mig_ship (id, name, registry, tonnage, port_id) VALUES (1, 'Pearl', 'R-1', 300, 1)",
                "INSERT INTO mig_ship (id, name, registry, tonnage, port_id) VALUES (2, 'Dutchman', 'R-2', 500, 1)");

        List<SchemaChange> changes = SchemaDiff.between(SchemaInspector.inspect(engine), want);
        assertEquals(1, changes.size(), describe(changes).toString());
        AlterColumn alter = (AlterColumn) changes.get(0);
        assertTrue(alter.sql(Dialect.SQLITE).stream().anyMatch(s -> s.startsWith("ALTER TABLE \"_sqlmodel_new_mig_port\" RENAME")));
        MigrationWriter.to(dir).write("tighten port name", changes, Dialect.SQLITE);
        MigrationRunner.of(engine, dir).migrate();

        assertEquals(List.of(), describe(SchemaDiff.between(SchemaInspector.inspect(engine), want)));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM mig_port WHERE name = 'Tortuga'"));
        // ON DELETE CASCADE would have emptied mig_ship had the old port table been dropped with keys on.
        assertEquals(2, count(db, "SELECT COUNT(*) FROM mig_ship WHERE port_id = 1"));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM pragma_foreign_key_check"));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM pragma_foreign_keys"), "foreign keys back on");
    }

    @DbTest
    void inspectsTheTutorialSchemaWrittenByHand(Db db) {
        wipe(db);
        String id = switch (db) {
            case SQLITE -> "id INTEGER NOT NULL";
            case POSTGRESQL -> "id SERIAL NOT NULL";
            case MARIADB -> "id INTEGER NOT NULL AUTO_INCREMENT";
        };
        String text = db == Db.MARIADB ? "VARCHAR(255)" : "VARCHAR";
        exec(db, "CREATE TABLE mig_tut_team (" + id + ", name " + text + " NOT NULL, headquarters " + text
                + " NOT NULL, PRIMARY KEY (id), CONSTRAINT uq_tut_team_name UNIQUE (name))",
                "CREATE TABLE mig_tut_hero (" + id + ", name " + text + " NOT NULL, secret_name " + text
                        + " NOT NULL, age INTEGER CHECK (age >= 0), team_id INTEGER, created DECIMAL(8, 3) DEFAULT 1.5, "
                        + "PRIMARY KEY (id), FOREIGN KEY(team_id) REFERENCES mig_tut_team (id) ON DELETE SET NULL)",
                "CREATE INDEX ix_tut_hero_name ON mig_tut_hero (name)",
                "CREATE INDEX ix_tut_hero_age_name ON mig_tut_hero (age, name)");

        DatabaseSchema live = SchemaInspector.inspect(engine(db));
        assertEquals(List.of("mig_tut_hero", "mig_tut_team"), live.tables().stream().map(TableSchema::name).toList());
        TableSchema hero = live.table("mig_tut_hero").orElseThrow();
        assertEquals(List.of("id", "name", "secret_name", "age", "team_id", "created"),
                hero.columns().stream().map(ColumnSchema::name).toList());
        ColumnSchema heroId = hero.column("id").orElseThrow();
        assertTrue(heroId.autoIncrement());
        assertFalse(heroId.nullable());
        assertEquals("INTEGER", heroId.type());
        assertEquals(text, hero.column("name").orElseThrow().type());
        assertTrue(hero.column("age").orElseThrow().nullable());
        assertEquals("DECIMAL(8,3)", hero.column("created").orElseThrow().type());
        assertEquals(List.of("id"), hero.primaryKey());
        ForeignKeySchema fk = hero.foreignKeys().get(0);
        assertEquals(List.of("team_id"), fk.columns());
        assertEquals("mig_tut_team", fk.refTable());
        assertEquals(List.of("id"), fk.refColumns());
        assertEquals(ReferentialAction.SET_NULL, fk.onDelete());
        assertEquals(Set.of(List.of("name"), List.of("age", "name")),
                hero.indexes().stream().map(IndexSchema::columns).collect(Collectors.toSet()));
        assertEquals(1, hero.checks().size());
        assertTrue(hero.checks().get(0).contains("age"), hero.checks().toString());
        TableSchema team = live.table("mig_tut_team").orElseThrow();
        assertEquals(List.of(List.of("name")), team.uniqueConstraints().stream().map(UniqueSchema::columns).toList());
        assertEquals(List.of(), team.indexes());
        assertTrue(isOnePointFive(hero.column("created").orElseThrow().defaultValue()));
    }

    private static boolean isOnePointFive(String value) {
        return dev.sqlmodel.schema.internal.Defaults.same(value, "1.5");
    }

    private void create(Db db, TableSchema... tables) {
        for (TableSchema t : tables) {
            exec(db, new CreateTable(t).sql(engine(db).dialect()).toArray(String[]::new));
        }
    }

    static List<String> describe(List<SchemaChange> changes) {
        return changes.stream().map(MigrationWriter::describe).toList();
    }
}
