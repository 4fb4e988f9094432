package dev.sqlmodel.impl.model;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** A composite-key link between heroes and teams. */
@Table(name = "heroteamlink")
public class Link {
    @Field(primaryKey = true, foreignKey = "hero.id") public Long heroId;
    @Field(primaryKey = true, foreignKey = "team.id") public Long teamId;
    public boolean isTraining;

    public Link() {
    }

    public Link(Long heroId, Long teamId, boolean isTraining) {
        this.heroId = heroId;
        this.teamId = teamId;
        this.isTraining = isTraining;
    }
}
