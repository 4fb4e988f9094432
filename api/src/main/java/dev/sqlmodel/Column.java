package dev.sqlmodel;

import dev.sqlmodel.ast.ColumnRef;

/**
 * A column of model {@code M} with Java type {@code T}, named by its Java field. The generated
 * metamodel ({@code Hero_.age}) holds these; {@link #of} builds one by hand.
 *
 * @param <M> the model type
 * @param <T> the field's Java type (boxed for primitives)
 */
public interface Column<M, T> extends Expr<T> {

    /** The model class that declares (or inherits) the field. */
    Class<M> model();

    /** The Java field name. */
    String field();

    /** The column of {@code model} for Java field {@code field}. */
    static <M, T> Column<M, T> of(Class<M> model, String field, Class<T> javaType) {
        return new ColumnRef<>(model, field, javaType);
    }
}
