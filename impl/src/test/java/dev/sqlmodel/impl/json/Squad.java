package dev.sqlmodel.impl.json;

import dev.sqlmodel.Field;
import dev.sqlmodel.Relationship;
import dev.sqlmodel.RelatedMany;
import dev.sqlmodel.Table;
import jakarta.validation.constraints.NotBlank;

/** A team as a REST client would post it, with its recruits nested. */
@Table(name = "json_squad")
public class Squad {
    @Field(primaryKey = true) public Long id;
    @NotBlank public String name;
    @Relationship(backPopulates = "squad") public RelatedMany<Recruit> recruits = RelatedMany.empty();

    public Squad() {
    }

    public Squad(String name) {
        this.name = name;
    }
}
