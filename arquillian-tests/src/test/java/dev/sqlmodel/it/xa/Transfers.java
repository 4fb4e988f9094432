package dev.sqlmodel.it.xa;

import dev.sqlmodel.Database;
import dev.sqlmodel.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Writes to several databases in one JTA transaction: {@code orders} (PostgreSQL) and
 * {@code billing} (MariaDB) are XA; {@code ledger} (PostgreSQL) and {@code audit} (SQLite) are not.
 */
@ApplicationScoped
public class Transfers {
    @Inject @Database("orders") Session orders;
    @Inject @Database("billing") Session billing;
    @Inject @Database("ledger") Session ledger;
    @Inject @Database("audit") Session audit;

    /** The same transfer in orders and billing. */
    @Transactional
    public void record(String reference, int amount) {
        orders.add(new Transfer(reference, amount));
        billing.add(new Transfer(reference, amount));
    }

    /** The same transfer in billing (XA) and ledger (the non-XA last resource). */
    @Transactional
    public void recordWithLedger(String reference, int amount) {
        billing.add(new Transfer(reference, amount));
        ledger.add(new Transfer(reference, amount));
    }

    /** The same transfer in two non-XA databases: the second cannot join. */
    @Transactional
    public void recordInLedgerAndAudit(String reference, int amount) {
        ledger.add(new Transfer(reference, amount));
        ledger.flush();
        audit.add(new Transfer(reference, amount));
        audit.flush();
    }

    /** Keeps {@code keep} in both XA databases and undoes {@code undo} in each through a savepoint. */
    @Transactional
    public void keepFirstUndoSecond(String keep, String undo) {
        for (Session s : new Session[] {orders, billing}) {
            s.add(new Transfer(keep, 1));
            try {
                s.nested(() -> {
                    s.add(new Transfer(undo, 2));
                    s.flush();
                    throw new IllegalArgumentException("undo " + undo);
                });
            } catch (IllegalArgumentException expected) {
                // rolled back to the savepoint inside the XA branch; the transaction goes on
            }
        }
    }
}
