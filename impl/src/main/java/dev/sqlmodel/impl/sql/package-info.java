/**
 * The SQL compiler and the dialects. Internal: not API.
 */
package dev.sqlmodel.impl.sql;
