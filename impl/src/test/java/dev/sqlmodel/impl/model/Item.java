package dev.sqlmodel.impl.model;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;
import dev.sqlmodel.Version;

/** A versioned model stored as a record-free class. */
@Table
public class Item {
    @Field(primaryKey = true) public Long id;
    public String title;
    @Version public int version;

    public Item() {
    }

    public Item(String title) {
        this.title = title;
    }
}
