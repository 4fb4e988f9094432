package dev.sqlmodel.schema.models;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** A team: unique name, indexed headquarters. */
@Table(name = "mig_team")
public class MigTeam {
    @Field(primaryKey = true) public Long id;
    @Field(maxLength = 50, unique = true, nullable = false) public String name;
    @Field(index = true) public String headquarters;

    public MigTeam() {
    }
}
