package dev.sqlmodel.cdi;

import jakarta.enterprise.inject.Instance;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Finds the transaction manager and synchronization registry: beans first (Narayana's CDI
 * extension provides both in Java SE), then the standard JNDI names of an application server.
 */
final class JtaLookup {
    private static final String[] REGISTRY_NAMES = {"java:comp/TransactionSynchronizationRegistry",
        "java:jboss/TransactionSynchronizationRegistry"};
    private static final String[] MANAGER_NAMES = {"java:comp/TransactionManager", "java:jboss/TransactionManager",
        "java:/TransactionManager"};

    private JtaLookup() {
    }

    /** The registry, or null when there is no JTA. */
    static TransactionSynchronizationRegistry registry(Instance<Object> lookup) {
        if (lookup != null) {
            Instance<TransactionSynchronizationRegistry> bean = lookup.select(TransactionSynchronizationRegistry.class);
            if (bean.isResolvable()) {
                return bean.get();
            }
        }
        return jndi(TransactionSynchronizationRegistry.class, REGISTRY_NAMES);
    }

    /** The transaction manager, or null when there is none. */
    static TransactionManager manager(Instance<Object> lookup) {
        Instance<TransactionManager> bean = lookup.select(TransactionManager.class);
        if (bean.isResolvable()) {
            return bean.get();
        }
        return jndi(TransactionManager.class, MANAGER_NAMES);
    }

    /** The object bound at the first of {@code names} that holds a {@code type}, or null. */
    static <T> T jndi(Class<T> type, String... names) {
        InitialContext context;
        try {
            context = new InitialContext();
        } catch (NamingException | RuntimeException e) {
            return null;
        }
        try {
            for (String name : names) {
                try {
                    Object o = context.lookup(name);
                    if (type.isInstance(o)) {
                        return type.cast(o);
                    }
                } catch (NamingException | RuntimeException e) {
                    // not bound here (or no naming service at all, as in Java SE): try the next name
                }
            }
            return null;
        } finally {
            try {
                context.close();
            } catch (NamingException ignored) {
                // nothing was opened that needs it
            }
        }
    }
}
