package dev.sqlmodel.impl.engine;

import java.util.List;

/** Placeholder: replaced by the engine implementation. */
public abstract class SqlLog {
    /** Whether statements are logged. */
    public abstract boolean enabled();

    /** Logs a statement. */
    public abstract void statement(String sql, List<?> params, long nanos);

    /** Logs a batch. */
    public abstract void batch(String sql, int rows, long nanos);
}
