package dev.sqlmodel.impl.rel;

import dev.sqlmodel.Field;
import dev.sqlmodel.RelatedMany;
import dev.sqlmodel.Relationship;
import dev.sqlmodel.Table;

/** The relationship tutorial's team: deleting it sets its heroes' team to NULL. */
@Table(name = "rel_team")
public class Team {
    @Field(primaryKey = true) public Long id;
    @Field(index = true) public String name;
    public String headquarters;
    @Relationship(backPopulates = "team") public RelatedMany<Hero> heroes = RelatedMany.empty();
    @Relationship(backPopulates = "teams", linkModel = HeroTeamLink.class) public RelatedMany<Hero> members = RelatedMany.empty();

    public Team() {
    }

    public Team(String name, String headquarters) {
        this.name = name;
        this.headquarters = headquarters;
    }

    @Override
    public String toString() {
        return "Team[" + id + ", " + name + "]";
    }
}
