package dev.sqlmodel.impl.rel;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** The many-to-many link, with an extra column. */
@Table(name = "rel_heroteamlink")
public class HeroTeamLink {
    @Field(primaryKey = true, foreignKey = "rel_hero.id") public Long heroId;
    @Field(primaryKey = true, foreignKey = "rel_team.id") public Long teamId;
    public boolean isTraining;

    public HeroTeamLink() {
    }

    public HeroTeamLink(Long heroId, Long teamId, boolean isTraining) {
        this.heroId = heroId;
        this.teamId = teamId;
        this.isTraining = isTraining;
    }
}
