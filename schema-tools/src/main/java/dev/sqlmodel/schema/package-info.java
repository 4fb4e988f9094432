/**
 * Schema tools: read a live database's schema ({@link dev.sqlmodel.schema.SchemaInspector}),
 * compare it with the models ({@link dev.sqlmodel.schema.SchemaDiff}), write the difference as a
 * Flyway-compatible migration file ({@link dev.sqlmodel.schema.MigrationWriter}) and apply
 * migration files with a history table ({@link dev.sqlmodel.schema.MigrationRunner}).
 */
package dev.sqlmodel.schema;
