package dev.sqlmodel.ast;

import dev.sqlmodel.Column;
import dev.sqlmodel.Expr;
import dev.sqlmodel.Query;
import dev.sqlmodel.Update;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The data of a bulk UPDATE. */
public final class UpdateNode<M> extends Update<M> {
    private final Class<M> model;
    private final List<Assignment> assignments;
    private final Expr<Boolean> where;

    /** An update of {@code model}'s table. */
    public UpdateNode(Class<M> model, List<Assignment> assignments, Expr<Boolean> where) {
        this.model = Objects.requireNonNull(model, "model");
        this.assignments = List.copyOf(assignments);
        this.where = where;
    }

    private UpdateNode<M> with(Assignment a) {
        List<Assignment> all = new ArrayList<>(assignments);
        all.add(a);
        return new UpdateNode<>(model, all, where);
    }

    @Override
    public <T> UpdateNode<M> set(Column<M, T> column, T value) {
        return with(new Assignment(column, Param.wrap(value, column.javaType())));
    }

    @Override
    public <T> UpdateNode<M> set(Column<M, T> column, Expr<T> expr) {
        return with(new Assignment(column, Objects.requireNonNull(expr, "expr")));
    }

    @Override
    public UpdateNode<M> where(List<? extends Expr<Boolean>> conditions) {
        List<Expr<Boolean>> all = new ArrayList<>();
        if (where != null) {
            all.add(where);
        }
        all.addAll(conditions);
        return new UpdateNode<>(model, assignments, Binary.chain(BinaryOp.AND, all));
    }

    @Override
    public Query<M> returning(Class<M> type) {
        return ReturningNode.model(this, type);
    }

    @Override
    public <T> Query<T> returning(Expr<T> expr) {
        return ReturningNode.expr(this, expr);
    }

    /** The model updated. */
    public Class<M> model() {
        return model;
    }

    /** The SET items. */
    public List<Assignment> assignments() {
        return assignments;
    }

    /** The WHERE condition, or null. */
    public Expr<Boolean> whereCondition() {
        return where;
    }
}
