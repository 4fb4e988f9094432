package dev.sqlmodel.impl.rel;

import dev.sqlmodel.Field;
import dev.sqlmodel.RelatedMany;
import dev.sqlmodel.Relationship;
import dev.sqlmodel.Table;

/** A parent whose members the database deletes (ON DELETE CASCADE, passiveDeletes). */
@Table(name = "rel_guild")
public class Guild {
    @Field(primaryKey = true) public Long id;
    public String name;
    @Relationship(passiveDeletes = true) public RelatedMany<Member> members = RelatedMany.empty();

    public Guild() {
    }

    public Guild(String name) {
        this.name = name;
    }
}
