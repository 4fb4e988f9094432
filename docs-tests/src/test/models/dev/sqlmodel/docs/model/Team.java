package dev.sqlmodel.docs.model;

import dev.sqlmodel.Field;
import dev.sqlmodel.RelatedMany;
import dev.sqlmodel.Relationship;
import dev.sqlmodel.Table;
import jakarta.validation.constraints.NotBlank;

/** A team: heroes by foreign key, members through the link model. */
@Table
public class Team {
    @Field(primaryKey = true) public Long id;
    @Field(unique = true) @NotBlank public String name;
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
        return name;
    }
}
