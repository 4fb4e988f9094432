package dev.sqlmodel.impl.session;

import dev.sqlmodel.Column;
import dev.sqlmodel.Dialect;
import dev.sqlmodel.Related;
import dev.sqlmodel.RelationshipInfo.Kind;
import dev.sqlmodel.StaleObjectException;
import dev.sqlmodel.ast.Conflict;
import dev.sqlmodel.impl.meta.Convert;
import dev.sqlmodel.impl.meta.FieldMeta;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.meta.RelationMeta;
import dev.sqlmodel.impl.meta.RelationPath;
import dev.sqlmodel.impl.sql.SqlCompiler;
import dev.sqlmodel.impl.sql.SqlDialect;
import dev.sqlmodel.impl.types.ValueCodec;
import dev.sqlmodel.spi.RelationAccess;
import java.lang.invoke.MethodHandle;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements of a stateless session: multi-row INSERTs (RETURNING where the database has it,
 * generated keys otherwise, chunked under the dialect's parameter limit), upserts, updates of
 * every column by key with the {@code @Version} check, and deletes by key. The SQL texts are the
 * compiler's cached ones, shared with the unit of work's flush; values are bound from the
 * instances through the columns' codecs. Values written into instances (generated keys,
 * defaults, versions) are recorded in an undo log, so a failed call can put them back.
 */
final class StatelessWrites {
    private static final ClassValue<Map<List<FieldMeta>, Conflict>> UPSERTS = new ClassValue<>() {
        @Override
        protected Map<List<FieldMeta>, Conflict> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };
    private final Executor exec;
    private final SqlDialect dialect;
    private final SqlCompiler compiler;
    private final RelationAccess access = RelationAccess.get();
    private final List<Runnable> undo = new ArrayList<>();

    StatelessWrites(Executor exec, SqlDialect dialect, SqlCompiler compiler) {
        this.exec = exec;
        this.dialect = dialect;
        this.compiler = compiler;
    }

    /** Forgets the undo log: the call succeeded. */
    void forget() {
        undo.clear();
    }

