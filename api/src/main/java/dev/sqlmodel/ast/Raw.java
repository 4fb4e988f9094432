package dev.sqlmodel.ast;

import dev.sqlmodel.Expr;
import java.util.Collections;
import java.util.List;

/** Verbatim SQL with {@code ?} placeholders. */
public record Raw<T>(String sql, List<Object> params, Class<T> javaType) implements Expr<T> {
    /** Freezes the parameter list (nulls allowed). */
    public Raw {
        params = Collections.unmodifiableList(params);
    }
}
