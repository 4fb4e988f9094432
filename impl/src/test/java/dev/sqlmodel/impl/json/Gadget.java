package dev.sqlmodel.impl.json;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** A table model whose name is limited by @Field(maxLength) and checked by a custom constraint. */
@Table(name = "json_gadget")
public class Gadget {
    @Field(primaryKey = true) public Long id;
    @Even public Integer size;
    @Field(maxLength = 8) public String label;

    public Gadget() {
    }

    public Gadget(String label, Integer size) {
        this.label = label;
        this.size = size;
    }
}
