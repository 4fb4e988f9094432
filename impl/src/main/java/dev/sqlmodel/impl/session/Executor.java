package dev.sqlmodel.impl.session;

import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.impl.engine.EngineImpl;
import dev.sqlmodel.impl.engine.SqlErrors;
import dev.sqlmodel.impl.engine.SqlLog;
import dev.sqlmodel.impl.meta.FieldMeta;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.sql.Compiled;
import dev.sqlmodel.impl.sql.SqlDialect;
import dev.sqlmodel.impl.types.Codecs;
import dev.sqlmodel.impl.types.ValueCodec;
import dev.sqlmodel.Dialect;
import java.lang.invoke.MethodHandle;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs SQL on the session's connection: binds parameters with their codecs, logs through the
 * engine's {@link SqlLog} and turns {@link SQLException}s into the library's exceptions.
 */
final class Executor {
    private final EngineImpl engine;
    private final Dialect dialect;
    private final SqlLog log;
    private final boolean keep;
    private Connection cachedHandle;
    private StatementCache cache;

    Executor(EngineImpl engine) {
        this.engine = engine;
        this.dialect = engine.dialect();
        this.log = engine.log();
        this.keep = engine.keepsStatements();
    }

    /**
     * A prepared statement for {@code sql} on {@code c}: kept per physical connection when the
     * engine owns its pool (give it back with {@link #done}, never close it), else a new one.
     */
    PreparedStatement statement(Connection c, String sql, boolean generatedKeys) throws SQLException {
        if (!keep) {
            return generatedKeys ? c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS) : c.prepareStatement(sql);
        }
        if (c != cachedHandle) {
            cache = StatementCache.of(c);
            cachedHandle = c;
        }
        return cache.prepare(sql, generatedKeys);
    }

    /**
     * Sets the row limit of {@code ps}, just returned by {@link #statement} (0 or less: none),
     * unless it has that limit already: a kept statement remembers the last one.
     */
    private void maxRows(PreparedStatement ps, int max) throws SQLException {
        if (keep) {
            cache.maxRows(ps, max);
        } else if (max > 0) {
            ps.setMaxRows(max);
        }
    }

    /**
     * Ends a use of a statement from {@link #statement} whose execution failed with {@code e}: it
     * is not kept, since a driver may leave it unusable (sqlite-jdbc after its table was dropped
     * and created again), unless {@code e} is a violated constraint, after which every driver
     * runs it again with other values.
     */
    void failed(PreparedStatement ps, SQLException e) {
        if (ps != null && keep && cache != null && !SqlErrors.isConstraintViolation(e)) {
            cache.discard(ps);
        }
    }

    /** Ends a use of a statement from {@link #statement}: closes it unless it is kept. */
    void done(PreparedStatement ps) {
        if (ps != null && !keep) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // nothing left to release
            }
        }
    }

    Dialect dialect() {
        return dialect;
    }

    /** Whether statements are logged (their parameters are then worth collecting). */
    boolean logging() {
        return log.enabled();
    }

    void bind(PreparedStatement ps, List<Object> params, List<Class<?>> types) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object v = params.get(i);
            Class<?> t = types.get(i);
            // A value of another type than declared (an Expr typed Object, say) binds by its own type.
            boolean declared = t != Object.class && (v == null || t.isInstance(v)
                    || dev.sqlmodel.impl.meta.Types.box(t).isInstance(v));
            ValueCodec codec = declared ? Codecs.forType(t, dialect) : Codecs.forValue(v, dialect);
            codec.bindNullable(ps, i + 1, v);
        }
    }

    /**
     * Runs a compiled query on {@code c} and reads up to {@code max} results (negative: all) with
     * {@code reader}. Each row becomes its result as it is read, while its values are still in
     * the cache, except rows of a single model the session attaches when the query has no
     * LIMIT: those are read as column values first and become instances in a second pass, once
     * their number is known, so that the session makes room for all of them at once (see
     * {@link RowReader.Models#expect}) instead of growing its tables as they come.
     */
    List<Object> query(Connection c, Compiled compiled, RowReader reader, int max) {
        long start = clock();
        PreparedStatement ps = null;
        List<Object> out;
        boolean valuesFirst = reader.readsValuesFirst();
        try {
            ps = statement(c, compiled.sql(), false);
            maxRows(ps, max);
            bind(ps, compiled.params(), compiled.paramTypes());
            int expected = max >= 0 ? Math.min(max, reader.expectedRows()) : reader.expectedRows();
            out = new ArrayList<>(expected);
            try (ResultSet rs = ps.executeQuery()) {
                if (valuesFirst) {
                    while ((max < 0 || out.size() < max) && rs.next()) {
                        out.add(reader.values(rs));
                    }
                } else {
                    reader.expect(expected);
                    while ((max < 0 || out.size() < max) && rs.next()) {
                        out.add(reader.read(rs));
                    }
                }
            }
            logged(compiled.sql(), compiled.params(), start);
        } catch (SQLException e) {
            failed(ps, e);
            throw engine.translate(e, compiled.sql());
        } finally {
            done(ps);
        }
        if (valuesFirst && !out.isEmpty()) {
            reader.expect(out.size());
            for (int i = 0; i < out.size(); i++) {
                out.set(i, reader.model((Object[]) out.get(i)));
            }
        }
        return out;
    }

    /**
     * The column values of the row of {@code meta} with primary key {@code key} (normalized),
     * or null when there is none: the statement of {@code get} and {@code refresh}.
     */
    Object[] selectByKey(Connection c, ModelMeta<?> meta, Object key) {
        return (Object[]) selectByKey(c, meta, key, null);
    }

    /**
     * The row of {@code meta} whose key is {@code key}: read straight into a finished instance
     * by {@code straight} (from {@link ModelCodecs.Reader#instanceThen}), or as its column values
     * when {@code straight} is null; null when no row has that key.
     */
    Object selectByKey(Connection c, ModelMeta<?> meta, Object key, MethodHandle straight) {
        String text = KeyStatements.select(engine.sqlDialect(), meta);
        List<FieldMeta> keyFields = meta.keyFields();
        ModelCodecs.Reader reader = ModelCodecs.reader(meta, dialect);
        long start = clock();
        PreparedStatement ps = null;
        try {
            ps = statement(c, text, false);
            if (keyFields.size() == 1 && !(key instanceof dev.sqlmodel.Key)) {
                reader.codecs[keyFields.get(0).position()].bindNullable(ps, 1, key);
            } else {
                bindFields(ps, reader.codecs, keyFields, meta.keyParts(key));
            }
            Object values;
            try (ResultSet rs = ps.executeQuery()) {
                values = !rs.next() ? null : straight != null ? reader.instance(straight, rs, 0) : reader.read(rs, 0);
            }
            if (log.enabled()) {
                logged(text, java.util.Arrays.asList(meta.keyParts(key)), start);
            }
            return values;
        } catch (SQLException e) {
            failed(ps, e);
            throw engine.translate(e, text);
        } finally {
            done(ps);
        }
    }

    /** Runs a query of the session's own (relationship loads) on {@code c} and hands each row to {@code handler}. */
    void rows(Connection c, String sql, List<Object> params, List<Class<?>> types, SessionImpl.RowHandler handler) {
        long start = clock();
        PreparedStatement ps = null;
        try {
            ps = statement(c, sql, false);
            bind(ps, params, types);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
            logged(sql, params, start);
        } catch (SQLException e) {
            failed(ps, e);
            throw engine.translate(e, sql);
        } finally {
            done(ps);
        }
    }

    /** Runs an update statement and returns its row count. */
    long update(Connection c, String sql, List<Object> params, List<Class<?>> types) {
        long start = clock();
        PreparedStatement ps = null;
        try {
            ps = statement(c, sql, false);
            bind(ps, params, types);
            long n = ps.executeLargeUpdate();
            logged(sql, params, start);
            return n;
        } catch (SQLException e) {
            logged(sql, params, start);
            failed(ps, e);
            throw engine.translate(e, sql);
        } finally {
            done(ps);
        }
    }

    /**
     * Deletes the row of {@code meta} whose key is {@code key} and returns the row count; for a
     * versioned model only while its version is {@code version} ({@code IS NULL} for null). The
     * text is the one kept per model ({@link KeyStatements#delete}); values bind through the
     * columns' codecs.
     */
    long deleteByKey(Connection c, ModelMeta<?> meta, Object key, Object version) {
        FieldMeta versionField = meta.versionField();
        String text = KeyStatements.delete(engine.sqlDialect(), meta, versionField != null && version == null);
        Object[] parts = meta.keyParts(key);
        Object versionValue = versionField != null ? version : null;
        ValueCodec[] codecs = ModelCodecs.of(meta, dialect);
        long start = clock();
        PreparedStatement ps = null;
        try {
            ps = statement(c, text, false);
            bindFields(ps, codecs, meta.keyFields(), parts);
            if (versionValue != null) {
                codecs[versionField.position()].bindNullable(ps, parts.length + 1, versionValue);
            }
            long n = ps.executeLargeUpdate();
            if (log.enabled()) {
                logged(text, deleteParams(parts, versionValue), start);
            }
            return n;
        } catch (SQLException e) {
            if (log.enabled()) {
                logged(text, deleteParams(parts, versionValue), start);
            }
            failed(ps, e);
            throw engine.translate(e, text);
        } finally {
            done(ps);
        }
    }

    private static List<Object> deleteParams(Object[] parts, Object version) {
        List<Object> params = new ArrayList<>(java.util.Arrays.asList(parts));
        if (version != null) {
            params.add(version);
        }
        return params;
    }

    /**
     * Runs a multi-row INSERT text that binds {@code cols} of each of {@code rows} (instances
     * of {@code meta}'s model) in order, through the columns' codecs, and returns the row count.
     */
    long insertRows(Connection c, String sql, ModelMeta<?> meta, List<FieldMeta> cols, List<?> rows) {
        ModelCodecs.Binder binder = ModelCodecs.reader(meta, dialect).binder(cols);
        long start = clock();
        List<Object> logged = log.enabled() ? new ArrayList<>() : null;
        PreparedStatement ps = null;
        try {
            ps = statement(c, sql, false);
            int index = 1;
            for (int r = 0; r < rows.size(); r++) {
                index = binder.bind(ps, index, meta.values(rows.get(r)), logged); // one handle call per row
            }
            long n = ps.executeLargeUpdate();
            logged(sql, logged, start);
            return n;
        } catch (SQLException e) {
            logged(sql, logged, start);
            failed(ps, e);
            throw engine.translate(e, sql);
        } finally {
            done(ps);
        }
    }

    /** Binds {@code values[i]} as parameter {@code i + 1} through the codec of {@code fields.get(i)}. */
    static void bindFields(PreparedStatement ps, ValueCodec[] codecs, List<FieldMeta> fields, Object[] values)
            throws SQLException {
        for (int i = 0; i < values.length; i++) {
            codecs[fields.get(i).position()].bindNullable(ps, i + 1, values[i]);
        }
    }

    /**
     * Reads {@code fields} of the row of {@code meta} whose key is {@code key} with {@code text}
     * (from {@link KeyStatements#select(SqlDialect, ModelMeta, List)}) into {@code into}, at the
     * fields' positions; false when no row has that key. Database-supplied values (defaults,
     * computed columns) of rows just written are read back this way where the database has no
     * {@code RETURNING}.
     */
    boolean readByKey(Connection c, String text, ModelMeta<?> meta, List<FieldMeta> fields, ValueCodec[] codecs,
            Object key, Object[] into) {
        Object[] parts = meta.keyParts(key);
        long start = clock();
        PreparedStatement ps = null;
        try {
            ps = statement(c, text, false);
            bindFields(ps, codecs, meta.keyFields(), parts);
            boolean found;
            try (ResultSet rs = ps.executeQuery()) {
                found = rs.next();
                if (found) {
                    for (int i = 0; i < fields.size(); i++) {
                        into[fields.get(i).position()] = codecs[fields.get(i).position()].read(rs, i + 1);
                    }
                }
            }
            if (log.enabled()) {
                logged(text, java.util.Arrays.asList(parts), start);
            }
            return found;
        } catch (SQLException e) {
            failed(ps, e);
            throw engine.translate(e, text);
        } finally {
            done(ps);
        }
    }

    /** Runs a statement without parameters (savepoints, pragmas). */
    void plain(Connection c, String sql) {
        long start = clock();
        try (Statement s = c.createStatement()) {
            s.execute(sql);
            logged(sql, List.of(), start);
        } catch (SQLException e) {
            throw engine.translate(e, sql);
        }
    }

    /** The start time of a statement for its log entry (0 when nothing is logged: no clock read). */
    long clock() {
        return log.enabled() ? System.nanoTime() : 0L;
    }

    void logged(String sql, List<?> params, long start) {
        if (log.enabled()) {
            log.statement(sql, params, System.nanoTime() - start);
        }
    }

    void loggedBatch(String sql, int rows, long start) {
        if (log.enabled()) {
            log.batch(sql, rows, System.nanoTime() - start);
        }
    }

    SqlModelException translate(SQLException e, String sql) {
        return engine.translate(e, sql);
    }
}
