package dev.sqlmodel.data.runtime.jdql;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** A box with integer sides and a text key. */
@Table
public class Box {
    @Field(primaryKey = true, autoIncrement = false) public String boxIdentifier;
    public int length;
    public int width;
    public int height;

    public Box() {
    }

    public static Box of(String id, int length, int width, int height) {
        Box b = new Box();
        b.boxIdentifier = id;
        b.length = length;
        b.width = width;
        b.height = height;
        return b;
    }
}
