package dev.sqlmodel.impl.engine;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.sql.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Placeholder: replaced by the engine implementation. */
public abstract class EngineImpl implements dev.sqlmodel.Engine {
    /** An engine with its own pool. */
    public static EngineImpl create(dev.sqlmodel.Engine.Builder builder) {
        throw new UnsupportedOperationException();
    }

    /** An engine over a DataSource. */
    public static EngineImpl create(javax.sql.DataSource ds, List<Class<?>> models) {
        throw new UnsupportedOperationException();
    }

    /** The dialect object. */
    public abstract SqlDialect sqlDialect();

    /** A pooled connection. */
    public abstract Connection acquire();

    /** Returns a connection. */
    public abstract void release(Connection c);

    /** The statement log. */
    public abstract SqlLog log();

    /** Translates a driver exception. */
    public abstract SqlModelException translate(SQLException e, String sql);

    /** The known models. */
    public abstract List<ModelMeta<?>> modelMetas();

    @Override
    public abstract Dialect dialect();
}
