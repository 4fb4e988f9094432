package dev.sqlmodel.impl.json;

import dev.sqlmodel.Field;
import dev.sqlmodel.Related;
import dev.sqlmodel.Relationship;
import dev.sqlmodel.Table;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** A member of a {@link Squad}, validated like any model. */
@Table(name = "json_recruit")
public class Recruit {
    @Field(primaryKey = true) public Long id;
    @NotBlank public String name;
    @Min(0) public Integer age;
    @Field(foreignKey = "json_squad.id") public Long squadId;
    @Relationship(backPopulates = "recruits") public Related<Squad> squad = Related.empty();

    public Recruit() {
    }

    public Recruit(String name, Integer age) {
        this.name = name;
        this.age = age;
    }
}
