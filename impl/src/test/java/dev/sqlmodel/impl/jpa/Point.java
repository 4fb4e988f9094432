package dev.sqlmodel.impl.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** A point keyed by a UUID, with a double and a float. */
@Entity
public class Point {
    @Id
    public UUID id;

    public double x;

    public float y;

    /** A point whose key is derived from {@code name}. */
    public static Point of(String name, double x, float y) {
        Point p = new Point();
        p.id = UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        p.x = x;
        p.y = y;
        return p;
    }
}
