package dev.sqlmodel.impl.model;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** A bank account: rows that concurrent transactions fight over. */
@Table
public class Account {
    @Field(primaryKey = true) public Long id;
    public String owner;
    public long balance;

    public Account() {
    }

    public Account(String owner, long balance) {
        this.owner = owner;
        this.balance = balance;
    }
}
