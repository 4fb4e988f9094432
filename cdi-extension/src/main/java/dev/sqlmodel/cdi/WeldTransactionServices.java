package dev.sqlmodel.cdi;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import org.jboss.weld.transaction.spi.TransactionServices;

/**
 * Weld's transaction services over the JTA registry, so that transactional observers
 * ({@code @Observes(during = AFTER_SUCCESS)}) run at the end of the transaction instead of at
 * once. Weld finds it through {@code META-INF/services/org.jboss.weld.bootstrap.api.Service};
 * other containers never load it. The registry is looked up when first needed (JNDI, then the
 * bean Narayana's CDI extension provides), because Weld creates this service before any bean exists.
 */
public final class WeldTransactionServices implements TransactionServices {
    private static final String NARAYANA_USER_TRANSACTION = "com.arjuna.ats.jta.UserTransaction";

    private volatile TransactionSynchronizationRegistry registry;

    /** Created by Weld's service loader. */
    public WeldTransactionServices() {
    }

    /**
     * Registers {@code synchronization} with the current transaction.
     *
     * @throws IllegalStateException when there is no JTA registry or no active transaction
     */
    @Override
    public void registerSynchronization(Synchronization synchronization) {
        TransactionSynchronizationRegistry r = registry();
        if (r == null) {
            throw new IllegalStateException("no JTA TransactionSynchronizationRegistry is available");
        }
        r.registerInterposedSynchronization(synchronization);
    }

    /** Whether the calling thread runs in a transaction that can still take synchronizations. */
    @Override
    public boolean isTransactionActive() {
        TransactionSynchronizationRegistry r = registry();
        if (r == null) {
            return false;
        }
        int status = r.getTransactionStatus();
        return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
    }

    /** The container's {@code UserTransaction}, or Narayana's in Java SE; null when there is neither. */
    @Override
    public UserTransaction getUserTransaction() {
        UserTransaction ut = JtaLookup.jndi(UserTransaction.class, "java:comp/UserTransaction", "java:jboss/UserTransaction");
        if (ut != null) {
            return ut;
        }
        try {
            // Narayana in Java SE binds nothing in JNDI; its static accessor is the documented way in.
            Class<?> narayana = Class.forName(NARAYANA_USER_TRANSACTION, true, WeldTransactionServices.class.getClassLoader());
            return (UserTransaction) narayana.getMethod("userTransaction").invoke(null);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    private TransactionSynchronizationRegistry registry() {
        TransactionSynchronizationRegistry r = registry;
        if (r == null) {
            r = JtaLookup.registry(null);
            if (r == null) {
                try {
                    r = CDI.current().select(TransactionSynchronizationRegistry.class).get();
                } catch (RuntimeException e) {
                    return null; // no container yet, or no JTA in this application
                }
            }
            registry = r;
        }
        return r;
    }

    @Override
    public void cleanup() {
        registry = null;
    }

    @Override
    public String toString() {
        return "WeldTransactionServices[" + registry + "]";
    }
}
