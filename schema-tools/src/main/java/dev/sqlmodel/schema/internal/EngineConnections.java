package dev.sqlmodel.schema.internal;

import dev.sqlmodel.Engine;
import dev.sqlmodel.Session;
import dev.sqlmodel.impl.engine.EngineImpl;
import java.sql.Connection;
import java.util.Objects;

/**
 * A connection of an engine, held for one piece of work. The library's own engine lends a
 * pooled connection directly; any other {@link Engine} lends the connection of a session.
 */
public final class EngineConnections implements AutoCloseable {
    private final EngineImpl impl;
    private final Session session;
    private final Connection connection;

    private EngineConnections(EngineImpl impl, Session session, Connection connection) {
        this.impl = impl;
        this.session = session;
        this.connection = connection;
    }

    /** Borrows a connection of {@code engine}. */
    public static EngineConnections borrow(Engine engine) {
        Objects.requireNonNull(engine, "engine");
        if (engine instanceof EngineImpl impl) {
            return new EngineConnections(impl, null, impl.acquire());
        }
        Session s = engine.session();
        return new EngineConnections(null, s, s.connection());
    }

    /** The borrowed connection (auto-commit on). */
    public Connection connection() {
        return connection;
    }

    /** Gives the connection back. */
    @Override
    public void close() {
        if (impl != null) {
            impl.release(connection);
        } else {
            session.close();
        }
    }

    @Override
    public String toString() {
        return "EngineConnections[" + connection + "]";
    }
}
