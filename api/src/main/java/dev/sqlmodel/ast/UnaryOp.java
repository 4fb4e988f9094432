package dev.sqlmodel.ast;

/** Unary operators of the expression tree. */
public enum UnaryOp {
    /** {@code NOT x} */ NOT,
    /** {@code -x} */ NEG,
    /** {@code x IS NULL} */ IS_NULL,
    /** {@code x IS NOT NULL} */ IS_NOT_NULL
}
