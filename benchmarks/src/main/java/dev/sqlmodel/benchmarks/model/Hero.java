package dev.sqlmodel.benchmarks.model;

import dev.sqlmodel.Field;
import dev.sqlmodel.Related;
import dev.sqlmodel.Relationship;
import dev.sqlmodel.Table;

/** A hero as this library maps it. */
@Table(name = "heroes")
public class Hero {
    @Field(primaryKey = true) public Long id;
    public String name;
    public String secretName;
    @Field(index = true) public Integer age;
    @Field(foreignKey = "teams.id") public Long teamId;
    @Relationship(backPopulates = "heroes") public Related<Team> team = Related.empty();

    /** For the library. */
    public Hero() {
    }

    /** A hero with every column but the key. */
    public Hero(Long id, String name, String secretName, Integer age, Long teamId) {
        this.id = id;
        this.name = name;
        this.secretName = secretName;
        this.age = age;
        this.teamId = teamId;
    }
}
