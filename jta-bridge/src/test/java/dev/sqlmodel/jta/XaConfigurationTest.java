package dev.sqlmodel.jta;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;
import dev.sqlmodel.Engine;
import dev.sqlmodel.SqlModelException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Asking for XA where it cannot work fails before any connection is opened, saying why. */
class XaConfigurationTest {

    @Test
    void sqliteHasNoXa() {
        SqlModelException e = assertThrows(SqlModelException.class, () -> JtaEngines.pooled(
                Engine.builder().url("jdbc:sqlite:target/xa.db").xa(true), List.of(LedgerEntry.class),
                com.arjuna.ats.jta.TransactionManager.transactionManager(), new TransactionSynchronizationRegistryImple()));
        assertTrue(e.getMessage().contains("SQLite has no XA"), e.getMessage());
        assertTrue(e.getMessage().contains("jdbc:sqlite:target/xa.db"), e.getMessage());
    }

    @Test
    void anEngineOutsideJtaRefusesXa() {
        SqlModelException e = assertThrows(SqlModelException.class,
                () -> Engine.builder().url("jdbc:postgresql://127.0.0.1:5432/test").xa(true).build());
        assertTrue(e.getMessage().contains("JtaEngines.pooled"), e.getMessage());
    }

    @Test
    void anEngineOutsideJtaRefusesXaForSqliteWithTheSqliteReason() {
        SqlModelException e = assertThrows(SqlModelException.class,
                () -> Engine.builder().url("jdbc:sqlite:target/xa.db").xa(true).build());
        assertTrue(e.getMessage().contains("SQLite has no XA"), e.getMessage());
    }
}
