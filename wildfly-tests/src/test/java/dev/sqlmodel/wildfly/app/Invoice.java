package dev.sqlmodel.wildfly.app;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** An invoice in the billing database; its number is unique. */
@Table
public class Invoice {
    @Field(primaryKey = true) public Long id;
    @Field(unique = true) public String number;
    public Long heroId;

    /** For the library. */
    public Invoice() {
    }

    /** Invoice {@code number}. */
    public Invoice(String number) {
        this.number = number;
    }
}
