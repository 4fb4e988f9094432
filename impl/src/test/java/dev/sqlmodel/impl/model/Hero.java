package dev.sqlmodel.impl.model;

import dev.sqlmodel.Field;
import dev.sqlmodel.ReferentialAction;
import dev.sqlmodel.Table;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** The tutorial's hero. */
@Table
public class Hero {
    @Field(primaryKey = true) public Long id;
    @Field(index = true) @NotBlank public String name;
    public String secretName;
    @Field(index = true) @Min(0) public Integer age;
    @Field(foreignKey = "team.id", onDelete = ReferentialAction.SET_NULL) public Long teamId;

    public Hero() {
    }

    public Hero(String name, String secretName, Integer age) {
        this.name = name;
        this.secretName = secretName;
        this.age = age;
    }

    @Override
    public String toString() {
        return "Hero[" + id + ", " + name + ", " + age + "]";
    }
}