    /** Puts back every value this object wrote into instances, latest first. */
    void undo() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        undo.clear();
    }

    /**
     * Writes the key of a loaded, non-null many-to-one target into the owner's foreign key
     * columns: an application that sets {@code hero.team} means that team.
     *
     * @throws IllegalArgumentException when the target has no key yet (it was never stored)
     */
    void syncForeignKeys(ModelMeta<?> meta, Object instance) {
        if (meta.isRecord() || meta.relations().isEmpty()) {
            return;
        }
        for (RelationMeta r : meta.relations()) {
            if (r.kind() != Kind.MANY_TO_ONE || !(r.accessor().get(instance) instanceof Related<?> holder)
                    || !holder.isLoaded()) {
                continue;
            }
            Object target = access.peek(holder);
            if (target == null) {
                continue;
            }
            RelationPath p = r.path();
            for (int i = 0; i < p.ownerColumns.size(); i++) {
                Object v = p.targetColumns.get(i).get(target);
                if (v == null) {
                    throw new IllegalArgumentException(meta.type().getName() + "." + r.name() + " refers to a "
                            + r.target().getSimpleName() + " without a key: insert it first");
                }
                FieldMeta fk = p.ownerColumns.get(i);
                fk.set(instance, Convert.to(fk.boxedType(), v, fk));
            }
        }
    }

    // ---- inserts and upserts -------------------------------------------------------------------

    /**
     * Inserts {@code rows} (instances of {@code meta}'s model) on {@code c}, or upserts them when
     * {@code upsert}; returns the stored instances in order (records replaced by copies).
     */
    List<Object> insert(Connection c, ModelMeta<?> meta, List<?> rows, boolean upsert) {
        int n = rows.size();
        List<Object> stored = new ArrayList<>(rows);
        // Only generated keys, columns with a SQL default and computed columns may be left to the
        // database; rows are grouped by which of them they leave, so each INSERT has one column list.
        List<FieldMeta> optional = meta.leftToDatabase();
        BitSet first = optional.isEmpty() || n == 0 ? new BitSet() : omitted(optional, rows.get(0));
        int same = 1;
        while (same < n && leavesSame(optional, rows.get(same), first)) {
            same++; // rows mostly leave the same columns to the database: no set and no map per row
        }
        if (same >= n) {
            insertShape(c, meta, first, allRows(n), rows, stored, upsert);
            return stored;
        }
        Map<BitSet, List<Integer>> shapes = new LinkedHashMap<>();
        List<Integer> firstRows = new ArrayList<>();
        for (int r = 0; r < same; r++) {
            firstRows.add(r);
        }
        shapes.put(first, firstRows);
        for (int r = same; r < n; r++) {
            shapes.computeIfAbsent(omitted(optional, rows.get(r)), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<BitSet, List<Integer>> e : shapes.entrySet()) {
            int[] shapeRows = new int[e.getValue().size()];
            for (int i = 0; i < shapeRows.length; i++) {
                shapeRows[i] = e.getValue().get(i);
            }
            insertShape(c, meta, e.getKey(), shapeRows, rows, stored, upsert);
        }
        return stored;
    }

    /** The positions of the {@code optional} columns {@code instance} leaves to the database. */
    private static BitSet omitted(List<FieldMeta> optional, Object instance) {
        BitSet omitted = new BitSet();
        for (FieldMeta f : optional) {
            if (f.computed() || f.get(instance) == null) {
                omitted.set(f.position());
            }
        }
        return omitted;
    }

    private static boolean leavesSame(List<FieldMeta> optional, Object instance, BitSet omitted) {
        for (FieldMeta f : optional) {
            if ((f.computed() || f.get(instance) == null) != omitted.get(f.position())) {
                return false;
            }
        }
        return true;
    }

    private static int[] allRows(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    private void insertShape(Connection c, ModelMeta<?> meta, BitSet omitted, int[] rows, List<?> instances,
            List<Object> stored, boolean upsert) {
        List<FieldMeta> cols = new ArrayList<>();
        List<FieldMeta> back = new ArrayList<>();
        for (FieldMeta f : meta.columns()) {
            if (omitted.get(f.position())) {
                back.add(f);
            } else {
                cols.add(f);
            }
        }
        Conflict conflict = upsert ? upsertConflict(meta, cols) : null;
        int perRow = Math.max(1, cols.size());
        int chunk = Math.max(1, Math.min(1000, dialect.maxParameters() / perRow));
        if (cols.isEmpty() && dialect.kind() != Dialect.MYSQL) {
            chunk = 1; // DEFAULT VALUES inserts one row
        }
        for (int at = 0; at < rows.length; at += chunk) {
            insertChunk(c, meta, cols, back, rows, at, Math.min(rows.length, at + chunk), instances, stored, conflict);
        }
    }

    /** ON CONFLICT (key) DO UPDATE of every written non-key column, one instance per column list. */
    private static Conflict upsertConflict(ModelMeta<?> meta, List<FieldMeta> cols) {
        return UPSERTS.get(meta.type()).computeIfAbsent(cols, k -> {
            List<Column<?, ?>> target = new ArrayList<>();
            for (FieldMeta f : meta.keyFields()) {
                target.add(column(meta, f));
            }
            List<Column<?, ?>> updates = new ArrayList<>();
            for (FieldMeta f : k) {
                if (!f.primaryKey()) {
                    updates.add(column(meta, f));
                }
            }
            if (updates.isEmpty()) {
                // nothing to update: DO NOTHING would skip the row, so set the key to itself
                updates.add(target.get(0));
            }
            return new Conflict(target, updates);
        });
    }

    private static Column<?, ?> column(ModelMeta<?> meta, FieldMeta f) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Column<?, ?> col = Column.of((Class) meta.type(), f.name(), (Class) f.boxedType());
        return col;
    }

    private void insertChunk(Connection c, ModelMeta<?> meta, List<FieldMeta> cols, List<FieldMeta> back,
            int[] rows, int from, int to, List<?> instances, List<Object> stored, Conflict conflict) {
        int count = to - from;
        boolean returning = !back.isEmpty() && dialect.supportsReturning();
        String text = compiler.insertText(meta, cols, count, conflict, returning ? back : List.of());
        FieldMeta gen = meta.generatedKey();
        boolean generatedKeys = !returning && gen != null && back.contains(gen);
        ModelCodecs.Reader reader = ModelCodecs.reader(meta, exec.dialect());
        // A class model's RETURNING columns go straight into its fields; a record's, and what a
        // database without RETURNING gives back, go through an array of each row's values first.
        MethodHandle filler = returning ? reader.filler(back) : null;
        Object[][] values = back.isEmpty() || filler != null ? null : new Object[count][];
        if (filler != null) {
            undoFill(back, rows, from, to, instances);
        }
        List<Object> logged = exec.logging() ? new ArrayList<>() : null;
        long start = exec.clock();
        PreparedStatement ps = null;
        try {
            ps = exec.statement(c, text, generatedKeys);
            int index = 1;
            ModelCodecs.Binder binder = reader.instanceBinder(cols);
            for (int i = from; i < to; i++) {
                index = binder.bind(ps, index, instances.get(rows[i]), logged);
            }
            if (returning) {
                int width = back.size();
                try (ResultSet rs = ps.executeQuery()) {
                    int n = 0;
                    while (rs.next()) {
                        if (n == count) {
                            throw new IllegalStateException("INSERT RETURNING gave more rows than " + count);
                        }
                        if (filler != null) {
                            ModelCodecs.fill(filler, instances.get(rows[from + n]), rs);
                        } else {
                            Object[] row = new Object[reader.codecs.length];
                            for (int i = 0; i < width; i++) {
                                int at = back.get(i).position();
                                row[at] = reader.codecs[at].read(rs, i + 1);
                            }
                            values[n] = row;
                        }
                        n++;
                    }
                    if (n != count) {
                        throw new IllegalStateException("INSERT RETURNING gave " + n + " rows for " + count);
                    }
                }
            } else {
                ps.executeUpdate();
                if (values != null) {
                    for (int i = 0; i < count; i++) {
                        values[i] = meta.values(instances.get(rows[from + i]));
                    }
                }
                if (generatedKeys) {
                    try (ResultSet rs = ps.getGeneratedKeys()) {
                        int n = 0;
                        while (n < count && rs.next()) {
                            values[n][gen.position()] = Convert.to(gen.boxedType(), rs.getObject(1), gen);
                            n++;
                        }
                        if (n != count) {
                            throw new IllegalStateException("INSERT gave " + n + " generated keys for " + count);
                        }
                    }
                }
            }
            exec.logged(text, logged == null ? List.of() : logged, start);
        } catch (SQLException e) {
            exec.failed(ps, e);
            exec.logged(text, logged == null ? List.of() : logged, start);
            throw exec.translate(e, text);
        } finally {
            exec.done(ps);
        }
        if (values == null) {
            return;
        }
        if (!returning) {
            List<FieldMeta> rest = new ArrayList<>(back);
            rest.remove(gen);
            if (!rest.isEmpty()) {
                String readText = KeyStatements.select(dialect, meta, rest);
                ValueCodec[] codecs = reader.codecs;
                for (Object[] row : values) {
                    exec.readByKey(c, readText, meta, rest, codecs, meta.keyOfValues(row), row);
                }
            }
        }
        assign(meta, back, rows, from, to, values, stored);
    }

    /**
     * Records how to put back the {@code back} fields of the instances of
     * {@code rows[from..to)}, which a filler is about to set: each left to the database because
     * it was null, but for computed columns, whose values are kept.
     */
    private void undoFill(List<FieldMeta> back, int[] rows, int from, int to, List<?> instances) {
        Object[] chunk = new Object[to - from];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = instances.get(rows[from + i]);
        }
        List<FieldMeta> computed = new ArrayList<>();
        List<FieldMeta> cleared = new ArrayList<>();
        for (FieldMeta f : back) {
            if (f.computed()) {
                computed.add(f);
            } else if (!f.javaType().isPrimitive()) {
                cleared.add(f);
            }
        }
        int width = computed.size();
        Object[] olds = new Object[chunk.length * width];
        for (int i = 0; i < chunk.length && width > 0; i++) {
            for (int j = 0; j < width; j++) {
                olds[i * width + j] = computed.get(j).get(chunk[i]);
            }
        }
        undo.add(() -> {
            for (int i = chunk.length - 1; i >= 0; i--) {
                for (FieldMeta f : cleared) {
                    f.set(chunk[i], null);
                }
                for (int j = 0; j < width; j++) {
                    Object old = olds[i * width + j];
                    if (!(old == null && computed.get(j).javaType().isPrimitive())) {
                        computed.get(j).set(chunk[i], old);
                    }
                }
            }
        });
    }

    /** Sets {@code fields} of {@code instance} to {@code row}'s values, undoably; a record is copied instead. */
    private Object assign(ModelMeta<?> meta, Object instance, List<FieldMeta> fields, Object[] row) {
        List<Object> one = new ArrayList<>(1);
        one.add(instance);
        assign(meta, fields, new int[] {0}, 0, 1, new Object[][] {row}, one);
        return one.get(0);
    }

    /**
     * Sets {@code fields} of the stored instances of {@code rows[from..to)} to the values of
     * {@code values[0..to-from)}, with one undo entry for all of them; records are replaced by
     * copies instead.
     */
    private void assign(ModelMeta<?> meta, List<FieldMeta> fields, int[] rows, int from, int to, Object[][] values,
            List<Object> stored) {
        if (meta.isRecord()) {
            for (int i = from; i < to; i++) {
                int r = rows[i];
                Map<FieldMeta, Object> changes = new HashMap<>();
                for (FieldMeta f : fields) {
                    changes.put(f, values[i - from][f.position()]);
                }
                @SuppressWarnings({"unchecked", "rawtypes"})
                Object copy = ((ModelMeta) meta).withValues(stored.get(r), changes);
                stored.set(r, copy);
            }
            return;
        }
        int width = fields.size();
        Object[] instances = new Object[to - from];
        Object[] olds = new Object[instances.length * width];
        for (int i = 0; i < instances.length; i++) {
            Object[] row = values[i];
            Object instance = stored.get(rows[from + i]);
            instances[i] = instance;
            for (int j = 0; j < width; j++) {
                FieldMeta f = fields.get(j);
                olds[i * width + j] = f.get(instance);
                Object v = row[f.position()];
                if (!(v == null && f.javaType().isPrimitive())) {
                    f.set(instance, v);
                }
            }
        }
        undo.add(() -> {
            // backwards, so that an instance listed twice ends with the value it had before the first
            for (int i = instances.length - 1; i >= 0; i--) {
                for (int j = 0; j < width; j++) {
                    FieldMeta f = fields.get(j);
                    Object old = olds[i * width + j];
                    if (!(old == null && f.javaType().isPrimitive())) {
                        f.set(instances[i], old);
                    }
                }
            }
        });
    }

    // ---- updates and deletes ----------------------------------------------------------------

    /**
     * Updates every written column of {@code instance} by key; checks and increments its version.
     *
     * @throws StaleObjectException when no row matched
     */
    Object update(Connection c, ModelMeta<?> meta, Object instance) {
        Object key = requireKey(meta, instance, "update");
        Object[] now = meta.values(instance);
        List<FieldMeta> set = new ArrayList<>();
        for (FieldMeta f : meta.columns()) {
            if (f.insertable() && !f.version() && !f.primaryKey()) {
                set.add(f);
            }
        }
        FieldMeta version = meta.versionField();
        Object oldVersion = version == null ? null : now[version.position()];
        Object newVersion = version == null ? null
                : Flusher.convertVersion(version, oldVersion == null ? 1L : ((Number) oldVersion).longValue() + 1);
        if (set.isEmpty() && version == null) {
            return instance; // only key columns: nothing to write
        }
        SqlCompiler.UpdateText text = compiler.updateText(meta, set, version, oldVersion == null);
        Object[] params = new Object[text.bound().size()];
        int at = 0;
        for (FieldMeta f : set) {
            params[at++] = now[f.position()];
        }
        if (version != null) {
            params[at++] = newVersion;
        }
        for (Object part : meta.keyParts(key)) {
            params[at++] = part;
        }
        if (version != null && oldVersion != null) {
            params[at] = oldVersion;
        }
        long start = exec.clock();
        PreparedStatement ps = null;
        long n;
        try {
            ps = exec.statement(c, text.sql(), false);
            Executor.bindFields(ps, ModelCodecs.of(meta, exec.dialect()), text.bound(), params);
            n = ps.executeLargeUpdate();
            exec.logged(text.sql(), Arrays.asList(params), start);
        } catch (SQLException e) {
            exec.failed(ps, e);
            throw exec.translate(e, text.sql());
        } finally {
            exec.done(ps);
        }
        if (n != 1) {
            throw new StaleObjectException(meta.type().getName() + " with key " + Flusher.describeKey(key)
                    + (version != null ? " was changed or deleted by another transaction (version " + oldVersion
                            + " no longer matches); nothing was written"
                            : " does not exist (deleted by another transaction?); nothing was written"));
        }
        if (version == null) {
            return instance;
        }
        Object[] row = now.clone();
        row[version.position()] = newVersion;
        return assign(meta, instance, List.of(version), row);
    }

    /**
     * Deletes {@code instance}'s row by key (and version); returns whether a row was deleted.
     *
     * @throws StaleObjectException when the model is versioned and no row matched
     */
    boolean delete(Connection c, ModelMeta<?> meta, Object instance) {
        Object key = requireKey(meta, instance, "delete");
        FieldMeta version = meta.versionField();
        Object v = version == null ? null : version.get(instance);
        long n = exec.deleteByKey(c, meta, key, v);
        if (n != 1 && version != null) {
            throw new StaleObjectException(meta.type().getName() + " with key " + Flusher.describeKey(key)
                    + " was changed or deleted by another transaction (version " + v
                    + " no longer matches); nothing was deleted");
        }
        return n > 0;
    }

    private static Object requireKey(ModelMeta<?> meta, Object instance, String what) {
        Object key = meta.keyOf(instance);
        if (key == null) {
            throw new IllegalArgumentException("cannot " + what + " " + meta.type().getName()
                    + " without a primary key value: it was never stored");
        }
        return key;
    }
}
