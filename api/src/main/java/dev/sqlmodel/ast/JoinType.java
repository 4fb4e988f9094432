package dev.sqlmodel.ast;

/** The kinds of join. */
public enum JoinType {
    /** {@code JOIN} */ INNER,
    /** {@code LEFT OUTER JOIN} */ LEFT,
    /** {@code RIGHT OUTER JOIN} */ RIGHT,
    /** {@code FULL OUTER JOIN} */ FULL
}
