package dev.sqlmodel.schema.it;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** A model the command-line test finds through the models index. */
@Table(name = "cli_team")
public class CliTeam {
    @Field(primaryKey = true) public Long id;
    @Field(maxLength = 50, unique = true, nullable = false) public String name;

    public CliTeam() {
    }
}
