package dev.sqlmodel.ast;

/** The functions the compiler knows, so that it can render each dialect's spelling. */
public enum FnKind {
    UPPER, LOWER, TRIM, LTRIM, RTRIM, REPLACE, CONCAT, LENGTH, SUBSTR,
    ABS, ROUND, FLOOR, CEIL,
    COUNT_STAR, COUNT, COUNT_DISTINCT, SUM, MIN, MAX, AVG,
    COALESCE, NULLIF,
    /** A function called by the name the application gave. */
    CUSTOM;

    /** Whether this is an aggregate function. */
    public boolean aggregate() {
        return switch (this) {
            case COUNT_STAR, COUNT, COUNT_DISTINCT, SUM, MIN, MAX, AVG -> true;
            default -> false;
        };
    }
}
