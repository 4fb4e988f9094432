/**
 * Session, unit of work, identity map, flush planning, results. Internal: not API.
 */
package dev.sqlmodel.impl.session;
