package dev.sqlmodel.docs.model;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;
import dev.sqlmodel.Version;

/** A model with optimistic locking, for the pages that show {@code @Version}. */
@Table
public class Account {
    @Field(primaryKey = true) public Long id;
    public String owner;
    public long balance;
    @Version public int version;

    public Account() {
    }

    public Account(String owner, long balance) {
        this.owner = owner;
        this.balance = balance;
    }
}
