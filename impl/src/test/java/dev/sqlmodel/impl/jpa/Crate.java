package dev.sqlmodel.impl.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A box with a text key and public int fields, one of them named like a SQL function. */
@Entity
public class Crate {
    @Id
    public String crateIdentifier;

    public int length;

    public int width;

    public int height;

    /** A crate with its key and dimensions. */
    public static Crate of(String id, int length, int width, int height) {
        Crate c = new Crate();
        c.crateIdentifier = id;
        c.length = length;
        c.width = width;
        c.height = height;
        return c;
    }
}
