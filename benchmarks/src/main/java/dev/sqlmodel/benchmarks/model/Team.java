package dev.sqlmodel.benchmarks.model;

import dev.sqlmodel.Field;
import dev.sqlmodel.RelatedMany;
import dev.sqlmodel.Relationship;
import dev.sqlmodel.Table;

/** A team as this library maps it. */
@Table(name = "teams")
public class Team {
    @Field(primaryKey = true) public Long id;
    public String name;
    public String headquarters;
    @Relationship(backPopulates = "team") public RelatedMany<Hero> heroes = RelatedMany.empty();
}
