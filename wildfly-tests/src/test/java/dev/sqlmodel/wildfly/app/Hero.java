package dev.sqlmodel.wildfly.app;

import dev.sqlmodel.Field;
import dev.sqlmodel.Related;
import dev.sqlmodel.Relationship;
import dev.sqlmodel.Table;

/** The hero table. */
@Table
public class Hero extends HeroBase {
    @Field(primaryKey = true) public Long id;
    @Relationship(backPopulates = "heroes") public Related<Team> team = Related.empty();

    /** For the library. */
    public Hero() {
    }

    /** A hero of no team. */
    public Hero(String name, String secretName, Integer age) {
        this.name = name;
        this.secretName = secretName;
        this.age = age;
    }
}
