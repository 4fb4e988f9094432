package dev.sqlmodel.impl;

import dev.sqlmodel.CompiledSql;
import dev.sqlmodel.Dialect;
import dev.sqlmodel.Dump;
import dev.sqlmodel.Engine;
import dev.sqlmodel.ModelInfo;
import dev.sqlmodel.impl.engine.EngineImpl;
import dev.sqlmodel.impl.meta.ModelRegistry;
import dev.sqlmodel.impl.sql.SqlCompiler;
import dev.sqlmodel.impl.sql.SqlDialect;
import dev.sqlmodel.spi.SqlModelProvider;
import jakarta.validation.ConstraintViolation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/** The implementation behind the API's static entry points. */
public final class SqlModelProviderImpl implements SqlModelProvider {
    /** Created by {@link java.util.ServiceLoader}. */
    public SqlModelProviderImpl() {
    }

    @Override
    public Engine engine(Engine.Builder builder) {
        return EngineImpl.create(builder);
    }

    @Override
    public Engine engine(DataSource dataSource, List<Class<?>> models) {
        return EngineImpl.create(dataSource, models);
    }

    @Override
    public CompiledSql compile(Object statement, Dialect dialect) {
        return SqlCompiler.of(SqlDialect.of(dialect)).compile(statement).toCompiledSql();
    }

    @Override
    public <M> ModelInfo<M> info(Class<M> type) {
        return ModelRegistry.of(type);
    }

    @Override
    public Map<String, Object> toMap(Object model, Dump... options) {
        return Serialization.toMap(model, options);
    }

    @Override
    public String toJson(Object model, Dump... options) {
        return Serialization.toJson(model, options);
    }

    @Override
    public <M> M fromMap(Class<M> type, Map<String, ?> values) {
        return Serialization.fromMap(type, values);
    }

    @Override
    public <M> M fromJson(Class<M> type, String json) {
        return Serialization.fromJson(type, json);
    }

    @Override
    public void update(Object target, Map<String, ?> patch) {
        Serialization.update(target, patch);
    }

    @Override
    public Set<ConstraintViolation<Object>> validate(Object model) {
        return Validation.validate(model);
    }
}
