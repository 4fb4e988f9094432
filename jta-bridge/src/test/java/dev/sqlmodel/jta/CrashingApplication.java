package dev.sqlmodel.jta;

import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;
import dev.sqlmodel.Engine;
import dev.sqlmodel.Session;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * The application of {@link XaRecoveryTest}, run in JVMs of its own: {@code crash POSTGRES_URL
 * MARIADB_URL} writes one entry to each database in one JTA transaction and halts between
 * prepare and commit ({@link HaltOnCommit}); {@code restart POSTGRES_URL MARIADB_URL} starts
 * again as an application does (its XA engines register with the recovery manager) and waits
 * until neither database holds a prepared branch of this node.
 */
public final class CrashingApplication {
    private CrashingApplication() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
        TransactionSynchronizationRegistry tsr = new TransactionSynchronizationRegistryImple();
        try (Engine postgres = JtaEngines.pooled(Engine.builder().url(args[1]).user("postgres").xa(true),
                     List.of(LedgerEntry.class), tm, tsr);
             Engine mariadb = JtaEngines.pooled(Engine.builder().url(args[2]).user("root").xa(true),
                     List.of(LedgerEntry.class), tm, tsr)) {
            if (mode.equals("crash")) {
                tm.begin();
                tm.getTransaction().enlistResource(new HaltOnCommit());
                Session a = postgres.session();
                Session b = mariadb.session();
                a.add(new LedgerEntry("in PostgreSQL"));
                b.add(new LedgerEntry("in MariaDB"));
                tm.commit(); // flushes both sessions, prepares both branches, halts
                throw new IllegalStateException("the JVM should have halted while committing");
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (prepared(args[1], "postgres", "SELECT count(*) FROM pg_prepared_xacts") > 0
                    || prepared(args[2], "root", "XA RECOVER") > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("prepared branches were not recovered within 60 s");
                }
                Thread.sleep(200);
            }
        }
    }

    private static int prepared(String url, String user, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            if (sql.startsWith("SELECT")) {
                rs.next();
                return rs.getInt(1);
            }
            int n = 0;
            String node = System.getProperty("CoreEnvironmentBean.nodeIdentifier");
            while (rs.next()) {
                if (new String(rs.getBytes("data"), java.nio.charset.StandardCharsets.ISO_8859_1).contains(node)) {
                    n++;
                }
            }
            return n;
        }
    }
}
