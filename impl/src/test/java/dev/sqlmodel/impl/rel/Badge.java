package dev.sqlmodel.impl.rel;

import dev.sqlmodel.Field;
import dev.sqlmodel.Related;
import dev.sqlmodel.Table;

/** Refers to a power level through a composite foreign key. */
@Table(name = "rel_badge")
public class Badge {
    @Field(primaryKey = true) public Long id;
    public String title;
    @Field(foreignKey = "rel_power_level.power_id") public Long powerId;
    @Field(foreignKey = "rel_power_level.level") public Integer level;
    public Related<PowerLevel> powerLevel = Related.empty();

    public Badge() {
    }

    public Badge(String title, Long powerId, Integer level) {
        this.title = title;
        this.powerId = powerId;
        this.level = level;
    }
}
