/**
 * Internal: the implementation of the schema tools (catalog readers per dialect, DDL rendering,
 * SQLite table rebuilds, the migration history and lock). Not an API; it may change without notice.
 */
package dev.sqlmodel.schema.internal;
