package dev.sqlmodel.impl.session;

import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.impl.engine.EngineImpl;
import dev.sqlmodel.impl.engine.SqlLog;
import dev.sqlmodel.impl.types.Codecs;
import dev.sqlmodel.impl.types.ValueCodec;
import dev.sqlmodel.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs SQL on the session's connection: binds parameters with their codecs, logs through the
 * engine's {@link SqlLog} and turns {@link SQLException}s into the library's exceptions.
 */
final class Executor {
    private final EngineImpl engine;
    private final Dialect dialect;
    private final SqlLog log;

    Executor(EngineImpl engine) {
        this.engine = engine;
        this.dialect = engine.dialect();
        this.log = engine.log();
    }

    Dialect dialect() {
        return dialect;
    }

    PreparedStatement prepare(Connection c, String sql, boolean generatedKeys) {
        try {
            return generatedKeys ? c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS) : c.prepareStatement(sql);
        } catch (SQLException e) {
            throw engine.translate(e, sql);
        }
    }

    void bind(PreparedStatement ps, List<Object> params, List<Class<?>> types) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object v = params.get(i);
            Class<?> t = types.get(i);
            ValueCodec codec = t == Object.class ? Codecs.forValue(v, dialect) : Codecs.forType(t, dialect);
            if (v != null && !dev.sqlmodel.impl.meta.Types.box(t).isInstance(v) && t != Object.class) {
                codec = Codecs.forValue(v, dialect);
            }
            codec.bindNullable(ps, i + 1, v);
        }
    }

    /** Runs an update statement and returns its row count. */
    long update(Connection c, String sql, List<Object> params, List<Class<?>> types) {
        long start = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params, types);
            long n = ps.executeLargeUpdate();
            log.statement(sql, params, System.nanoTime() - start);
            return n;
        } catch (SQLException e) {
            log.statement(sql, params, System.nanoTime() - start);
            throw engine.translate(e, sql);
        }
    }

    /** Runs a statement without parameters (savepoints, pragmas). */
    void plain(Connection c, String sql) {
        long start = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute(sql);
            log.statement(sql, List.of(), System.nanoTime() - start);
        } catch (SQLException e) {
            throw engine.translate(e, sql);
        }
    }

    void logged(String sql, List<?> params, long start) {
        log.statement(sql, params, System.nanoTime() - start);
    }

    void loggedBatch(String sql, int rows, long start) {
        log.batch(sql, rows, System.nanoTime() - start);
    }

    SqlModelException translate(SQLException e, String sql) {
        return engine.translate(e, sql);
    }
}
