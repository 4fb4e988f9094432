package dev.sqlmodel;

/** What a foreign key does when the row it references is deleted or its key updated. */
public enum ReferentialAction {
    /** Fail at the end of the statement (the SQL default). */
    NO_ACTION("NO ACTION"),
    /** Fail at once. */
    RESTRICT("RESTRICT"),
    /** Delete or update the referencing rows too. */
    CASCADE("CASCADE"),
    /** Set the referencing columns to NULL. */
    SET_NULL("SET NULL"),
    /** Set the referencing columns to their defaults. */
    SET_DEFAULT("SET DEFAULT");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    /** The action as written in SQL, such as {@code SET NULL}. */
    public String sql() {
        return sql;
    }
}
