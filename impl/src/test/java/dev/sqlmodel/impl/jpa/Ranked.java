package dev.sqlmodel.impl.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/**
 * A number with its kind kept three ways: by ordinal as Jakarta Persistence's default, by ordinal
 * as {@code @Enumerated(ORDINAL)} says, and by name.
 */
@Entity
public class Ranked {
    /** Declared in an order that is not alphabetical, so the two storages sort differently. */
    public enum Kind {
        ONE, PRIME, COMPOSITE
    }

    @Id
    public long id;

    public Kind kind;

    @Enumerated(EnumType.ORDINAL)
    public Kind level;

    @Enumerated(EnumType.STRING)
    public Kind named;

    /** A number whose three enum columns all hold {@code kind}. */
    public static Ranked of(long id, Kind kind) {
        Ranked r = new Ranked();
        r.id = id;
        r.kind = kind;
        r.level = kind;
        r.named = kind;
        return r;
    }
}
