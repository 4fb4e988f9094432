package dev.sqlmodel.impl.stateless;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** A narrow row, for streaming a million of them. */
@Table(name = "tick")
public class Tick {
    @Field(primaryKey = true, autoIncrement = false) public Long id;
    public int value;
    @Field(maxLength = 40) public String label;

    public Tick() {
    }
}
