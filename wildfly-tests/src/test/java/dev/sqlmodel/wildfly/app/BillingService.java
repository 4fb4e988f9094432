package dev.sqlmodel.wildfly.app;

import dev.sqlmodel.Database;
import dev.sqlmodel.Engine;
import dev.sqlmodel.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Writes a hero (the Heroes datasource, PostgreSQL) and its invoice (the Billing XA datasource,
 * MariaDB) in one transaction of the server. Billing's tables are created on deployment and dropped
 * on undeployment (its database, {@code sqlmodel_wf_billing}, is created by the datasource's URL).
 */
@ApplicationScoped
@ActivateRequestContext
public class BillingService {
    @Inject
    Session heroes;

    @Inject
    @Database("billing")
    Session billing;

    void create(@Observes @Initialized(ApplicationScoped.class) Object ignored, @Database("billing") Engine engine) {
        engine.createAll();
    }

    void drop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored, @Database("billing") Engine engine) {
        engine.dropAll();
    }

    /** The hero and its invoice, committed together or not at all. */
    @Transactional
    public void addInvoiced(Hero hero, String invoiceNumber) {
        heroes.add(hero);
        heroes.flush();
        Invoice invoice = new Invoice(invoiceNumber);
        invoice.heroId = hero.id;
        billing.add(invoice);
    }

    /** An invoice alone. */
    @Transactional
    public void addInvoice(String invoiceNumber) {
        billing.add(new Invoice(invoiceNumber));
    }
}
