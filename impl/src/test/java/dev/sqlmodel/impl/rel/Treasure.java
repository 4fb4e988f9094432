package dev.sqlmodel.impl.rel;

import dev.sqlmodel.Field;
import dev.sqlmodel.ReferentialAction;
import dev.sqlmodel.Table;

/** An item that keeps its vault from being deleted (ON DELETE RESTRICT). */
@Table(name = "rel_treasure")
public class Treasure {
    @Field(primaryKey = true) public Long id;
    public String name;
    @Field(foreignKey = "rel_vault.id", onDelete = ReferentialAction.RESTRICT) public Long vaultId;

    public Treasure() {
    }

    public Treasure(String name, Long vaultId) {
        this.name = name;
        this.vaultId = vaultId;
    }
}
