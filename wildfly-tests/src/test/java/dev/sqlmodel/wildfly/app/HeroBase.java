package dev.sqlmodel.wildfly.app;

import dev.sqlmodel.Field;
import dev.sqlmodel.ReferentialAction;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** The fields a hero has in every shape (the tutorial's {@code HeroBase}). */
public class HeroBase {
    @Field(index = true) @NotBlank @AllowedName public String name;
    @NotBlank public String secretName;
    @Field(index = true) @Min(0) public Integer age;
    @Field(foreignKey = "team.id", onDelete = ReferentialAction.SET_NULL) public Long teamId;
}
