package dev.sqlmodel.impl.model;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** A parent row with an application-chosen key. */
@Table
public class Shelf {
    @Field(primaryKey = true) public String code;
    public String label;

    public Shelf() {
    }

    public Shelf(String code, String label) {
        this.code = code;
        this.label = label;
    }
}
