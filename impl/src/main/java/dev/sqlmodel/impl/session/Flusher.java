package dev.sqlmodel.impl.session;

import dev.sqlmodel.Key;
import dev.sqlmodel.StaleObjectException;
import dev.sqlmodel.impl.meta.FieldMeta;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.sql.SqlDialect;
import dev.sqlmodel.impl.types.ValueCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link FlushPlan}. Inserts of one model go out as multi-row INSERTs (with
 * RETURNING for database-generated values where the database has it, generated keys
 * otherwise), chunked under the dialect's parameter limit; updates of the same shape go out
 * as one JDBC batch, versioned ones one by one so each row count can be checked; deletes go
 * out as {@code WHERE key IN (...)}. Every change made to instances along the way (generated
 * keys, versions) is recorded in an undo log, so a failed flush can put them back.
 */
final class Flusher {
    private final SessionImpl session;
    private final Executor exec;
    private final SqlDialect dialect;
    private final Connection conn;
    private final List<Runnable> undo = new ArrayList<>();
    /** New column values of each written state, applied as snapshots once the flush succeeded. */
    final Map<EntityState, Object[]> written = new LinkedHashMap<>();
    /** Keys generated or changed during the flush. */
    final Map<EntityState, Object> keys = new HashMap<>();
    /** Record instances replaced by copies carrying generated values. */
    final Map<EntityState, Object> replaced = new HashMap<>();

    Flusher(SessionImpl session, Executor exec, SqlDialect dialect, Connection conn) {
        this.session = session;
        this.exec = exec;
        this.dialect = dialect;
        this.conn = conn;
    }

    void run(FlushPlan plan) {
        for (List<EntityState> group : plan.inserts) {
            insert(group);
        }
        update(plan.updates);
        for (List<EntityState> group : plan.deletes) {
            delete(group);
        }
    }

