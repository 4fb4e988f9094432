package dev.sqlmodel.impl.engine;

/** Placeholder: replaced by the engine implementation. */
public abstract class EngineImpl implements dev.sqlmodel.Engine {
}
