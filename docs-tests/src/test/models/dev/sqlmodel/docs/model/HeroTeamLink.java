package dev.sqlmodel.docs.model;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** The many-to-many link between heroes and teams, with a column of its own. */
@Table
public class HeroTeamLink {
    @Field(primaryKey = true, foreignKey = "hero.id") public Long heroId;
    @Field(primaryKey = true, foreignKey = "team.id") public Long teamId;
    public boolean isTraining;
}
