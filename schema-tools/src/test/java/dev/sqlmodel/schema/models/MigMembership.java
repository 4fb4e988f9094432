package dev.sqlmodel.schema.models;

import dev.sqlmodel.Field;
import dev.sqlmodel.ReferentialAction;
import dev.sqlmodel.Table;
import java.time.LocalDate;

/** A composite primary key made of two foreign keys with actions. */
@Table(name = "mig_membership")
public class MigMembership {
    @Field(primaryKey = true, foreignKey = "mig_hero.id", onDelete = ReferentialAction.CASCADE) public Long heroId;
    @Field(primaryKey = true, foreignKey = "mig_team.id", onDelete = ReferentialAction.RESTRICT) public Long teamId;
    public LocalDate since;

    public MigMembership() {
    }
}
