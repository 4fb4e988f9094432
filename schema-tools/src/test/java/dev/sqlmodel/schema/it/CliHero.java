package dev.sqlmodel.schema.it;

import dev.sqlmodel.Field;
import dev.sqlmodel.ReferentialAction;
import dev.sqlmodel.Table;

/** A model the command-line test finds through the models index. */
@Table(name = "cli_hero")
public class CliHero {
    @Field(primaryKey = true) public Long id;
    @Field(maxLength = 80, index = true, nullable = false) public String name;
    public Integer age;
    @Field(foreignKey = "cli_team.id", onDelete = ReferentialAction.SET_NULL) public Long teamId;

    public CliHero() {
    }
}
