package dev.sqlmodel.examples.heroes;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** The many-to-many link between heroes and teams. */
@Table
public class HeroTeamLink {
    @Field(primaryKey = true, foreignKey = "hero.id") public Long heroId;
    @Field(primaryKey = true, foreignKey = "team.id") public Long teamId;
    public boolean isTraining;

    public HeroTeamLink() {
    }
}
