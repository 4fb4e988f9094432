package dev.sqlmodel.schema.models;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** A port that ships come to reference. */
@Table(name = "mig_port")
public class MigPort {
    @Field(primaryKey = true) public Long id;
    @Field(maxLength = 40, nullable = false) public String name;

    public MigPort() {
    }
}
