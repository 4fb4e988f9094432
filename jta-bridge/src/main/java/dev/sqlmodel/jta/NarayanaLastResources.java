package dev.sqlmodel.jta;

import com.arjuna.ats.jta.common.JTAEnvironmentBean;
import com.arjuna.ats.jta.common.jtaPropertyManager;
import java.util.logging.Logger;
import org.jboss.tm.LastResource;

/**
 * Makes Narayana treat Agroal's non-XA connections as last resources. Agroal marks them with
 * {@link LastResource}; Narayana in Java SE looks for its own marker
 * ({@code com.arjuna.ats.jta.resources.LastResourceCommitOptimisation}) unless told otherwise, and
 * then takes a non-XA connection for an XA resource that can prepare: beside XA databases it is
 * "prepared" without preparing anything and committed after them, and a failure of that commit
 * leaves the transaction heuristically mixed. WildFly and Quarkus configure Narayana with
 * {@link LastResource}; this does the same in Java SE, only where the setting still has
 * Narayana's default. Narayana reads it when its first transaction begins, so it must run before.
 */
final class NarayanaLastResources {
    private static final Logger LOG = Logger.getLogger("dev.sqlmodel.jta");
    private static final String NARAYANA_DEFAULT = "com.arjuna.ats.jta.resources.LastResourceCommitOptimisation";

    private NarayanaLastResources() {
    }

    static void configure() {
        JTAEnvironmentBean bean = jtaPropertyManager.getJTAEnvironmentBean();
        if (NARAYANA_DEFAULT.equals(bean.getLastResourceOptimisationInterfaceClassName())) {
            bean.setLastResourceOptimisationInterface(LastResource.class);
            LOG.fine("Narayana: org.jboss.tm.LastResource marks last resources (Agroal's non-XA connections)");
        }
    }
}
