package dev.sqlmodel.ast;

import dev.sqlmodel.Expr;
import java.util.List;

/** Two or more conditions joined by AND or OR. */
public record Junction(BinaryOp op, List<Expr<Boolean>> conditions) implements Expr<Boolean> {
    @Override
    public Class<Boolean> javaType() {
        return Boolean.class;
    }
}
