package dev.sqlmodel.wildfly.app;

import dev.sqlmodel.Field;
import dev.sqlmodel.RelatedMany;
import dev.sqlmodel.Relationship;
import dev.sqlmodel.Table;
import jakarta.validation.constraints.NotBlank;

/** The team table; deleting a team leaves its heroes teamless (the foreign key is SET NULL). */
@Table
public class Team {
    @Field(primaryKey = true) public Long id;
    @Field(index = true) @NotBlank public String name;
    @NotBlank public String headquarters;
    @Relationship(backPopulates = "team") public RelatedMany<Hero> heroes = RelatedMany.empty();

    /** For the library. */
    public Team() {
    }

    /** A team with no heroes yet. */
    public Team(String name, String headquarters) {
        this.name = name;
        this.headquarters = headquarters;
    }
}
