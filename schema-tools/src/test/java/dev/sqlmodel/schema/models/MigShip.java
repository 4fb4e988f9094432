package dev.sqlmodel.schema.models;

import dev.sqlmodel.Field;
import dev.sqlmodel.ReferentialAction;
import dev.sqlmodel.Table;

/**
 * The "new" version of a ship: the tests create an older table without tonnage, its index,
 * the port key and the unique registry, then migrate to this.
 */
@Table(name = "mig_ship")
public class MigShip {
    @Field(primaryKey = true) public Long id;
    @Field(maxLength = 60, nullable = false) public String name;
    @Field(maxLength = 20, unique = true) public String registry;
    @Field(index = true) public Integer tonnage;
    @Field(foreignKey = "mig_port.id", onDelete = ReferentialAction.CASCADE) public Long portId;

    public MigShip() {
    }
}
