package dev.sqlmodel.schema.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.impl.testing.Db;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs {@code java -jar target/sqlmodel.jar} as a user would, with the models of this package
 * found through the models index of {@code target/test-classes}, and checks exit codes and output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliIT {
    private static final String MODELS = "dev.sqlmodel.schema.it";
    private final Path work = Path.of("target", "cli-it");
    private final String classes = Path.of("target", "test-classes").toAbsolutePath().toString();

    @BeforeAll
    void clean() throws Exception {
        if (Files.exists(work)) {
            try (var walk = Files.walk(work)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work);
        for (Db db : List.of(Db.POSTGRESQL, Db.MARIADB)) {
            db.prepare(Db.isolationName(getClass()));
        }
    }

    @AfterAll
    void dropDatabases() {
        for (Db db : List.of(Db.POSTGRESQL, Db.MARIADB)) {
            db.drop(Db.isolationName(getClass()));
        }
    }

    /** The whole workflow on each database: inspect, diff, generate, status, migrate, diff again. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Db.class)
    void generateThenMigrateAsAUserWould(Db db) throws Exception {
        List<String> conn = connection(db);
        Path dir = work.resolve("migrations-" + db.name().toLowerCase());

        Result inspect = run(conn, "inspect");
        assertEquals(0, inspect.code, inspect.toString());
        assertTrue(inspect.out.contains("0 table(s)"), inspect.toString());

        Result diff = run(conn, "diff", "--classpath", classes, "--models", MODELS);
        assertEquals(0, diff.code, diff.toString());
        assertTrue(diff.out.contains("create table cli_team") && diff.out.contains("create table cli_hero"),
                diff.toString());

        Result generate = run(conn, "generate", "--classpath", classes, "--models", MODELS, "--dir", dir.toString(),
                "-m", "create heroes");
        assertEquals(0, generate.code, generate.toString());
        Path v1 = dir.resolve("V1__create_heroes.sql");
        assertTrue(Files.exists(v1), generate.toString());
        assertTrue(generate.out.contains("V1__create_heroes.sql"), generate.toString());

        Result pending = run(conn, "status", "--dir", dir.toString());
        assertEquals(0, pending.code, pending.toString());
        assertTrue(pending.out.contains("PENDING") && pending.out.contains("create heroes"), pending.toString());

        Result migrate = run(conn, "migrate", "--dir", dir.toString());
        assertEquals(0, migrate.code, migrate.toString());
        assertTrue(migrate.out.contains("Applying V1__create_heroes.sql"), "progress line: " + migrate);
        assertTrue(migrate.out.contains("Applied 1 migration(s)"), migrate.toString());

        Result clean = run(conn, "diff", "--classpath", classes, "--models", MODELS + ".CliTeam," + MODELS + ".CliHero");
        assertEquals(0, clean.code, clean.toString());
        assertTrue(clean.out.contains("No changes"), clean.toString());

        Result json = run(conn, "status", "--dir", dir.toString(), "--json");
        assertEquals(0, json.code, json.toString());
        assertTrue(json.out.strip().startsWith("[{\"version\":\"1\"") && json.out.contains("\"state\":\"APPLIED\""),
                json.toString());

        Result inspectJson = run(conn, "inspect", "--json");
        assertTrue(inspectJson.out.contains("\"name\":\"cli_hero\"") && inspectJson.out.contains("\"autoIncrement\":true"),
                inspectJson.toString());

        Result again = run(conn, "migrate", "--dir", dir.toString(), "--json");
        assertEquals(0, again.code, again.toString());
        assertTrue(again.out.strip().startsWith("{\"applied\":[]"), again.toString());

        Files.writeString(v1, Files.readString(v1) + "\n-- edited after it was applied\n");
        Result refused = run(conn, "migrate", "--dir", dir.toString());
        assertFailure(refused, "checksum mismatch");
        assertTrue(refused.err.contains("V1__create_heroes.sql"), refused.toString());
    }

    @Test
    void badUrlFailsWithOneLine() throws Exception {
        assertFailure(run(List.of("--url", "jdbc:oracle:thin:@nowhere"), "inspect"), "unsupported JDBC URL");
    }

    @Test
    void unreachableServerFailsWithOneLine() throws Exception {
        assertFailure(run(List.of("--url", "jdbc:postgresql://127.0.0.1:1/test", "--user", "postgres"), "inspect"),
                "cannot connect");
    }

    @Test
    void badCredentialsFailWithOneLine() throws Exception {
        assertFailure(run(List.of("--url", "jdbc:mysql://127.0.0.1:3306/test", "--user", "root", "--password",
                "wrong-password"), "status", "--dir", work.toString()), "Access denied");
    }

    @Test
    void unknownModelClassFailsWithOneLine() throws Exception {
        assertFailure(run(connection(Db.SQLITE), "diff", "--classpath", classes, "--models", "com.example.NoSuchHero"),
                "unknown model class or package: com.example.NoSuchHero");
    }

    @Test
    void usageErrorExitsWithTwo() throws Exception {
        Result r = run(List.of(), "inspect");
        assertEquals(2, r.code, r.toString());
        assertTrue(r.err.contains("--url"), r.toString());
    }

    private static void assertFailure(Result r, String reason) {
        assertEquals(1, r.code, r.toString());
        List<String> lines = r.err.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), "exactly one line on stderr: " + r);
        assertTrue(lines.get(0).startsWith("error: ") && lines.get(0).contains(reason), r.toString());
        assertFalse(r.err.contains("\tat "), "no stack trace: " + r);
    }

    private List<String> connection(Db db) {
        String name = Db.isolationName(getClass());
        return switch (db) {
            case SQLITE -> List.of("--url", "jdbc:sqlite:" + work.resolve("cli.db").toAbsolutePath());
            case POSTGRESQL -> List.of("--url", "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + name,
                    "--user", "postgres");
            case MARIADB -> List.of("--url", "jdbc:mariadb://127.0.0.1:3306/" + name, "--user", "root",
                    "--password=");
        };
    }

    private Result run(List<String> connection, String command, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(System.getProperty("sqlmodel.jar", "target" + File.separator + "sqlmodel.jar"));
        cmd.add(command);
        cmd.addAll(connection);
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        return new Result(String.join(" ", cmd), p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Result(String command, int code, String out, String err) {
        @Override
        public String toString() {
            return command + "\nexit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
