package dev.sqlmodel.impl.rel;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** A grandchild of Hero with a composite key; deleted when its power is. */
@Table(name = "rel_power_level")
public class PowerLevel {
    @Field(primaryKey = true, foreignKey = "rel_power.id") public Long powerId;
    @Field(primaryKey = true) public int level;
    public String label;

    public PowerLevel() {
    }

    public PowerLevel(Long powerId, int level, String label) {
        this.powerId = powerId;
        this.level = level;
        this.label = label;
    }
}
