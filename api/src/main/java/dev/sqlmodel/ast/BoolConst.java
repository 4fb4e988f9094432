package dev.sqlmodel.ast;

import dev.sqlmodel.Expr;

/** The constants TRUE and FALSE, rendered so that every dialect accepts them in WHERE. */
public record BoolConst(boolean value) implements Expr<Boolean> {
    /** Always true. */
    public static final BoolConst TRUE = new BoolConst(true);
    /** Always false. */
    public static final BoolConst FALSE = new BoolConst(false);

    @Override
    public Class<Boolean> javaType() {
        return Boolean.class;
    }
}
