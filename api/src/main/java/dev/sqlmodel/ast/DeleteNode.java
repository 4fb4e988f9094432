package dev.sqlmodel.ast;

import dev.sqlmodel.Delete;
import dev.sqlmodel.Expr;
import dev.sqlmodel.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The data of a bulk DELETE. */
public final class DeleteNode<M> extends Delete<M> {
    private final Class<M> model;
    private final Expr<Boolean> where;

    /** A delete from {@code model}'s table. */
    public DeleteNode(Class<M> model, Expr<Boolean> where) {
        this.model = Objects.requireNonNull(model, "model");
        this.where = where;
    }

    @Override
    public DeleteNode<M> where(List<? extends Expr<Boolean>> conditions) {
        List<Expr<Boolean>> all = new ArrayList<>();
        if (where != null) {
            all.add(where);
        }
        all.addAll(conditions);
        return new DeleteNode<>(model, Binary.chain(BinaryOp.AND, all));
    }

    @Override
    public Query<M> returning(Class<M> type) {
        return ReturningNode.model(this, type);
    }

    @Override
    public <T> Query<T> returning(Expr<T> expr) {
        return ReturningNode.expr(this, expr);
    }

    /** The model deleted from. */
    public Class<M> model() {
        return model;
    }

    /** The WHERE condition, or null. */
    public Expr<Boolean> whereCondition() {
        return where;
    }
}
