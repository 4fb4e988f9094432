/**
 * Engine, connection sources (an Agroal pool the engine owns, or a container's DataSource),
 * DDL generation and error translation. Internal: not API, may change in any release.
 */
package dev.sqlmodel.impl.engine;