    void undo() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
    }

    private void set(EntityState s, FieldMeta f, Object value) {
        Object instance = currentInstance(s);
        if (s.meta.isRecord()) {
            Map<FieldMeta, Object> change = Map.of(f, value);
            @SuppressWarnings({"unchecked", "rawtypes"})
            Object copy = ((ModelMeta) s.meta).withValues(instance, change);
            replaced.put(s, copy);
            return;
        }
        Object old = f.get(instance);
        f.set(instance, value);
        undo.add(() -> f.set(instance, old));
    }

    Object currentInstance(EntityState s) {
        Object r = replaced.get(s);
        return r != null ? r : s.instance;
    }

    // ---- inserts ----------------------------------------------------------------------

    private void insert(List<EntityState> group) {
        ModelMeta<?> meta = group.get(0).meta;
        FieldMeta gen = meta.generatedKey();
        // Rows are grouped by which columns they leave to the database, so each INSERT has one column list.
        Map<BitSet, List<EntityState>> shapes = new LinkedHashMap<>();
        for (EntityState s : group) {
            BitSet omitted = new BitSet();
            for (FieldMeta f : meta.columns()) {
                Object v = f.get(s.instance);
                if (f.computed() || v == null && (f == gen || !f.sqlDefault().isEmpty())) {
                    omitted.set(f.position());
                }
                if (f == gen && meta.keyOf(s.instance) == null) {
                    omitted.set(f.position());
                }
            }
            shapes.computeIfAbsent(omitted, k -> new ArrayList<>()).add(s);
        }
        for (Map.Entry<BitSet, List<EntityState>> e : shapes.entrySet()) {
            insertShape(meta, e.getKey(), e.getValue());
        }
    }

    private void insertShape(ModelMeta<?> meta, BitSet omitted, List<EntityState> rows) {
        List<FieldMeta> cols = new ArrayList<>();
        List<FieldMeta> back = new ArrayList<>();
        for (FieldMeta f : meta.columns()) {
            if (omitted.get(f.position())) {
                back.add(f);
            } else {
                cols.add(f);
            }
        }
        int perRow = Math.max(1, cols.size());
        int chunk = Math.max(1, Math.min(1000, dialect.maxParameters() / perRow));
        for (int from = 0; from < rows.size(); from += chunk) {
            List<EntityState> part = rows.subList(from, Math.min(rows.size(), from + chunk));
            insertChunk(meta, cols, back, part);
        }
    }

    private void insertChunk(ModelMeta<?> meta, List<FieldMeta> cols, List<FieldMeta> back, List<EntityState> rows) {
        StringBuilder sql = new StringBuilder(64 + rows.size() * cols.size() * 3);
        sql.append("INSERT INTO ");
        session.table(sql, meta);
        if (cols.isEmpty()) {
            sql.append(dialect.kind() == dev.sqlmodel.Dialect.MYSQL ? " () VALUES " : " DEFAULT VALUES");
        } else {
            sql.append(" (");
            for (int i = 0; i < cols.size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                sql.append(dialect.quote(cols.get(i).column()));
            }
            sql.append(") VALUES ");
        }
        if (!cols.isEmpty() || dialect.kind() == dev.sqlmodel.Dialect.MYSQL) {
            for (int r = 0; r < rows.size(); r++) {
                if (r > 0) {
                    sql.append(", ");
                }
                sql.append('(');
                for (int i = 0; i < cols.size(); i++) {
                    sql.append(i == 0 ? "?" : ", ?");
                }
                sql.append(')');
            }
        } else if (rows.size() > 1) {
            // DEFAULT VALUES inserts one row: send one statement per row.
            for (EntityState s : rows) {
                insertChunk(meta, cols, back, List.of(s));
            }
            return;
        }
        boolean returning = !back.isEmpty() && dialect.supportsReturning();
        if (returning) {
            sql.append(" RETURNING ");
            for (int i = 0; i < back.size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                sql.append(dialect.quote(back.get(i).column()));
            }
        }
        String text = sql.toString();
        FieldMeta gen = meta.generatedKey();
        boolean generatedKeys = !returning && gen != null && back.contains(gen);
        ValueCodec[] codecs = ModelCodecs.of(meta, exec.dialect());
        List<Object> logged = session.logEnabled() ? new ArrayList<>() : null;
        long start = System.nanoTime();
        try (PreparedStatement ps = generatedKeys ? conn.prepareStatement(text, Statement.RETURN_GENERATED_KEYS)
                : conn.prepareStatement(text)) {
            int index = 1;
            for (EntityState s : rows) {
                for (FieldMeta f : cols) {
                    Object v = f.get(s.instance);
                    codecs[f.position()].bindNullable(ps, index++, v);
                    if (logged != null) {
                        logged.add(v);
                    }
                }
            }
            if (returning) {
                try (ResultSet rs = ps.executeQuery()) {
                    int r = 0;
                    while (rs.next()) {
                        EntityState s = rows.get(r++);
                        for (int i = 0; i < back.size(); i++) {
                            FieldMeta f = back.get(i);
                            set(s, f, codecs[f.position()].read(rs, i + 1));
                        }
                    }
                    if (r != rows.size()) {
                        throw new IllegalStateException("INSERT RETURNING gave " + r + " rows for " + rows.size());
                    }
                }
            } else {
                ps.executeUpdate();
                if (generatedKeys) {
                    try (ResultSet rs = ps.getGeneratedKeys()) {
                        int r = 0;
                        while (rs.next() && r < rows.size()) {
                            Object key = dev.sqlmodel.impl.meta.Convert.to(gen.boxedType(), rs.getObject(1), gen);
                            set(rows.get(r++), gen, key);
                        }
                        if (r != rows.size()) {
                            throw new IllegalStateException("INSERT gave " + r + " generated keys for " + rows.size());
                        }
                    }
                }
            }
            exec.logged(text, logged == null ? List.of() : logged, start);
        } catch (SQLException e) {
            exec.logged(text, logged == null ? List.of() : logged, start);
            throw exec.translate(e, text);
        }
        for (EntityState s : rows) {
            keys.put(s, s.meta.keyOf(currentInstance(s)));
        }
        if (!returning) {
            List<FieldMeta> rest = new ArrayList<>(back);
            rest.remove(gen);
            if (!rest.isEmpty()) {
                readBack(meta, rest, rows);
            }
        }
        for (EntityState s : rows) {
            written.put(s, valuesOf(s));
        }
    }

    /** Reads database-supplied values (defaults, computed columns) of rows just inserted, by key. */
    private void readBack(ModelMeta<?> meta, List<FieldMeta> fields, List<EntityState> rows) {
        ValueCodec[] codecs = ModelCodecs.of(meta, exec.dialect());
        for (EntityState s : rows) {
            StringBuilder sql = new StringBuilder("SELECT ");
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                sql.append(dialect.quote(fields.get(i).column()));
            }
            sql.append(" FROM ");
            session.table(sql, meta);
            List<Object> params = new ArrayList<>();
            List<Class<?>> types = new ArrayList<>();
            whereKey(sql, meta, keys.get(s), params, types);
            String text = sql.toString();
            long start = System.nanoTime();
            try (PreparedStatement ps = conn.prepareStatement(text)) {
                exec.bind(ps, params, types);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        for (int i = 0; i < fields.size(); i++) {
                            set(s, fields.get(i), codecs[fields.get(i).position()].read(rs, i + 1));
                        }
                    }
                }
                exec.logged(text, params, start);
            } catch (SQLException e) {
                throw exec.translate(e, text);
            }
        }
    }

    private Object[] valuesOf(EntityState s) {
        Object instance = currentInstance(s);
        List<FieldMeta> cols = s.meta.columns();
        Object[] v = new Object[cols.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = cols.get(i).get(instance);
        }
        return v;
    }

    void whereKey(StringBuilder sql, ModelMeta<?> meta, Object key, List<Object> params, List<Class<?>> types) {
        sql.append(" WHERE ");
        Object[] parts = meta.keyParts(key);
        List<FieldMeta> kf = meta.keyFields();
        for (int i = 0; i < kf.size(); i++) {
            if (i > 0) {
                sql.append(" AND ");
            }
            sql.append(dialect.quote(kf.get(i).column())).append(" = ?");
            params.add(parts[i]);
            types.add(kf.get(i).boxedType());
        }
    }

    // ---- updates ----------------------------------------------------------------------

    private void update(List<EntityState> dirty) {
        // Group by (model, changed columns): each group is one SQL text and one JDBC batch.
        Map<String, List<Object[]>> batches = new LinkedHashMap<>();
        Map<String, List<EntityState>> batchStates = new LinkedHashMap<>();
        for (EntityState s : dirty) {
            ModelMeta<?> meta = s.meta;
            Object[] now = s.values();
            List<FieldMeta> changed = new ArrayList<>();
            for (FieldMeta f : meta.columns()) {
                if (f.insertable() && !f.version() && (s.snapshot == null
                        || !EntityState.same(s.snapshot[f.position()], now[f.position()]))) {
                    changed.add(f);
                }
            }
            if (changed.isEmpty()) {
                continue;
            }
            FieldMeta version = meta.versionField();
            StringBuilder sql = new StringBuilder(64);
            sql.append("UPDATE ");
            session.table(sql, meta);
            sql.append(" SET ");
            List<Object> params = new ArrayList<>();
            List<Class<?>> types = new ArrayList<>();
            for (int i = 0; i < changed.size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                sql.append(dialect.quote(changed.get(i).column())).append(" = ?");
                params.add(now[changed.get(i).position()]);
                types.add(changed.get(i).boxedType());
            }
            Object oldVersion = null;
            Object newVersion = null;
            if (version != null) {
                oldVersion = s.snapshot == null ? now[version.position()] : s.snapshot[version.position()];
                newVersion = oldVersion == null ? (Object) convertVersion(version, 1L)
                        : convertVersion(version, ((Number) oldVersion).longValue() + 1);
                sql.append(", ").append(dialect.quote(version.column())).append(" = ?");
                params.add(newVersion);
                types.add(version.boxedType());
            }
            Object oldKey = s.key;
            whereKey(sql, meta, oldKey, params, types);
            if (version != null) {
                if (oldVersion == null) {
                    sql.append(" AND ").append(dialect.quote(version.column())).append(" IS NULL");
                } else {
                    sql.append(" AND ").append(dialect.quote(version.column())).append(" = ?");
                    params.add(oldVersion);
                    types.add(version.boxedType());
                }
                long n = exec.update(conn, sql.toString(), params, types);
                if (n != 1) {
                    throw new StaleObjectException(meta.type().getName() + " with key " + describeKey(oldKey)
                            + " was changed or deleted by another transaction (version " + oldVersion
                            + " no longer matches); nothing of this flush was written");
                }
                set(s, version, newVersion);
            } else {
                String text = sql.toString();
                batches.computeIfAbsent(text, k -> new ArrayList<>()).add(new Object[] {params, types});
                batchStates.computeIfAbsent(text, k -> new ArrayList<>()).add(s);
            }
            Object newKey = meta.keyOf(currentInstance(s));
            if (newKey != null && !newKey.equals(oldKey)) {
                keys.put(s, newKey);
            }
            written.put(s, valuesOf(s));
        }
        for (Map.Entry<String, List<Object[]>> e : batches.entrySet()) {
            runBatch(e.getKey(), e.getValue(), batchStates.get(e.getKey()));
        }
    }

    private static Object convertVersion(FieldMeta version, long value) {
        return version.boxedType() == Integer.class ? (Object) Math.toIntExact(value) : (Object) value;
    }

    @SuppressWarnings("unchecked")
    private void runBatch(String sql, List<Object[]> rows, List<EntityState> states) {
        long start = System.nanoTime();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            if (rows.size() == 1) {
                exec.bind(ps, (List<Object>) rows.get(0)[0], (List<Class<?>>) rows.get(0)[1]);
                int n = ps.executeUpdate();
                exec.logged(sql, (List<Object>) rows.get(0)[0], start);
                checkCount(n, states.get(0));
                return;
            }
            for (Object[] r : rows) {
                exec.bind(ps, (List<Object>) r[0], (List<Class<?>>) r[1]);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            exec.loggedBatch(sql, rows.size(), start);
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != Statement.SUCCESS_NO_INFO) {
                    checkCount(counts[i], states.get(i));
                }
            }
        } catch (SQLException e) {
            throw exec.translate(e, sql);
        }
    }

    private void checkCount(int n, EntityState s) {
        if (n == 0) {
            throw new StaleObjectException(s.meta.type().getName() + " with key " + describeKey(s.key)
                    + " no longer exists (deleted by another transaction?); nothing of this flush was written");
        }
    }

    private static String describeKey(Object key) {
        return key instanceof Key k ? k.values().toString() : String.valueOf(key);
    }

    // ---- deletes ----------------------------------------------------------------------

    private void delete(List<EntityState> group) {
        ModelMeta<?> meta = group.get(0).meta;
        FieldMeta version = meta.versionField();
        if (version != null || meta.keyFields().size() > 1) {
            for (EntityState s : group) {
                StringBuilder sql = new StringBuilder("DELETE FROM ");
                session.table(sql, meta);
                List<Object> params = new ArrayList<>();
                List<Class<?>> types = new ArrayList<>();
                whereKey(sql, meta, s.key, params, types);
                Object v = version == null ? null
                        : s.snapshot == null ? version.get(s.instance) : s.snapshot[version.position()];
                if (version != null) {
                    if (v == null) {
                        sql.append(" AND ").append(dialect.quote(version.column())).append(" IS NULL");
                    } else {
                        sql.append(" AND ").append(dialect.quote(version.column())).append(" = ?");
                        params.add(v);
                        types.add(version.boxedType());
                    }
                }
                long n = exec.update(conn, sql.toString(), params, types);
                if (n != 1 && version != null) {
                    throw new StaleObjectException(meta.type().getName() + " with key " + describeKey(s.key)
                            + " was changed or deleted by another transaction (version " + v
                            + " no longer matches); nothing of this flush was written");
                }
            }
            return;
        }
        FieldMeta key = meta.keyFields().get(0);
        int chunk = Math.max(1, Math.min(1000, dialect.maxParameters()));
        for (int from = 0; from < group.size(); from += chunk) {
            List<EntityState> part = group.subList(from, Math.min(group.size(), from + chunk));
            StringBuilder sql = new StringBuilder("DELETE FROM ");
            session.table(sql, meta);
            sql.append(" WHERE ").append(dialect.quote(key.column())).append(" IN (");
            List<Object> params = new ArrayList<>();
            List<Class<?>> types = new ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                sql.append(i == 0 ? "?" : ", ?");
                params.add(part.get(i).key);
                types.add(key.boxedType());
            }
            sql.append(')');
            exec.update(conn, sql.toString(), params, types);
        }
    }
}
