package dev.sqlmodel.impl.session;

import dev.sqlmodel.Column;
import dev.sqlmodel.Expr;
import dev.sqlmodel.Key;
import dev.sqlmodel.Select;
import dev.sqlmodel.Sql;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.ast.DeleteNode;
import dev.sqlmodel.ast.InsertNode;
import dev.sqlmodel.ast.ReturningNode;
import dev.sqlmodel.ast.SelectNode;
import dev.sqlmodel.ast.UpdateNode;
import dev.sqlmodel.impl.meta.Convert;
import dev.sqlmodel.impl.meta.FieldMeta;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.meta.ModelRegistry;
import dev.sqlmodel.impl.sql.Compiled;
import dev.sqlmodel.impl.sql.SqlCompiler;
import dev.sqlmodel.impl.sql.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RETURNING where the database has none (MySQL): an insert reads its generated keys and then
 * selects the rows by key; an update first locks and collects the keys it will touch
 * ({@code SELECT ... FOR UPDATE}), updates exactly those rows, then selects them; a delete
 * selects and locks the rows, then deletes them by key. Results keep the statement's order.
 */
final class ReturningEmulation {
    /** The session side: its transaction's connection, and reading rows into instances. */
    interface Host {
        /** The connection the statements run on, inside a transaction. */
        Connection tx();

        /** Runs a compiled query on {@link #tx()} and reads every row. */
        List<Object> fetch(Compiled compiled, RowReader reader, int max);

        /** The instance for a row of {@code meta}'s table. */
        Object load(ModelMeta<?> meta, Object[] values);
    }

    private final Host session;
    private final Executor exec;
    private final SqlDialect dialect;
    private final SqlCompiler compiler;

    ReturningEmulation(SessionImpl session, Executor exec, SqlDialect dialect, SqlCompiler compiler) {
        this(new Host() {
            @Override
            public Connection tx() {
                return session.tx();
            }

            @Override
            public List<Object> fetch(Compiled compiled, RowReader reader, int max) {
                return session.fetch(compiled, reader, max);
            }

            @Override
            public Object load(ModelMeta<?> meta, Object[] values) {
                return session.load(meta, values);
            }
        }, exec, dialect, compiler);
    }

    ReturningEmulation(Host session, Executor exec, SqlDialect dialect, SqlCompiler compiler) {
        this.session = session;
        this.exec = exec;
        this.dialect = dialect;
        this.compiler = compiler;
    }

    @SuppressWarnings("unchecked")
    <R> List<R> run(ReturningNode<R> node) {
        if (node.statement() instanceof InsertNode<?> insert) {
            return (List<R>) insert(insert, node);
        }
        if (node.statement() instanceof UpdateNode<?> update) {
            return (List<R>) update(update, node);
        }
        if (node.statement() instanceof DeleteNode<?> delete) {
            return (List<R>) delete(delete, node);
        }
        throw new SqlModelException("RETURNING is not available on " + node.statement());
    }

