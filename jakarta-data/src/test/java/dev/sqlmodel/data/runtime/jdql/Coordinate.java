package dev.sqlmodel.data.runtime.jdql;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;
import java.util.UUID;

/** A point with a double and a float coordinate and a UUID key. */
@Table
public class Coordinate {
    @Field(primaryKey = true, autoIncrement = false) public UUID id;
    public double x;
    public float y;

    public Coordinate() {
    }

    public static Coordinate of(String name, double x, float y) {
        Coordinate c = new Coordinate();
        c.id = UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        c.x = x;
        c.y = y;
        return c;
    }
}
