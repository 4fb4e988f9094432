package dev.sqlmodel.impl.session;

import dev.sqlmodel.impl.engine.EngineImpl;

/** Placeholder until the unit of work lands; constructed by {@link EngineImpl#session()}. */
public abstract class SessionImpl implements dev.sqlmodel.Session {
    /** Creates a session of {@code engine}. */
    protected SessionImpl(EngineImpl engine) {
    }
}
