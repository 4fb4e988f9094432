package dev.sqlmodel;

import java.util.List;
import java.util.Objects;

/** An option of {@link SqlModel#toMap} and {@link SqlModel#toJson}. */
public final class Dump {

    /** The kinds of option. */
    public enum Kind {
        /** Only the named fields. */
        INCLUDE,
        /** Every field but the named ones. */
        EXCLUDE,
        /** Leave out null values. */
        EXCLUDE_NULL,
        /** Leave out fields never assigned since fromMap/fromJson. */
        EXCLUDE_UNSET,
        /** Column names as keys. */
        BY_COLUMN
    }

    private static final Dump EXCLUDE_NULL = new Dump(Kind.EXCLUDE_NULL, List.of());
    private static final Dump EXCLUDE_UNSET = new Dump(Kind.EXCLUDE_UNSET, List.of());
    private static final Dump BY_COLUMN = new Dump(Kind.BY_COLUMN, List.of());

    private final Kind kind;
    private final List<String> names;

    private Dump(Kind kind, List<String> names) {
        this.kind = kind;
        this.names = names;
    }

    /** Only these fields (by field name). */
    public static Dump include(String... fields) {
        return new Dump(Kind.INCLUDE, List.of(fields));
    }

    /** Every field but these (by field name). */
    public static Dump exclude(String... fields) {
        return new Dump(Kind.EXCLUDE, List.of(fields));
    }

    /** Leave out null values. */
    public static Dump excludeNull() {
        return EXCLUDE_NULL;
    }

    /** Leave out fields never assigned since the instance was made by fromMap/fromJson. */
    public static Dump excludeUnset() {
        return EXCLUDE_UNSET;
    }

    /** Use column names, not field names, as keys. */
    public static Dump byColumn() {
        return BY_COLUMN;
    }

    /** The kind of option. */
    public Kind kind() {
        return kind;
    }

    /** The field names of include/exclude (empty otherwise). */
    public List<String> names() {
        return names;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dump d && d.kind == kind && d.names.equals(names);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, names);
    }

    @Override
    public String toString() {
        return "Dump." + kind + (names.isEmpty() ? "" : names.toString());
    }
}