    private List<Object> insert(InsertNode<?> insert, ReturningNode<?> node) {
        ModelMeta<?> meta = ModelRegistry.of(insert.model());
        FieldMeta gen = meta.generatedKey();
        boolean needKeys = false;
        for (Object row : insert.rows()) {
            needKeys |= meta.keyOf(row) == null;
        }
        if (needKeys && insert.conflict() != null) {
            throw dialect.unsupported("RETURNING of an upsert whose rows have database-generated keys");
        }
        Compiled c = compiler.insert(insert, 0, insert.rows().size(), null);
        Connection conn = session.tx();
        List<Object> keys = new ArrayList<>();
        long start = exec.clock();
        PreparedStatement ps = null;
        try {
            ps = exec.statement(conn, c.sql(), true);
            exec.bind(ps, c.params(), c.paramTypes());
            ps.executeUpdate();
            exec.logged(c.sql(), c.params(), start);
            List<Object> generated = new ArrayList<>();
            if (needKeys) {
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    while (rs.next()) {
                        generated.add(Convert.to(gen.boxedType(), rs.getObject(1), gen));
                    }
                }
            }
            int g = 0;
            for (Object row : insert.rows()) {
                Object k = meta.keyOf(row);
                keys.add(k != null ? k : generated.get(g++));
            }
        } catch (SQLException e) {
            exec.failed(ps, e);
            throw exec.translate(e, c.sql());
        } finally {
            exec.done(ps);
        }
        return selectByKeys(meta, keys, node);
    }

    private List<Object> update(UpdateNode<?> update, ReturningNode<?> node) {
        ModelMeta<?> meta = ModelRegistry.of(update.model());
        List<Object> keys = lockedKeys(meta, update.whereCondition());
        if (keys.isEmpty()) {
            return List.of();
        }
        UpdateNode<?> exact = new UpdateNode<>(update.model(), update.assignments(), byKeys(meta, keys));
        Compiled c = compiler.compile(exact);
        exec.update(session.tx(), c.sql(), c.params(), c.paramTypes());
        return selectByKeys(meta, keys, node);
    }

    private List<Object> delete(DeleteNode<?> delete, ReturningNode<?> node) {
        ModelMeta<?> meta = ModelRegistry.of(delete.model());
        List<Object> keys = lockedKeys(meta, delete.whereCondition());
        if (keys.isEmpty()) {
            return List.of();
        }
        List<Object> rows = selectByKeys(meta, keys, node);
        Compiled c = compiler.compile(new DeleteNode<>(delete.model(), byKeys(meta, keys)));
        exec.update(session.tx(), c.sql(), c.params(), c.paramTypes());
        return rows;
    }

    private List<Object> lockedKeys(ModelMeta<?> meta, Expr<Boolean> where) {
        List<FieldMeta> kf = meta.keyFields();
        Expr<?>[] cols = new Expr<?>[kf.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = column(meta, kf.get(i));
        }
        Select<dev.sqlmodel.Row> s = cols.length == 1
                ? Sql.select(cols[0], new Expr<?>[0]).from(meta.type())
                : Sql.select(cols[0], java.util.Arrays.copyOfRange(cols, 1, cols.length)).from(meta.type());
        if (where != null) {
            s = s.where(where);
        }
        s = s.forUpdate();
        Compiled c = compiler.compile(s);
        List<Object> keys = new ArrayList<>();
        for (Object o : session.fetch(c, new RowReader(c, SelectNode.of(s).items(), (m, v) -> null, dialect.kind()), -1)) {
            dev.sqlmodel.Row r = (dev.sqlmodel.Row) o;
            if (kf.size() == 1) {
                keys.add(Convert.to(kf.get(0).boxedType(), r.get(0, Object.class), kf.get(0)));
            } else {
                Object[] parts = new Object[kf.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = Convert.to(kf.get(i).boxedType(), r.get(i, Object.class), kf.get(i));
                }
                keys.add(Key.of(parts));
            }
        }
        return keys;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Column<?, ?> column(ModelMeta<?> meta, FieldMeta f) {
        return Column.of((Class) meta.type(), f.name(), (Class) f.boxedType());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Expr<Boolean> byKeys(ModelMeta<?> meta, List<Object> keys) {
        List<FieldMeta> kf = meta.keyFields();
        if (kf.size() == 1) {
            return ((Expr) column(meta, kf.get(0))).in((java.util.Collection) keys);
        }
        List<Expr<Boolean>> ors = new ArrayList<>();
        for (Object k : keys) {
            Object[] parts = meta.keyParts(k);
            List<Expr<Boolean>> ands = new ArrayList<>();
            for (int i = 0; i < kf.size(); i++) {
                ands.add(((Expr) column(meta, kf.get(i))).eq(parts[i]));
            }
            ors.add(Expr.and(ands));
        }
        return Expr.or(ors);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Object> selectByKeys(ModelMeta<?> meta, List<Object> keys, ReturningNode<?> node) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<FieldMeta> kf = meta.keyFields();
        List<Expr<?>> items = new ArrayList<>();
        for (FieldMeta f : kf) {
            items.add(column(meta, f));
        }
        items.add(node.model() != null ? null : node.expr());
        Select<dev.sqlmodel.Row> s;
        if (node.model() != null) {
            s = Sql.select(meta.type(), new Class<?>[0]).where(byKeys(meta, keys));
        } else {
            s = Sql.select(items.get(0), items.subList(1, items.size()).toArray(new Expr<?>[0])).from(meta.type())
                    .where(byKeys(meta, keys));
        }
        Compiled c = compiler.compile(s);
        List<Object> rows = session.fetch(c, new RowReader(c, SelectNode.of(s).items(), session::load, dialect.kind()), -1);
        Map<Object, Object> byKey = new HashMap<>();
        for (Object o : rows) {
            dev.sqlmodel.Row r = (dev.sqlmodel.Row) o;
            if (node.model() != null) {
                Object model = r.get((Class) meta.type());
                byKey.put(meta.keyOf(model), model);
            } else {
                Object key;
                if (kf.size() == 1) {
                    key = Convert.to(kf.get(0).boxedType(), r.get(0, Object.class), kf.get(0));
                } else {
                    Object[] parts = new Object[kf.size()];
                    for (int i = 0; i < parts.length; i++) {
                        parts[i] = Convert.to(kf.get(i).boxedType(), r.get(i, Object.class), kf.get(i));
                    }
                    key = Key.of(parts);
                }
                byKey.put(key, r.get(kf.size(), Object.class));
            }
        }
        List<Object> out = new ArrayList<>();
        for (Object k : keys) {
            if (byKey.containsKey(k)) {
                Object v = byKey.get(k);
                out.add(node.expr() != null ? Convert.to(node.expr().javaType(), v, null) : v);
            }
        }
        return out;
    }
}
