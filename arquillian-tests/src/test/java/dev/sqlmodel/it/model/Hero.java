package dev.sqlmodel.it.model;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** A hero; its name must be unique and allowed by the application's name policy. */
@Table(name = "it_hero")
public class Hero {
    @Field(primaryKey = true) public Long id;
    @Field(unique = true) @NotBlank @AllowedName public String name;
    @Min(0) public Integer age;

    public Hero() {
    }

    public Hero(String name, Integer age) {
        this.name = name;
        this.age = age;
    }
}
