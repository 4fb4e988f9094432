package dev.sqlmodel.ast;

import dev.sqlmodel.Expr;
import java.util.Objects;

/** A join of {@code model}; {@code on} is null when it is inferred from the foreign key. */
public record Join(JoinType type, Class<?> model, Expr<Boolean> on) {
    /** Checks the parts are present. */
    public Join {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(model, "model");
    }
}
