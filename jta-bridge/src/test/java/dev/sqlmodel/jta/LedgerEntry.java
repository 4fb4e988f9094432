package dev.sqlmodel.jta;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** A row written to two databases in one transaction. */
@Table(name = "xa_ledger_entry")
public class LedgerEntry {
    @Field(primaryKey = true) public Long id;
    @Field(unique = true) public String text;

    public LedgerEntry() {
    }

    public LedgerEntry(String text) {
        this.text = text;
    }
}
