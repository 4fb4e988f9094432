package dev.sqlmodel.impl.jpa;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** A SQLModel table with an enum: kept by name, whatever Jakarta Persistence's default. */
@Table(name = "labelled")
public class Labelled {
    @Field(primaryKey = true, autoIncrement = false)
    public long id;

    public Ranked.Kind kind;

    /** A row of {@code kind}. */
    public static Labelled of(long id, Ranked.Kind kind) {
        Labelled l = new Labelled();
        l.id = id;
        l.kind = kind;
        return l;
    }
}
