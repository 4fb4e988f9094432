package dev.sqlmodel.jta;

import com.arjuna.ats.arjuna.common.recoveryPropertyManager;
import com.arjuna.ats.arjuna.recovery.RecoveryManager;
import com.arjuna.ats.arjuna.recovery.RecoveryModule;
import com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule;
import com.arjuna.ats.jta.recovery.XAResourceRecoveryHelper;
import dev.sqlmodel.SqlModelException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;
import org.jboss.tm.XAResourceRecovery;
import org.jboss.tm.XAResourceRecoveryRegistry;

/**
 * Hands the XA pools the library creates to Narayana's recovery manager, so that branches a
 * crash left prepared are committed or rolled back when the application runs again.
 *
 * <p>Agroal registers one {@link XAResourceRecovery} per XA pool when the pool opens and removes it
 * when the pool closes; each becomes an {@link XAResourceRecoveryHelper} of the recovery manager's
 * {@link XARecoveryModule}. Recovery itself is Narayana's: it reads the transaction logs in its
 * object store, asks each helper's database for its prepared branches ({@code XA RECOVER},
 * {@code pg_prepared_xacts}), commits those whose transaction logged a commit decision and rolls
 * back those of this node that it has no log for.
 *
 * <p>When the JVM has a recovery manager with its own scanning thread already (an application
 * server, Quarkus, or an application that started one), the helpers join it and a scan is asked
 * for at once. Otherwise one is created without its thread (Narayana's recovery thread is not a
 * daemon and would keep a Java SE application from exiting), and a daemon thread of this class
 * scans at once and then every {@code RecoveryEnvironmentBean.periodicRecoveryPeriod} seconds while
 * an XA pool is open. A new pool always triggers a scan, so what a crash left behind is completed
 * right after the application starts (after Narayana's {@code recoveryBackoffPeriod} between the
 * two passes of a scan), not only at the next period.
 */
final class NarayanaRecovery implements XAResourceRecoveryRegistry {
    private static final Logger LOG = Logger.getLogger("dev.sqlmodel.jta");
    private static NarayanaRecovery instance;

    private final Map<XAResourceRecovery, Helper> helpers = new IdentityHashMap<>();
    private final AtomicBoolean scanPending = new AtomicBoolean();
    private RecoveryManager manager;
    private XARecoveryModule module;
    private ScheduledExecutorService scanner;

    private NarayanaRecovery() {
    }

    /**
     * The registry of this JVM's Narayana recovery manager.
     *
     * @throws SqlModelException when Narayana is not on the class path
     */
    static synchronized NarayanaRecovery get() {
        if (instance == null) {
            try {
                Class.forName("com.arjuna.ats.arjuna.recovery.RecoveryManager", false, NarayanaRecovery.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new SqlModelException("an XA pool needs a recovery manager for what a crash leaves prepared, and"
                        + " Narayana (org.jboss.narayana.jta:narayana-jta) is not on the class path; in an application"
                        + " server, use its XA datasource through sqlmodel.datasource[.NAME].jndi instead", e);
            }
            instance = new NarayanaRecovery();
        }
        return instance;
    }

    @Override
    public synchronized void addXAResourceRecovery(XAResourceRecovery recovery) {
        if (helpers.containsKey(recovery)) {
            return;
        }
        if (module == null) {
            start();
        }
        Helper helper = new Helper(recovery);
        module.addXAResourceRecoveryHelper(helper);
        helpers.put(recovery, helper);
        scanSoon();
    }

    @Override
    public void removeXAResourceRecovery(XAResourceRecovery recovery) {
        Helper helper;
        XARecoveryModule from;
        synchronized (this) {
            helper = helpers.remove(recovery);
            from = module;
            if (helper != null && helpers.isEmpty() && scanner != null) {
                scanner.shutdownNow();
                scanner = null;
            }
        }
        if (helper != null) {
            // outside the lock: Narayana waits here for a scan that uses the helper to finish
            from.removeXAResourceRecoveryHelper(helper);
        }
    }

    private void start() {
        RecoveryManager rm;
        try {
            rm = RecoveryManager.manager(RecoveryManager.DIRECT_MANAGEMENT);
        } catch (IllegalArgumentException runningWithItsThread) {
            rm = RecoveryManager.manager();
        }
        XARecoveryModule xa = null;
        for (RecoveryModule m : rm.getModules()) {
            if (m instanceof XARecoveryModule x) {
                xa = x;
                break;
            }
        }
        if (xa == null) {
            throw new SqlModelException("Narayana's recovery manager runs without its XARecoveryModule"
                    + " (RecoveryEnvironmentBean.recoveryModuleClassNames): prepared XA branches could never be recovered");
        }
        manager = rm;
        module = xa;
    }

    /** Asks for a scan: on this class's thread for a recovery manager without one, else on Narayana's. */
    private void scanSoon() {
        if (manager.mode() != RecoveryManager.DIRECT_MANAGEMENT) {
            manager.scan(null);
            return;
        }
        if (scanner == null) {
            scanner = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sqlmodel-xa-recovery");
                t.setDaemon(true);
                return t;
            });
            long period = Math.max(1, recoveryPropertyManager.getRecoveryEnvironmentBean().getPeriodicRecoveryPeriod());
            RecoveryManager rm = manager;
            scanner.scheduleWithFixedDelay(() -> scan(rm), period, period, TimeUnit.SECONDS);
        }
        if (scanPending.compareAndSet(false, true)) {
            RecoveryManager rm = manager;
            scanner.execute(() -> {
                scanPending.set(false);
                scan(rm);
            });
        }
    }

    private static void scan(RecoveryManager rm) {
        try {
            rm.scan();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "XA recovery scan failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized String toString() {
        return "NarayanaRecovery[" + helpers.size() + " XA pool(s)"
                + (manager == null ? "" : manager.mode() == RecoveryManager.DIRECT_MANAGEMENT ? ", scanned here" : ", scanned by Narayana")
                + "]";
    }

    /** One pool's recovery as Narayana's helper interface. */
    private static final class Helper implements XAResourceRecoveryHelper {
        private final XAResourceRecovery recovery;

        Helper(XAResourceRecovery recovery) {
            this.recovery = recovery;
        }

        @Override
        public boolean initialise(String p) {
            return true;
        }

        @Override
        public XAResource[] getXAResources() {
            return recovery.getXAResources();
        }

        @Override
        public String toString() {
            return "sqlmodel XA pool recovery " + recovery;
        }
    }
}
