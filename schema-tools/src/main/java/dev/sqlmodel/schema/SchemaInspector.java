package dev.sqlmodel.schema;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.Engine;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.impl.engine.ServerInfo;
import dev.sqlmodel.impl.engine.SqlErrors;
import dev.sqlmodel.schema.internal.Catalogs;
import dev.sqlmodel.schema.internal.EngineConnections;
import dev.sqlmodel.schema.internal.ModelSchemas;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * Reads the schema of a live database, or describes the schema a set of models needs.
 *
 * <p>Only the connection's current schema (PostgreSQL) or database (MySQL/MariaDB) is read;
 * on SQLite the main database. Types are normalised so that a column created from a model
 * compares equal to that model ({@code character varying(50)} reads as {@code VARCHAR(50)},
 * {@code tinyint(1)} as {@code BOOLEAN}, {@code int4} as {@code INTEGER}); identity, serial,
 * {@code AUTO_INCREMENT} and SQLite's {@code INTEGER PRIMARY KEY} read as auto-increment.
 */
public final class SchemaInspector {
    private SchemaInspector() {
    }

    /**
     * The schema of {@code engine}'s database.
     *
     * @throws SqlModelException when the catalog cannot be read
     */
    public static DatabaseSchema inspect(Engine engine) {
        try (EngineConnections c = EngineConnections.borrow(engine)) {
            return inspect(c.connection());
        }
    }

    /**
     * The schema of the database {@code connection} is connected to. The connection is left open.
     *
     * @throws SqlModelException when the database is not supported or the catalog cannot be read
     */
    public static DatabaseSchema inspect(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        Dialect dialect = null;
        try {
            dialect = ServerInfo.read(connection).dialect();
            return Catalogs.read(dialect, connection);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, null, dialect);
        }
    }

    /**
     * The schema that {@code models} need on {@code dialect}: the tables, keys, constraints and
     * indexes that {@code engine.createAll()} creates for them.
     *
     * @throws dev.sqlmodel.MappingException when a class is not a valid {@code @Table} model
     */
    public static DatabaseSchema fromModels(Dialect dialect, Class<?>... models) {
        Objects.requireNonNull(dialect, "dialect");
        return ModelSchemas.of(dialect, List.of(models));
    }
}
