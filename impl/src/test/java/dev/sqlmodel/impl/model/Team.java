package dev.sqlmodel.impl.model;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;
import jakarta.validation.constraints.NotBlank;

/** The tutorial's team. */
@Table
public class Team {
    @Field(primaryKey = true) public Long id;
    @Field(index = true, unique = true) @NotBlank public String name;
    public String headquarters;

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
