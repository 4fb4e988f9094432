package dev.sqlmodel.ast;

import dev.sqlmodel.Column;
import java.util.Objects;

/** A model column named by its Java field. */
public record ColumnRef<M, T>(Class<M> model, String field, Class<T> javaType) implements Column<M, T> {
    /** Checks the parts are present. */
    public ColumnRef {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(javaType, "javaType");
    }

    @Override
    public String toString() {
        return model.getSimpleName() + "." + field;
    }
}
