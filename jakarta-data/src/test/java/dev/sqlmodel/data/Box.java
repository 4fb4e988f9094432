package dev.sqlmodel.data;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** An entity without version, for save (upsert) and the built-in repository methods. */
@Table(name = "repo_box")
public class Box {
    @Field(primaryKey = true, maxLength = 40) public String code;
    public int width;
    public int height;

    public Box() {
    }

    static Box of(String code, int width, int height) {
        Box b = new Box();
        b.code = code;
        b.width = width;
        b.height = height;
        return b;
    }

    @Override
    public String toString() {
        return "Box " + code + " " + width + "x" + height;
    }
}
