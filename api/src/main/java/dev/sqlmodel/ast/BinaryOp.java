package dev.sqlmodel.ast;

/** Binary operators of the expression tree. */
public enum BinaryOp {
    /** {@code =} */ EQ,
    /** {@code <>} */ NE,
    /** {@code <} */ LT,
    /** {@code <=} */ LE,
    /** {@code >} */ GT,
    /** {@code >=} */ GE,
    /** null-safe inequality */ IS_DISTINCT_FROM,
    /** null-safe equality */ IS_NOT_DISTINCT_FROM,
    /** {@code +} */ ADD,
    /** {@code -} */ SUB,
    /** {@code *} */ MUL,
    /** {@code /} */ DIV,
    /** remainder */ MOD,
    /** conjunction */ AND,
    /** disjunction */ OR
}
