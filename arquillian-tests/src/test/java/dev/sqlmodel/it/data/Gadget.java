package dev.sqlmodel.it.data;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** A hero's gadget, stored through the Jakarta Data repository {@link Gadgets}. */
@Table(name = "it_gadget")
public class Gadget {
    @Field(primaryKey = true) public Long id;
    public String name;
    public int power;

    public Gadget() {
    }

    public Gadget(Long id, String name, int power) {
        this.id = id;
        this.name = name;
        this.power = power;
    }
}
