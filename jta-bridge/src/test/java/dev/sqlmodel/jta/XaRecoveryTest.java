package dev.sqlmodel.jta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Engine;
import dev.sqlmodel.impl.testing.TemporaryServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crash recovery for real: one JVM prepares a PostgreSQL and a MariaDB branch of one transaction
 * and dies before committing either; the databases then hold the prepared branches; a second JVM
 * with the same Narayana object store starts the application again, and its XA pools' recovery
 * commits both. PostgreSQL is a server of the test's own (prepared transactions need
 * {@code max_prepared_transactions} > 0); MariaDB is the shared server, in a database of this test.
 */
class XaRecoveryTest {
    private static final long PID = ProcessHandle.current().pid();
    private static final String NODE = "xa-recovery-" + PID;
    private static final String MARIADB_DB = "sqlmodel_xa_recovery_" + PID;
    private static final String MARIADB_URL = "jdbc:mysql://127.0.0.1:3306/" + MARIADB_DB;
    private static TemporaryServer postgres;
    private static Path store;

    @BeforeAll
    static void servers() throws Exception {
        postgres = TemporaryServer.postgresql(null);
        postgres.execute("ALTER SYSTEM SET max_prepared_transactions = 10");
        postgres.restart();
        mariadb("DROP DATABASE IF EXISTS " + MARIADB_DB, "CREATE DATABASE " + MARIADB_DB);
        for (String url : List.of(postgres.url(""), MARIADB_URL)) {
            try (Engine e = Engine.builder().url(url).user(url.contains("postgresql") ? "postgres" : "root")
                    .models(LedgerEntry.class).build()) {
                e.createAll();
            }
        }
        store = Files.createTempDirectory(Path.of("target"), "narayana-recovery-");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try {
            rollBackOurMariaDbBranches();
            mariadb("DROP DATABASE IF EXISTS " + MARIADB_DB);
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void branchesPreparedBeforeACrashAreCommittedWhenTheApplicationStartsAgain() throws Exception {
        assertEquals(HaltOnCommit.EXIT_CODE, run("crash", true), "the first JVM should halt between prepare and commit");
        assertEquals(1, count(postgres.url(""), "postgres", "SELECT count(*) FROM pg_prepared_xacts"));
        assertEquals(1, ourMariaDbBranches().size());
        assertEquals(0, count(postgres.url(""), "postgres", "SELECT count(*) FROM xa_ledger_entry"));
        assertEquals(0, count(MARIADB_URL, "root", "SELECT count(*) FROM xa_ledger_entry"));

        assertEquals(0, run("restart", false), "the restarted application should recover and exit");
        assertEquals(0, count(postgres.url(""), "postgres", "SELECT count(*) FROM pg_prepared_xacts"));
        assertEquals(List.of(), ourMariaDbBranches());
        assertEquals(1, count(postgres.url(""), "postgres", "SELECT count(*) FROM xa_ledger_entry WHERE text = 'in PostgreSQL'"));
        assertEquals(1, count(MARIADB_URL, "root", "SELECT count(*) FROM xa_ledger_entry WHERE text = 'in MariaDB'"));
    }

    /** Runs {@link CrashingApplication} in a new JVM on the shared object store; its exit code. */
    private static int run(String mode, boolean halt) throws IOException, InterruptedException {
        String s = store.toAbsolutePath().toString();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-DObjectStoreEnvironmentBean.objectStoreDir=" + s,
                "-DObjectStoreEnvironmentBean.stateStore.objectStoreDir=" + s,
                "-DObjectStoreEnvironmentBean.communicationStore.objectStoreDir=" + s,
                "-DCoordinatorEnvironmentBean.transactionStatusManagerEnable=false",
                "-DCoreEnvironmentBean.nodeIdentifier=" + NODE,
                "-DRecoveryEnvironmentBean.recoveryBackoffPeriod=1",
                "-Dsqlmodel.test.halt=" + halt,
                CrashingApplication.class.getName(), mode, postgres.url(""), MARIADB_URL));
        Path log = store.resolve(mode + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError(mode + " JVM did not finish in 90 s:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        int exit = p.exitValue();
        if (exit != (halt ? HaltOnCommit.EXIT_CODE : 0)) {
            System.err.println(Files.readString(log, StandardCharsets.UTF_8));
        }
        return exit;
    }

    private static long count(String url, String user, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    /** The MariaDB branches this test's transactions left prepared, as {@code XA ROLLBACK} arguments. */
    private static List<String> ourMariaDbBranches() throws SQLException {
        String node = HexFormat.of().formatHex(NODE.getBytes(StandardCharsets.US_ASCII)).toUpperCase();
        List<String> ours = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/test", "root", "");
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("XA RECOVER FORMAT='SQL'")) {
            while (rs.next()) {
                String data = rs.getString("data");
                if (data.toUpperCase().contains(node)) {
                    ours.add(data);
                }
            }
        }
        return ours;
    }

    /** Leaves the shared server without prepared branches of this test, even after a failure. */
    private static void rollBackOurMariaDbBranches() throws SQLException {
        for (String xid : ourMariaDbBranches()) {
            mariadb("XA ROLLBACK " + xid);
        }
    }

    private static void mariadb(String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/test", "root", "");
             Statement st = c.createStatement()) {
            for (String q : sql) {
                st.execute(q);
            }
        }
    }
}
