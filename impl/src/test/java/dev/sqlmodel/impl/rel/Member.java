package dev.sqlmodel.impl.rel;

import dev.sqlmodel.Field;
import dev.sqlmodel.ReferentialAction;
import dev.sqlmodel.Table;

/** A guild member removed by the database with its guild. */
@Table(name = "rel_member")
public class Member {
    @Field(primaryKey = true) public Long id;
    public String name;
    @Field(foreignKey = "rel_guild.id", onDelete = ReferentialAction.CASCADE) public Long guildId;

    public Member() {
    }

    public Member(String name, Long guildId) {
        this.name = name;
        this.guildId = guildId;
    }
}
