package dev.sqlmodel.it.xa;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** One side of a transfer; its reference is unique in each database. */
@Table(name = "it_transfer")
public class Transfer {
    @Field(primaryKey = true) public Long id;
    @Field(unique = true) public String reference;
    public Integer amount;

    public Transfer() {
    }

    public Transfer(String reference, Integer amount) {
        this.reference = reference;
        this.amount = amount;
    }
}
