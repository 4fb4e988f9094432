package dev.sqlmodel.impl.rel;

import dev.sqlmodel.Field;
import dev.sqlmodel.RelatedMany;
import dev.sqlmodel.Relationship;
import dev.sqlmodel.Table;

/** A parent whose deletion the database restricts while it has items. */
@Table(name = "rel_vault")
public class Vault {
    @Field(primaryKey = true) public Long id;
    public String name;
    @Relationship(passiveDeletes = true) public RelatedMany<Treasure> treasures = RelatedMany.empty();

    public Vault() {
    }

    public Vault(String name) {
        this.name = name;
    }
}
