package dev.sqlmodel.docs.model;

import dev.sqlmodel.Field;
import dev.sqlmodel.Related;
import dev.sqlmodel.RelatedMany;
import dev.sqlmodel.Relationship;
import dev.sqlmodel.Table;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** The tutorial's hero, as the documentation's snippets use it. */
@Table
public class Hero {
    @Field(primaryKey = true) public Long id;
    @Field(index = true) @NotBlank public String name;
    public String secretName;
    @Field(index = true) @Min(0) public Integer age;
    @Field(foreignKey = "team.id") public Long teamId;
    @Relationship(backPopulates = "heroes") public Related<Team> team = Related.empty();
    @Relationship(backPopulates = "members", linkModel = HeroTeamLink.class) public RelatedMany<Team> teams = RelatedMany.empty();

    public Hero() {
    }

    public Hero(String name, String secretName, Integer age) {
        this.name = name;
        this.secretName = secretName;
        this.age = age;
    }

    @Override
    public String toString() {
        return name + (age != null ? " (" + age + ")" : "");
    }
}
