package dev.sqlmodel.quarkus;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** A hero of the default database: a unique, allowed name, a secret name of at most 20 characters, an age of 0 or more. */
@Table(name = "q_hero")
public class Hero {
    @Field(primaryKey = true) public Long id;
    @Field(unique = true) @NotBlank @AllowedName public String name;
    @Field(maxLength = 20) public String secretName;
    @Min(0) public Integer age;

    /** An empty hero, for the library. */
    public Hero() {
    }
}
