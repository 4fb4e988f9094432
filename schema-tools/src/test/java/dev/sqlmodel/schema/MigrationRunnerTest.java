package dev.sqlmodel.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Engine;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import dev.sqlmodel.schema.models.MigPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;

class MigrationRunnerTest extends SchemaTestBase {
    @TempDir
    Path dir;

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {MigPort.class};
    }

    @DbTest
    void twoConcurrentRunnersApplyEachMigrationExactlyOnce(Db db) throws Exception {
        wipe(db);
        file("V1__create_counter.sql", "CREATE TABLE mig_counter (n INTEGER NOT NULL);");
        file("V2__first_row.sql", "INSERT INTO mig_counter (n) VALUES (1);");
        file("V3__second_row.sql", "INSERT INTO mig_counter (n) VALUES (2);\nINSERT INTO mig_counter (n) VALUES (3);");
        List<String> applied = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Engine a = engine(db);
        try (Engine b = secondEngine(db)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MigrationReport>> runs = new ArrayList<>();
            for (Engine e : List.of(a, b)) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return MigrationRunner.of(e, dir).migrate();
                }));
            }
            start.countDown();
            for (Future<MigrationReport> f : runs) {
                applied.addAll(f.get().applied());
            }
        } finally {
            pool.shutdownNow();
        }
        Collections.sort(applied);
        assertEquals(List.of("1", "2", "3"), applied, "each version applied by exactly one runner");
        assertEquals(3, count(db, "SELECT COUNT(*) FROM mig_counter"));
        assertEquals(3, count(db, "SELECT COUNT(*) FROM sqlmodel_migrations WHERE success = TRUE"));
    }

    @DbTest
    void anEditedAppliedFileIsRefusedAndReportedChanged(Db db) throws Exception {
        wipe(db);
        Path v1 = file("V1__create_note.sql", "CREATE TABLE mig_note (id INTEGER PRIMARY KEY, body VARCHAR(20));");
        Path v2 = file("V2__add_note.sql", "INSERT INTO mig_note (id, body) VALUES (1, 'a;b -- not a comment');");
        MigrationRunner runner = MigrationRunner.of(engine(db), dir);
        assertEquals(List.of(MigrationStatus.State.PENDING, MigrationStatus.State.PENDING), states(runner));
        assertEquals(List.of("1", "2"), runner.migrate().applied());
        assertEquals(1, count(db, "SELECT COUNT(*) FROM mig_note WHERE body = 'a;b -- not a comment'"));
        MigrationStatus first = runner.status().get(0);
        assertEquals("create note", first.description());
        assertTrue(first.appliedAt() != null && first.checksum().length() == 64);

        Files.writeString(v1, Files.readString(v1) + "\n-- edited\n");
        file("V3__more.sql", "INSERT INTO mig_note (id, body) VALUES (2, 'c');");
        MigrationException e = assertThrows(MigrationException.class, runner::migrate);
        assertTrue(e.getMessage().contains("V1__create_note.sql") && e.getMessage().contains("checksum mismatch"),
                e.getMessage());
        assertEquals(List.of(MigrationStatus.State.CHANGED, MigrationStatus.State.APPLIED,
                MigrationStatus.State.PENDING), states(runner));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM mig_note"), "nothing ran after the refusal");
        assertTrue(Files.exists(v2));
    }

    @DbTest
    void aFailedMigrationIsRecordedAndStopsTheRun(Db db) throws Exception {
        wipe(db);
        file("V1__ok.sql", "CREATE TABLE mig_ok (id INTEGER);");
        Path bad = file("V2__bad.sql", "CREATE TABLE mig_half (id INTEGER);\nINSERT INTO mig_missing VALUES (1);");
        file("V3__later.sql", "CREATE TABLE mig_later (id INTEGER);");
        MigrationRunner runner = MigrationRunner.of(engine(db), dir).table("mig_history");
        MigrationException e = assertThrows(MigrationException.class, runner::migrate);
        assertTrue(e.getMessage().contains("V2__bad.sql") && e.getMessage().contains("INSERT INTO mig_missing"),
                e.getMessage());
        assertEquals("INSERT INTO mig_missing VALUES (1)", e.sql());
        assertEquals(List.of(MigrationStatus.State.APPLIED, MigrationStatus.State.FAILED,
                MigrationStatus.State.PENDING), states(runner));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM mig_history WHERE success = FALSE AND version = '2'") - 1);
        boolean laterExists = SchemaInspector.inspect(engine(db)).table("mig_later").isPresent();
        assertTrue(!laterExists, "the run stopped at the failure");
        boolean halfExists = SchemaInspector.inspect(engine(db)).table("mig_half").isPresent();
        if (db == Db.MARIADB) {
            assertTrue(halfExists, "MySQL commits DDL as it goes");
            MigrationException again = assertThrows(MigrationException.class, runner::migrate);
            assertTrue(again.getMessage().contains("V2__bad.sql"), again.getMessage());
        } else {
            assertTrue(!halfExists, "the failed migration was rolled back as a whole");
            Files.writeString(bad, "CREATE TABLE mig_half (id INTEGER);\n");
            assertEquals(List.of("2", "3"), runner.migrate().applied());
            assertEquals(List.of(MigrationStatus.State.APPLIED, MigrationStatus.State.APPLIED,
                    MigrationStatus.State.APPLIED), states(runner));
        }
    }

    @DbTest
    void baselineMarksAnExistingDatabaseAsMigrated(Db db) throws Exception {
        wipe(db);
        exec(db, "CREATE TABLE mig_existing (id INTEGER)");
        file("V1__existing.sql", "CREATE TABLE mig_existing (id INTEGER);");
        file("V2__next.sql", "CREATE TABLE mig_next (id INTEGER);");
        MigrationRunner runner = MigrationRunner.of(engine(db), dir);
        assertEquals(List.of("1"), runner.baseline("1"));
        assertEquals(List.of(MigrationStatus.State.APPLIED, MigrationStatus.State.PENDING), states(runner));
        assertEquals(List.of("2"), runner.migrate().applied());
        assertThrows(MigrationException.class, runner::baseline);
    }

    private static List<MigrationStatus.State> states(MigrationRunner runner) {
        return runner.status().stream().map(MigrationStatus::state).toList();
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
