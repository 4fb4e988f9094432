package dev.sqlmodel;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * SQL text with {@code ?} placeholders and the values bound to them, in order.
 *
 * @param sql the SQL text
 * @param params the bound values (may contain nulls)
 */
public record CompiledSql(String sql, List<Object> params) {
    /** Freezes the parameter list. */
    public CompiledSql {
        Objects.requireNonNull(sql, "sql");
        params = Collections.unmodifiableList(params);
    }

    @Override
    public String toString() {
        return params.isEmpty() ? sql : sql + " " + params;
    }
}
