/**
 * Engine, connection pool, DDL and error translation. Internal: not API.
 */
package dev.sqlmodel.impl.engine;
