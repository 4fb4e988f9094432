package dev.sqlmodel.schema;

/** Whether {@link MigrationWriter} writes destructive changes (drops, narrowing type changes). */
public enum Destructive {
    /** Leave destructive changes out; the file lists them in a comment. */
    SKIP,
    /** Write destructive changes too. */
    ALLOW
}
