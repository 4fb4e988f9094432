package dev.sqlmodel;

import dev.sqlmodel.ast.DeleteNode;
import dev.sqlmodel.ast.InsertNode;
import dev.sqlmodel.ast.SelectNode;
import dev.sqlmodel.ast.TextNode;
import dev.sqlmodel.ast.UpdateNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Entry points of the statement builder; import statically:
 * {@code select(Hero.class).where(Hero_.age.ge(35))}.
 */
public final class Sql {
    private Sql() {
    }

    /** SELECT every column of {@code model}; each result is a model instance. */
    public static <M> Select<M> select(Class<M> model) {
        return SelectNode.create(List.of(Objects.requireNonNull(model, "model")), SelectNode.Shape.MODEL);
    }

    /** SELECT one expression; each result is its value. */
    public static <T> Select<T> select(Expr<T> expr) {
        return SelectNode.create(List.of(Objects.requireNonNull(expr, "expr")), SelectNode.Shape.SCALAR);
    }

    /** SELECT several models; each result is a {@link Row}. */
    public static Select<Row> select(Class<?> first, Class<?>... more) {
        List<Object> items = new ArrayList<>();
        items.add(first);
        items.addAll(List.of(more));
        return SelectNode.create(items, SelectNode.Shape.ROW);
    }

    /** SELECT several expressions; each result is a {@link Row}. */
    public static Select<Row> select(Expr<?> first, Expr<?>... more) {
        List<Object> items = new ArrayList<>();
        items.add(first);
        items.addAll(List.of(more));
        return SelectNode.create(items, SelectNode.Shape.ROW);
    }

    /** INSERT into {@code model}'s table; add rows with {@code values}. */
    public static <M> Insert<M> insert(Class<M> model) {
        return new InsertNode<>(model, List.of(), null);
    }

    /** Bulk UPDATE of {@code model}'s table. */
    public static <M> Update<M> update(Class<M> model) {
        return new UpdateNode<>(model, List.of(), null);
    }

    /** Bulk DELETE from {@code model}'s table. */
    public static <M> Delete<M> delete(Class<M> model) {
        return new DeleteNode<>(model, null);
    }

    /** Verbatim SQL with {@code :name} parameters. */
    public static Text text(String sql) {
        return new TextNode(sql, Map.of());
    }
}
