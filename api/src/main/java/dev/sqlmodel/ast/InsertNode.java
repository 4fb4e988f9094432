package dev.sqlmodel.ast;

import dev.sqlmodel.Column;
import dev.sqlmodel.Expr;
import dev.sqlmodel.Insert;
import dev.sqlmodel.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** The data of an INSERT: the model, its rows and an optional conflict clause. */
public final class InsertNode<M> extends Insert<M> {
    private final Class<M> model;
    private final List<M> rows;
    private final Conflict conflict;

    /** An insert of {@code rows} into {@code model}'s table. */
    public InsertNode(Class<M> model, List<M> rows, Conflict conflict) {
        this.model = Objects.requireNonNull(model, "model");
        this.rows = List.copyOf(rows);
        this.conflict = conflict;
    }

    @Override
    public InsertNode<M> values(Collection<? extends M> more) {
        List<M> all = new ArrayList<>(rows);
        for (M m : more) {
            all.add(Objects.requireNonNull(m, "row"));
        }
        return new InsertNode<>(model, all, conflict);
    }

    @Override
    public OnConflict<M> onConflict(List<? extends Column<M, ?>> target) {
        List<Column<?, ?>> t = List.copyOf(target);
        return new OnConflict<>() {
            @Override
            public Insert<M> doNothing() {
                return new InsertNode<>(model, rows, new Conflict(t, List.of()));
            }

            @Override
            public Insert<M> doUpdate(List<? extends Column<M, ?>> columns) {
                if (columns.isEmpty()) {
                    throw new IllegalArgumentException("doUpdate needs at least one column");
                }
                return new InsertNode<>(model, rows, new Conflict(t, List.copyOf(columns)));
            }
        };
    }

    @Override
    public Query<M> returning(Class<M> type) {
        return ReturningNode.model(this, type);
    }

    @Override
    public <T> Query<T> returning(Expr<T> expr) {
        return ReturningNode.expr(this, expr);
    }

    /** The model inserted into. */
    public Class<M> model() {
        return model;
    }

    /** The rows to insert. */
    public List<M> rows() {
        return rows;
    }

    /** The conflict clause, or null. */
    public Conflict conflict() {
        return conflict;
    }

    @Override
    public String toString() {
        return "Insert " + model.getSimpleName() + " x" + rows.size();
    }
}
