package dev.sqlmodel.impl.rel;

import dev.sqlmodel.Field;
import dev.sqlmodel.Related;
import dev.sqlmodel.RelatedMany;
import dev.sqlmodel.Relationship;
import dev.sqlmodel.Table;

/** The relationship tutorial's hero: one team, many teams through a link, powers deleted with it. */
@Table(name = "rel_hero")
public class Hero {
    @Field(primaryKey = true) public Long id;
    @Field(index = true) public String name;
    public String secretName;
    public Integer age;
    @Field(foreignKey = "rel_team.id") public Long teamId;
    @Relationship(backPopulates = "heroes") public Related<Team> team = Related.empty();
    @Relationship(backPopulates = "members", linkModel = HeroTeamLink.class) public RelatedMany<Team> teams = RelatedMany.empty();
    @Relationship(backPopulates = "hero", cascadeDelete = true) public RelatedMany<Power> powers = RelatedMany.empty();

    public Hero() {
    }

    public Hero(String name, String secretName, Integer age) {
        this.name = name;
        this.secretName = secretName;
        this.age = age;
    }

    @Override
    public String toString() {
        return "Hero[" + id + ", " + name + "]";
    }
}
