package dev.sqlmodel.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.IntegrityException;
import dev.sqlmodel.wildfly.app.BillingService;
import dev.sqlmodel.wildfly.app.Hero;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server's own XA datasource ({@code xa-data-source} Billing, MariaDB) beside its non-XA
 * Heroes datasource (PostgreSQL, the transaction's last resource) in one transaction, both used
 * through {@code sqlmodel.datasource[.billing].jndi}.
 */
@ExtendWith(ArquillianExtension.class)
class XaDataSourceIT {
    @Inject
    BillingService billing;

    @Resource(lookup = "java:jboss/datasources/Heroes")
    DataSource heroes;

    @Resource(lookup = "java:jboss/datasources/Billing")
    DataSource invoices;

    @Deployment
    static WebArchive deployment() {
        return Deployments.heroApi("heroes-xa");
    }

    @Test
    void aHeroAndItsInvoiceCommitTogether() throws SQLException {
        billing.addInvoiced(new Hero("Invoiced", "Ivy Voice", 33), "INV-1");
        assertEquals(1, count(heroes, "SELECT COUNT(*) FROM hero WHERE name = ?", "Invoiced"));
        assertEquals(1, count(invoices, "SELECT COUNT(*) FROM invoice WHERE number = ?", "INV-1"));
    }

    @Test
    void aUniqueKeyFailingInTheXaDatabaseRollsBackTheHeroToo() throws SQLException {
        billing.addInvoice("INV-2");
        Exception e = assertThrows(Exception.class, () -> billing.addInvoiced(new Hero("Unbilled", "Una Billed", 34), "INV-2"));
        assertTrue(Stream.iterate((Throwable) e, t -> t != null, Throwable::getCause).anyMatch(IntegrityException.class::isInstance),
                e::toString);
        assertEquals(0, count(heroes, "SELECT COUNT(*) FROM hero WHERE name = ?", "Unbilled"));
        assertEquals(1, count(invoices, "SELECT COUNT(*) FROM invoice WHERE number = ?", "INV-2"));
    }

    private static long count(DataSource dataSource, String sql, String value) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
