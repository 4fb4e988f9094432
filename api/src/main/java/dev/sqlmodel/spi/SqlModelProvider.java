package dev.sqlmodel.spi;

import dev.sqlmodel.CompiledSql;
import dev.sqlmodel.Dialect;
import dev.sqlmodel.Dump;
import dev.sqlmodel.Engine;
import dev.sqlmodel.ModelInfo;
import jakarta.validation.ConstraintViolation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/** The implementation behind the API's static entry points, found with {@link java.util.ServiceLoader}. */
public interface SqlModelProvider {

    /** An engine with its own pool, configured by {@code builder}. */
    Engine engine(Engine.Builder builder);

    /** An engine over a container's DataSource; an empty list means the models.idx index. */
    Engine engine(DataSource dataSource, List<Class<?>> models);

    /** The SQL of a query or statement for {@code dialect}. */
    CompiledSql compile(Object statement, Dialect dialect);

    /** The metadata of a model. */
    <M> ModelInfo<M> info(Class<M> type);

    /** See {@link dev.sqlmodel.SqlModel#toMap}. */
    Map<String, Object> toMap(Object model, Dump... options);

    /** See {@link dev.sqlmodel.SqlModel#toJson}. */
    String toJson(Object model, Dump... options);

    /** See {@link dev.sqlmodel.SqlModel#fromMap}. */
    <M> M fromMap(Class<M> type, Map<String, ?> values);

    /** See {@link dev.sqlmodel.SqlModel#fromJson}. */
    <M> M fromJson(Class<M> type, String json);

    /** See {@link dev.sqlmodel.SqlModel#update}. */
    void update(Object target, Map<String, ?> patch);

    /** See {@link dev.sqlmodel.SqlModel#validate}. */
    Set<ConstraintViolation<Object>> validate(Object model);
}
