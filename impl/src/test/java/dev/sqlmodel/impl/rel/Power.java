package dev.sqlmodel.impl.rel;

import dev.sqlmodel.Field;
import dev.sqlmodel.Related;
import dev.sqlmodel.RelatedMany;
import dev.sqlmodel.Relationship;
import dev.sqlmodel.Table;

/** A hero's power (a child of Hero, deleted with it) with levels keyed by a composite key. */
@Table(name = "rel_power")
public class Power {
    @Field(primaryKey = true) public Long id;
    public String name;
    @Field(foreignKey = "rel_hero.id", nullable = false) public Long heroId;
    @Relationship(backPopulates = "powers") public Related<Hero> hero = Related.empty();
    @Relationship(cascadeDelete = true) public RelatedMany<PowerLevel> levels = RelatedMany.empty();

    public Power() {
    }

    public Power(String name) {
        this.name = name;
    }
}
